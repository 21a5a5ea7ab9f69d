import AzspecTesting
import Foundation
import Testing

/// `credentials:` read from Microsoft Graph by the test's identity: no client secret, days left, days valid in all,
/// federated subjects; never a secret or its hint in any output.
@Suite struct CredentialChecksTests {
    static let configuration = """
        tenants:
          - id: 11111111-2222-3333-4444-555555555555
            servicePrincipals:
              - { name: auditor, clientId: a0000000-0000-4000-8000-000000000001, objectId: b0000000-0000-4000-8000-000000000001, secrets: [auditor-secret-value], appRoles: [Directory.Read.All] }
              - name: federated
                clientId: a0000000-0000-4000-8000-000000000002
                objectId: b0000000-0000-4000-8000-000000000002
                federatedCredentials: [ { issuer: "{baseURL}/_azspec/oidc", subject: "repo:contoso/infra:environment:prod" } ]
              - name: expiring
                clientId: a0000000-0000-4000-8000-000000000003
                objectId: b0000000-0000-4000-8000-000000000003
                secrets: [ { value: soon-gone-secret-value, expires: "2026-12-20T00:00:00Z" }, { value: old-secret-value, expires: "2020-01-01T00:00:00Z" } ]
            subscriptions: [ { id: 99999999-8888-7777-6666-555555555555 } ]
        """

    @Test func secretsCertificatesAndFederationAreHeldToTheCheck() async throws {
        let run = try await BinaryRun(
            ["run", "--emulator", "--emulator-config", "emulator.yaml", "specs", "-v"],
            files: [
                "emulator.yaml": Self.configuration,
                "specs/azspec.yaml":
                    "identities:\n  auditor: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000001, secret: auditor-secret-value }\n  expiring: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000003, secret: soon-gone-secret-value }\n",
                "specs/credentials.yaml": """
                name: credentials
                identity: auditor
                tests:
                  - name: federation only, from prod
                    credentials: { principal: federated, noSecrets: true, federatedSubjects: ["repo:contoso/infra:environment:prod"] }
                  - name: a subject that is not trusted
                    credentials: { principal: federated, federatedSubjects: ["repo:contoso/infra:ref:refs/heads/main"] }
                  - name: secrets that last a month
                    credentials: { principal: expiring, minDaysLeft: 30 }
                  - name: the auditor may not read itself out of Graph without the permission
                    identity: expiring
                    credentials: { principal: federated, noSecrets: true }
                """,
            ])
        #expect(run.status == 1, "\(run.all)")
        let xml = try #require(run.junit)
        #expect(xml.contains(#"tests="4" failures="2" errors="1""#), "\(xml)")
        #expect(
            xml.contains(
                "federatedSubjects: repo:contoso/infra:ref:refs/heads/main is not a federated credential of servicePrincipal 'federated'"),
            "\(xml)")
        #expect(xml.contains("federatedSubjects: servicePrincipal 'federated' also trusts repo:contoso/infra:environment:prod"), "\(xml)")
        #expect(xml.contains("minDaysLeft: secret 'secret 2' of servicePrincipal 'expiring' has expired"), "\(xml)")
        #expect(xml.contains("the auditor needs the Microsoft Graph application permission"), "\(xml)")
        for secret in ["soon-gone-secret-value", "old-secret-value", "soo", "old"] where secret.count > 3 {
            #expect(!run.all.contains(secret) && !xml.contains(secret), "\(secret) leaked")
        }
        #expect(!run.stdout.contains("hint"), "no hint is shown")
    }
}
