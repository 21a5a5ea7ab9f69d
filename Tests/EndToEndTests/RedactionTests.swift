import AzspecEmulator
import AzspecTesting
import Foundation
import Testing

/// A canary secret and every issued token must appear in no output: console, --verbose, JUnit.
@Suite(.serialized) struct RedactionTests {
    /// Made at run time, so that nothing secret-looking is committed.
    static let canary = "canary~" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ".")

    /// An emulator whose only principal signs in with the canary secret (and `credentials`, YAML lines of the
    /// principal's), with Reader on the subscription.
    static func canaryConfiguration(credentials: String = "") -> String {
        """
        environment:
          AZURE_TENANT_ID: 11111111-2222-3333-4444-555555555555
          AZURE_CLIENT_ID: aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
          AZURE_CLIENT_SECRET: \(canary)
          AZURE_SUBSCRIPTION_ID: 99999999-8888-7777-6666-555555555555
        tenants:
          - id: 11111111-2222-3333-4444-555555555555
            servicePrincipals:
              - name: canary
                clientId: aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
                objectId: ffffffff-eeee-dddd-cccc-bbbbbbbbbbbb
                secrets: [ { value: "\(canary)" } ]
        \(credentials)
            subscriptions:
              - id: 99999999-8888-7777-6666-555555555555
                displayName: canary
                resourceGroups: [ { name: rg-canary, location: westeurope } ]
            roleAssignments:
              - { principal: canary, role: Reader, scope: /subscriptions/99999999-8888-7777-6666-555555555555 }
        """
    }

    @Test func verboseRunsNeverPrintSecretsOrTokens() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let config = try folder.write("emulator.yaml", Self.canaryConfiguration())
        try folder.write(
            "specs/canary.yaml",
            """
            name: canary
            tests:
              - name: token
                request:
                  method: POST
                  url: "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/token"
                  form:
                    grant_type: client_credentials
                    client_id: "{{env.AZURE_CLIENT_ID}}"
                    client_secret: "{{env.AZURE_CLIENT_SECRET}}"
                    resource: "{{cloud.arm}}/"
                expect: { status: 200 }
                capture: { token: $.access_token }
              - name: list fails on purpose so the failure text is written too
                request:
                  url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups"
                  query: { api-version: "2021-04-01" }
                  headers: { Authorization: "Bearer {{token}}" }
                expect: { status: 500, json: { "$.value[0].name": nope } }
              - name: the token endpoint echoing a token fails on purpose
                request:
                  method: POST
                  url: "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/token"
                  form:
                    grant_type: client_credentials
                    client_id: "{{env.AZURE_CLIENT_ID}}"
                    client_secret: "{{env.AZURE_CLIENT_SECRET}}"
                    resource: "{{cloud.arm}}/"
                expect: { status: 201 }
            """)
        for flags in [["--verbose"], ["--verbose", "--junit-strict"]] {
            let result = try await folder.run(
                ["run", "--emulator", "--emulator-config", config, "specs"] + flags,
                environment: ["AZURE_CLIENT_SECRET": "the-users-real-secret-must-not-be-sent"])
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stdout.contains("> POST http://127.0.0.1:"), "verbose shows the request line")
            #expect(result.stdout.contains("> Authorization: ***"), "\(result.stdout)")
            #expect(result.stdout.contains("client_secret=***"), "\(result.stdout)")
            let xml = try #require(folder.read("reports/junit.xml"))
            for text in [result.stdout, result.stderr, xml] {
                #expect(!text.contains(Self.canary), "the client secret leaked")
                #expect(
                    !text.contains(Self.canary.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "-"),
                    "the encoded secret leaked")
                #expect(!text.contains("eyJ"), "a token leaked")
                #expect(!text.contains("the-users-real-secret"), "a real secret leaked or was sent")
            }
        }
    }

    static let canaryToken = "canaryBearer.0123456789abcdefghijklmnopqrstuvwxyz"

    /// Declared identities of every kind that holds a secret: client secret, certificate key, federated token,
    /// a token from a variable; a capture marked secret. Verbose, both report forms, failures included.
    @Test func identitiesNeverLeakTheirCredentialsOrTokens() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let certificate = try SelfSignedCertificate(commonName: "canary")
        let keyBody = certificate.keyPEM.split(separator: "\n").dropFirst().first.map(String.init) ?? "-"
        let certificateLine = certificate.certificatePEM.replacingOccurrences(of: "\n", with: "\\n")
        let configuration = try EmulatorConfiguration(
            yaml: Self.canaryConfiguration(
                credentials: """
                            certificates: [ { pem: "\(certificateLine)" } ]
                            federatedCredentials: [ { issuer: "{baseURL}/_azspec/oidc", subject: canary-workload } ]
                    """))
        let pem = try folder.write("canary.pem", certificate.combinedPEM)
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let federated = try await endpoint.federatedToken(subject: "canary-workload")
            let tokenFile = try folder.write("federated", federated)
            let list = """
                    request:
                      url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/rg-canary"
                      query: { api-version: "2021-04-01" }
                """
            try folder.write(
                "specs/identities.yaml",
                """
                name: canary identities
                identities:
                  secret: { kind: clientSecret }
                  certificate: { kind: clientCertificate, certificate: "\(pem)" }
                  federated: { kind: workloadIdentity, tokenFile: "\(tokenFile)" }
                  pat: { kind: token, variable: CANARY_TOKEN }
                tests:
                  - name: secret, failing on purpose
                    identity: secret
                \(list)
                    expect: { status: 500 }
                    capture: { groupId: { json: $.id, secret: true } }
                  - name: certificate, failing on purpose
                    identity: certificate
                \(list)
                    expect: { json: { $.name: nope } }
                  - name: federated, failing on purpose
                    identity: federated
                \(list)
                    expect: { status: 201 }
                  - name: a token from a variable, refused by ARM
                    identity: pat
                \(list)
                    expect: { status: 200 }
                """)
            var environment = IdentityTests.environment(endpoint, ["CANARY_TOKEN": Self.canaryToken])
            environment["AZURE_CLIENT_SECRET"] = Self.canary
            for flags in [["--verbose"], ["--verbose", "--junit-strict"]] {
                let result = try await folder.run(["run", "specs"] + flags, environment: environment)
                #expect(result.status == 1, "\(result.all)")
                #expect(result.stdout.contains("0 passed, 4 failed"), "\(result.stdout)")
                #expect(result.stdout.contains("> Authorization: ***"), "\(result.stdout)")
                let xml = try #require(folder.read("reports/junit.xml"))
                for text in [result.stdout, result.stderr, xml] {
                    #expect(!text.contains(Self.canary), "the client secret leaked")
                    #expect(!text.contains(Self.canaryToken), "the variable's token leaked")
                    #expect(!text.contains(keyBody), "the certificate's key leaked")
                    #expect(!text.contains(federated), "the federated token leaked")
                    #expect(!text.contains("eyJ"), "a token or assertion leaked")
                    #expect(!text.contains("/resourceGroups/rg-canary\""), "the secret capture leaked")
                }
            }
        }
    }
}
