import AzspecTesting
import Foundation
import Testing

/// `entra:` read from Microsoft Graph by the test's identity, against an emulator seeded with users, owners, app role
/// assignments, delegated grants and directory roles (active, eligible, through a group).
@Suite struct EntraChecksTests {
    static let tenant = "11111111-2222-3333-4444-555555555555"

    static let configuration = """
        tenants:
          - id: 11111111-2222-3333-4444-555555555555
            domains: [contoso.example]
            users:
              - { name: Alice Admin, objectId: c0000000-0000-4000-8000-000000000001 }
              - { name: Bob Builder, objectId: c0000000-0000-4000-8000-000000000002, userPrincipalName: bob@contoso.example }
            servicePrincipals:
              - name: auditor
                clientId: a0000000-0000-4000-8000-000000000001
                objectId: b0000000-0000-4000-8000-000000000001
                secrets: [auditor-secret-value]
                appRoles: [Directory.Read.All, RoleEligibilitySchedule.Read.Directory]
              - name: deployer
                clientId: a0000000-0000-4000-8000-000000000002
                objectId: b0000000-0000-4000-8000-000000000002
                secrets: [deployer-secret-value]
                appRoles: { graph: [Application.ReadWrite.All, Group.Read.All], "https://api.contoso.example": [Orders.Read] }
                owners: [Alice Admin, auditor]
                servicePrincipalOwners: [bob@contoso.example]
                delegatedGrants:
                  - { resource: graph, scopes: [User.Read, Mail.Read] }
                  - { resource: graph, scopes: [Files.ReadWrite.All], user: Bob Builder }
              - name: narrow
                clientId: a0000000-0000-4000-8000-000000000003
                objectId: b0000000-0000-4000-8000-000000000003
                secrets: [narrow-secret-value]
              - name: half
                clientId: a0000000-0000-4000-8000-000000000004
                objectId: b0000000-0000-4000-8000-000000000004
                secrets: [half-secret-value]
                appRoles: [Directory.Read.All]
            groups:
              - { name: sg-app-admins, objectId: d0000000-0000-4000-8000-000000000001, members: [deployer] }
            directoryRoleAssignments:
              - { principal: sg-app-admins, role: Cloud Application Administrator }
              - { principal: deployer, role: Directory Readers }
            eligibleDirectoryRoleAssignments:
              - { principal: deployer, role: Privileged Role Administrator }
            subscriptions: [ { id: 99999999-8888-7777-6666-555555555555 } ]
        resources:
          - { uri: "https://api.contoso.example", appId: e0000000-0000-4000-8000-000000000001 }
        """

    static let identities = """
        identities:
          auditor: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000001, secret: auditor-secret-value }
          narrow: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000003, secret: narrow-secret-value }
          half: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000004, secret: half-secret-value }

        """

    func run(_ tests: String) async throws -> BinaryRun {
        try await BinaryRun(
            ["run", "--emulator", "--emulator-config", "emulator.yaml", "specs", "-v"],
            files: [
                "emulator.yaml": Self.configuration, "specs/azspec.yaml": Self.identities,
                "specs/entra.yaml": "name: entra\nidentity: auditor\ntests:\n" + tests,
            ])
    }

    @Test func heldPermissionsRolesAndOwnersPassWhenTheSpecSaysSo() async throws {
        let run = try await run(
            """
              - name: exactly what it holds
                entra:
                  principal: deployer
                  applicationPermissions:
                    allow: [Application.ReadWrite.All, "Microsoft Graph: Group.Read.All", "https://api.contoso.example: Orders.Read"]
                    exactly: true
                  delegatedPermissions: { allow: [User.Read, Mail.Read, Files.ReadWrite.All], exactly: true }
                  directoryRoles: { allow: [Directory Readers, Cloud Application Administrator, Privileged Role Administrator], eligible: allowed, exactly: true }
                  owners: { exactly: [Alice Admin, auditor, bob@contoso.example] }
              - name: a principal with nothing, by object id
                entra:
                  principal: b0000000-0000-4000-8000-000000000003
                  applicationPermissions: { exactly: true }
                  directoryRoles: { noTier0: true, exactly: true }
                  owners: { none: true }
            """)
        #expect(run.status == 0, "\(run.all)")
        #expect(run.stdout.contains("https://api.contoso.example: Orders.Read"), "\(run.stdout)")
        #expect(run.stdout.contains("Cloud Application Administrator (active, through group 'sg-app-admins')"), "\(run.stdout)")
        #expect(run.stdout.contains("Privileged Role Administrator (eligible)"), "\(run.stdout)")
        #expect(run.stdout.contains("Microsoft Graph: Files.ReadWrite.All (user c0000000-0000-4000-8000-000000000002)"), "\(run.stdout)")
        #expect(run.stdout.contains("Microsoft Graph: User.Read (every user)"), "\(run.stdout)")
        #expect(run.stdout.contains("user 'Bob Builder' (c0000000-0000-4000-8000-000000000002), of the service principal"), "\(run.stdout)")
    }

    @Test func eachKindOfDriftFailsAndSaysWhat() async throws {
        let run = try await run(
            """
              - name: application permissions
                entra:
                  principal: deployer
                  applicationPermissions: { allow: [Directory.Read.All], deny: [Application.ReadWrite.All], exactly: true }
              - name: delegated permissions
                entra: { principal: deployer, delegatedPermissions: { deny: [Files.ReadWrite.All] } }
              - name: tier 0, through a group and eligible
                entra: { principal: deployer, directoryRoles: { noTier0: true } }
              - name: eligible counts on its own by default
                entra: { principal: deployer, directoryRoles: { allow: [Privileged Role Administrator] } }
              - name: eligible ignored
                entra: { principal: deployer, directoryRoles: { deny: [Privileged Role Administrator], eligible: ignored } }
              - name: owners
                entra: { principal: deployer, owners: { only: [Alice Admin] } }
              - name: owners exactly
                entra: { principal: deployer, owners: { exactly: [Alice Admin, auditor, bob@contoso.example, narrow] } }
            """)
        #expect(run.status == 1, "\(run.all)")
        // Attributes escape quotes; the failures' texts do not.
        let xml = try #require(run.junit).replacingOccurrences(of: "&apos;", with: "'")
        #expect(xml.contains(#"tests="7" failures="6" errors="0""#), "\(xml)")
        for message in [
            "applicationPermissions: servicePrincipal 'deployer' does not hold Microsoft Graph: Directory.Read.All",
            "applicationPermissions: servicePrincipal 'deployer' holds Microsoft Graph: Application.ReadWrite.All, which deny lists",
            "applicationPermissions: servicePrincipal 'deployer' also holds https://api.contoso.example: Orders.Read, beyond allow",
            "delegatedPermissions: servicePrincipal 'deployer' holds Microsoft Graph: Files.ReadWrite.All (user c0000000-0000-4000-8000-000000000002), which deny lists",
            "directoryRoles: servicePrincipal 'deployer' holds tier-0 role Cloud Application Administrator (active, through group 'sg-app-admins')",
            "directoryRoles: servicePrincipal 'deployer' can activate tier-0 role Privileged Role Administrator (eligible)",
            "directoryRoles: servicePrincipal 'deployer' may only activate Privileged Role Administrator (eligible), it does not hold it",
            "owners: servicePrincipal 'auditor' owns the application, and is not in only",
            "owners: user 'Bob Builder' owns the service principal, and is not in only",
            "owners: narrow is in exactly, but owns neither the application nor the service principal",
        ] {
            #expect(xml.contains(message), "\(message)\n\(xml)")
        }
        #expect(!xml.contains("owners: user 'Alice Admin'"), "Alice is in only: \(xml)")
        for secret in ["auditor-secret-value", "deployer-secret-value", "narrow-secret-value"] {
            #expect(!run.all.contains(secret) && !xml.contains(secret), "\(secret) leaked")
        }
    }

    @Test func anAuditorWithoutTheGraphPermissionIsToldWhichItNeeds() async throws {
        let run = try await run(
            """
              - name: finding a principal by name needs Application.Read.All
                identity: narrow
                entra: { principal: deployer, owners: { none: true } }
              - name: eligible roles need their own permission
                identity: half
                entra: { principal: deployer, directoryRoles: { noTier0: true } }
              - name: unless they are ignored
                identity: half
                entra: { principal: narrow, directoryRoles: { noTier0: true, eligible: ignored } }
            """)
        #expect(run.status == 1, "\(run.all)")
        let xml = try #require(run.junit)
        #expect(xml.contains(#"tests="3" failures="0" errors="2""#), "\(xml)")
        #expect(xml.contains("the auditor needs the Microsoft Graph application permission Application.Read.All"), "\(xml)")
        #expect(
            xml.contains("the auditor needs the Microsoft Graph application permission RoleEligibilitySchedule.Read.Directory"), "\(xml)")
    }

    @Test func mistakesInTheCheckAreFoundByValidateWithTheirPlace() async throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "specs/entra.yaml",
            """
            name: entra
            identities: { auditor: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000001, secret: s } }
            identity: auditor
            tests:
              - name: nothing to check
                entra: { principal: deployer }
              - name: a misspelt key
                entra: { principal: deployer, directoryRole: { noTier0: true } }
              - name: two expectations
                entra: { principal: deployer, owners: { only: [a], none: true } }
              - name: a tier-0 role allowed and denied as a set
                entra: { principal: deployer, directoryRoles: { allow: [Global Administrator], noTier0: true } }
              - name: not a permission
                entra: { principal: deployer, applicationPermissions: { allow: ["Microsoft Graph: "] } }
              - name: both checks
                entra: { principal: deployer, owners: { none: true } }
                credentials: { principal: deployer, noSecrets: true }
            """)
        let result = try await folder.run(["validate", "specs"])
        #expect(result.status == 2, "\(result.all)")
        for message in [
            "specs/entra.yaml:6:12: error: entra needs something to check",
            "specs/entra.yaml:8:35: error: unknown key 'directoryRole' in entra (did you mean 'directoryRoles'?)",
            "specs/entra.yaml:10:43: error: entra.owners needs one of only, exactly or none (it has 2)",
            "specs/entra.yaml:12:61: error: 'Global Administrator' is a tier-0 role, which noTier0 denies",
            "specs/entra.yaml:14:69: error: 'Microsoft Graph: ' is not a permission",
            "specs/entra.yaml:15:5: error: a credentials check sends its own reads to Microsoft Graph; remove 'entra'",
        ] {
            #expect(result.stderr.contains(message), "\(message)\n\(result.stderr)")
        }
        #expect(result.stderr.contains("6 errors in 1 spec file"), "one error each, no echo: \(result.stderr)")
    }
}
