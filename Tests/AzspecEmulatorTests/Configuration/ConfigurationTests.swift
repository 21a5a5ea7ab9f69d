import AzspecCore
import Foundation
import Testing

@testable import AzspecEmulator

@Suite("Emulator configuration")
struct ConfigurationTests {
    static let valid = """
        tokenLifetime: 120
        environment:
          AZURE_TENANT_ID: 72f988bf-86f1-41af-91ab-2d7cd011db47
        tenants:
          - id: 72f988bf-86f1-41af-91ab-2d7cd011db47
            domains: [contoso.onmicrosoft.com]
            servicePrincipals:
              - name: app
                clientId: 11111111-1111-4111-8111-111111111111
                objectId: 22222222-2222-4222-8222-222222222222
                secrets:
                  - value: "s3cret~value"
                    expires: "2030-01-01T00:00:00Z"
                  - plain-secret
                appRoles: [Data.Read]
            subscriptions:
              - id: 33333333-3333-4333-8333-333333333333
                displayName: dev
                resourceGroups:
                  - {name: rg-a, location: westeurope, tags: {env: dev, owner: me}}
            roleAssignments:
              - principal: app
                role: reader
                scope: /subscriptions/33333333-3333-4333-8333-333333333333/resourceGroups/rg-a
        """

    @Test func defaultConfigurationIsValid() throws {
        let configuration = EmulatorConfiguration.default
        try configuration.validate()
        #expect(configuration.tokenLifetime == 3599)
        for name in [
            "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_SUBSCRIPTION_ID",
            "AZSPEC_READER_CLIENT_ID",
            "AZSPEC_READER_CLIENT_SECRET",
        ] {
            #expect(configuration.environment[name] != nil, "\(name)")
        }
        #expect(configuration.environment["AZURE_CLIENT_SECRET"]?.count == 40)
    }

    @Test func parsesAValidFile() throws {
        let configuration = try EmulatorConfiguration(yaml: Self.valid, file: "emulator.yaml")
        #expect(configuration.tokenLifetime == 120)
        #expect(configuration.environment["AZURE_TENANT_ID"] == "72f988bf-86f1-41af-91ab-2d7cd011db47")
        let tenant = try #require(configuration.tenants.first)
        #expect(tenant.domains == ["contoso.onmicrosoft.com"])
        let principal = try #require(tenant.servicePrincipals.first)
        #expect(principal.secrets.map(\.value) == ["s3cret~value", "plain-secret"])
        #expect(principal.secrets[0].expires == Date(timeIntervalSince1970: 1_893_456_000))
        #expect(principal.appRoles == ["graph": ["Data.Read"]], "a list is Microsoft Graph's")
        let group = try #require(tenant.subscriptions.first?.resourceGroups.first)
        #expect(group.tags?.map(\.key) == ["env", "owner"])
        #expect(tenant.roleAssignments.first?.role == "reader")
    }

    @Test func unknownKeysAreReportedWithLineAndColumn() throws {
        let yaml = """
            tokenLifetime: 10
            tenants:
              - id: 72f988bf-86f1-41af-91ab-2d7cd011db47
                servicePrincipal: []
                subscriptions:
                  - id: 33333333-3333-4333-8333-333333333333
                    resourceGroup: []
            """
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: yaml, file: "bad.yaml")
        }
        #expect(error.diagnostics.count == 2)
        #expect(error.description.contains("bad.yaml:4:5: error: unknown key 'servicePrincipal' in a tenant"))
        #expect(error.description.contains("bad.yaml:7:9: error: unknown key 'resourceGroup' in a subscription"))
    }

    @Test func aConfigurationWithoutTenantsSaysItNeedsThem() throws {
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: "tokenLifetime: 10\n", file: "none.yaml")
        }
        #expect(error.description.contains("none.yaml:1:1: error: the configuration needs 'tenants'"), "\(error)")
    }

    @Test func structuralAndSemanticMistakesComeInOneRound() throws {
        let yaml = """
            tenants:
              - id: 72f988bf-86f1-41af-91ab-2d7cd011db47
                displayNmae: x
                subscriptions:
                  - { id: 33333333-3333-4333-8333-333333333333, displayName: s }
                roleAssignments:
                  - { principal: nobody, role: Reader, scope: /subscriptions/33333333-3333-4333-8333-333333333333/resourceGroups/rg-x }
            """
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: yaml, file: "bad.yaml")
        }
        #expect(
            error.diagnostics.map(\.description) == [
                "bad.yaml:3:5: error: unknown key 'displayNmae' in a tenant (did you mean 'displayName'?)",
                "bad.yaml:7:22: error: role assignment names unknown principal 'nobody' (use the name or objectId of a service principal, managed identity or group of this tenant)",
                "bad.yaml:7:51: error: scope '/subscriptions/33333333-3333-4333-8333-333333333333/resourceGroups/rg-x' names resource group 'rg-x', which subscription '33333333-3333-4333-8333-333333333333' does not have",
            ])
    }

    @Test func credentialAndManagedIdentityMistakesAreAllReported() throws {
        let yaml = """
            federatedIssuers:
              - { issuer: https://oidc.example, publicKey: "not a key" }
            managedIdentities:
              - { name: mi, clientId: nope, objectId: 44444444-4444-4444-8444-444444444444, tenant: elsewhere }
            defaultManagedIdentity: ghost
            tenants:
              - id: 72f988bf-86f1-41af-91ab-2d7cd011db47
                servicePrincipals:
                  - name: app
                    clientId: 11111111-1111-4111-8111-111111111111
                    objectId: 22222222-2222-4222-8222-222222222222
                    certificates: [ { pem: /nonexistent/app.pem } ]
                    federatedCredentials:
                      - { issuer: https://unknown.example, subject: repo:x/y:ref:refs/heads/main }
            """
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: yaml, file: "c.yaml")
        }
        let text = error.description
        #expect(text.contains("c.yaml:2:48: error: public key of federated issuer 'https://oidc.example': "), "\(text)")
        #expect(text.contains("c.yaml:4:89: error: managed identity 'mi' names unknown tenant 'elsewhere'"), "\(text)")
        #expect(text.contains("c.yaml:5:25: error: defaultManagedIdentity 'ghost' is not one of managedIdentities"), "\(text)")
        #expect(text.contains("c.yaml:12:32: error: certificate of 'app': the PEM file /nonexistent/app.pem does not exist"), "\(text)")
        #expect(
            text.contains("c.yaml:14:23: error: federated credential issuer 'https://unknown.example' is neither the built-in test issuer"),
            "\(text)")
    }

    @Test func yamlSyntaxErrorsHaveALocation() throws {
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: "tenants:\n  - id: [unclosed\n", file: "broken.yaml")
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location == AzspecCore.SourceLocation(file: "broken.yaml", line: 3, column: 1))
        #expect(error.description.hasPrefix("broken.yaml:"))
        #expect(error.description.contains("invalid YAML"))
    }

    @Test func semanticProblemsAreAllReported() throws {
        let yaml = """
            tenants:
              - id: not-a-guid
                servicePrincipals:
                  - name: app
                    clientId: 11111111-1111-4111-8111-111111111111
                    objectId: 22222222-2222-4222-8222-222222222222
                    secrets: []
                subscriptions:
                  - id: 33333333-3333-4333-8333-333333333333
                    resourceGroups:
                      - {name: "bad name", location: westeurope}
                roleAssignments:
                  - {principal: ghost, role: Superuser, scope: /providers/Microsoft.Management}
            """
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: yaml, file: "c.yaml")
        }
        let text = error.description
        #expect(text.contains("c.yaml:2:9: error: tenant id 'not-a-guid' is not a GUID"))
        #expect(text.contains("c.yaml:7:18: error: service principal 'app' needs at least one secret"))
        #expect(text.contains("c.yaml:11:20: error: The provided resource group name 'bad name'"))
        #expect(text.contains("c.yaml:13:21: error: role assignment names unknown principal 'ghost'"))
        #expect(text.contains("c.yaml:13:34: error: unknown role 'Superuser'"))
        #expect(text.contains("c.yaml:13:52: error: '/providers/Microsoft.Management' is not an ARM scope; expected /subscriptions/{id}"))
        #expect(error.diagnostics.count == 6)
    }

    @Test func groupsNeedKnownMembersUniqueNamesAndNoCycle() throws {
        let yaml = """
            tenants:
              - id: 72f988bf-86f1-41af-91ab-2d7cd011db47
                servicePrincipals:
                  - {name: app, clientId: 11111111-1111-4111-8111-111111111111, objectId: 22222222-2222-4222-8222-222222222222, secrets: [s]}
                groups:
                  - {name: sg-a, objectId: 44444444-4444-4444-8444-444444444441, members: [sg-b, app]}
                  - {name: sg-b, objectId: 44444444-4444-4444-8444-444444444442, members: [sg-c]}
                  - {name: sg-c, objectId: 44444444-4444-4444-8444-444444444443, members: [sg-a, ghost]}
                  - {name: app, objectId: 22222222-2222-4222-8222-222222222222}
                eligibleRoleAssignments:
                  - {principal: nobody, role: Owner, scope: /subscriptions/33333333-3333-4333-8333-333333333333}
            """
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: yaml, file: "g.yaml")
        }
        let text = error.description
        #expect(text.contains("g.yaml:8:79: error: group 'sg-c' names unknown member 'ghost'"), "\(text)")
        #expect(text.contains("g.yaml:6:79: error: groups nest in a cycle: 'sg-a' → 'sg-b' → 'sg-c' → 'sg-a'"), "\(text)")
        #expect(text.contains("g.yaml:9:16: error: duplicate name 'app'"), "\(text)")
        #expect(text.contains("g.yaml:9:31: error: duplicate objectId '22222222-2222-4222-8222-222222222222'"), "\(text)")
        #expect(text.contains("g.yaml:11:21: error: role assignment names unknown principal 'nobody'"), "\(text)")
    }

    @Test func resourcesAndPerResourceAppRolesAreChecked() throws {
        let yaml = """
            resources:
              - {uri: https://api.contoso.example, appId: 55555555-5555-4555-8555-555555555555, accessTokenVersion: 2}
              - {uri: https://api.contoso.example/, accessTokenVersion: 3}
              - {uri: https://graph.microsoft.com/}
              - {uri: api.other.example, appId: not-a-guid}
            tenants:
              - id: 72f988bf-86f1-41af-91ab-2d7cd011db47
                servicePrincipals:
                  - name: app
                    clientId: 11111111-1111-4111-8111-111111111111
                    objectId: 22222222-2222-4222-8222-222222222222
                    secrets: [s]
                    appRoles: {graph: [Directory.Read.All], "https://api.contoso.example": [Orders.Read], grapj: [X]}
            """
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: yaml, file: "r.yaml")
        }
        let text = error.description
        #expect(text.contains("r.yaml:3:61: error: accessTokenVersion must be from 1 to 2, not 3"), "\(text)")
        #expect(text.contains("r.yaml:4:11: error: resource 'https://graph.microsoft.com/' is one of Microsoft's"), "\(text)")
        #expect(text.contains("r.yaml:5:11: error: resource uri 'api.other.example' is not an http(s) URL"), "\(text)")
        #expect(text.contains("r.yaml:5:37: error: appId 'not-a-guid' is not a GUID"), "\(text)")
        #expect(
            text.contains("r.yaml:13:19: error: appRoles names resource 'grapj', which is none of arm, graph, keyVault, storage"),
            "\(text)")
        #expect(text.contains("(did you mean 'graph'?)"), "\(text)")
        let lines = yaml.components(separatedBy: "\n").enumerated().filter { ![2, 3, 4].contains($0.offset) }.map(\.element)
        let valid = try EmulatorConfiguration(
            yaml: lines.joined(separator: "\n").replacingOccurrences(of: ", grapj: [X]", with: ""), file: "r.yaml")
        #expect(valid.resources.map(\.accessTokenVersion) == [2])
        #expect(valid.tenants[0].servicePrincipals[0].appRoles["https://api.contoso.example"] == ["Orders.Read"])
    }

    @Test func usersDirectoryRolesOwnersAndGrantsAreChecked() throws {
        let yaml = """
            tenants:
              - id: 72f988bf-86f1-41af-91ab-2d7cd011db47
                users:
                  - {name: Alice, objectId: 44444444-4444-4444-8444-444444444441, userPrincipalName: alice@contoso.example}
                  - {name: app, objectId: 44444444-4444-4444-8444-444444444442}
                  - {name: Bob, objectId: 44444444-4444-4444-8444-444444444441, userPrincipalName: bob at contoso}
                servicePrincipals:
                  - name: app
                    clientId: 11111111-1111-4111-8111-111111111111
                    objectId: 22222222-2222-4222-8222-222222222222
                    secrets: [s]
                    owners: [alice@contoso.example, carol]
                    delegatedGrants:
                      - {resource: grahp, scopes: [User.Read]}
                      - {resource: graph, scopes: ["User.Read Mail.Read"], user: dave}
                directoryRoleAssignments:
                  - {principal: Alice, role: Global Administrator}
                  - {principal: app, role: Global Admin}
                  - {principal: nobody, role: Directory Readers, directoryScope: /apps}
            """
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: yaml, file: "e.yaml")
        }
        let text = error.description
        #expect(
            text.contains("e.yaml:5:16: error: duplicate name 'app': a user's name must not be another user's, group's or principal's"),
            "\(text)")
        #expect(text.contains("e.yaml:6:31: error: duplicate objectId '44444444-4444-4444-8444-444444444441'"), "\(text)")
        #expect(text.contains("e.yaml:6:88: error: 'bob at contoso' is not a user principal name"), "\(text)")
        #expect(text.contains("e.yaml:12:17: error: owners of 'app' names unknown 'carol'"), "\(text)")
        #expect(text.contains("e.yaml:14:24: error: unknown resource 'grahp'; use one of arm, graph, keyVault, storage"), "\(text)")
        #expect(text.contains("e.yaml:15:39: error: scopes lists delegated permissions, one word each"), "\(text)")
        #expect(text.contains("e.yaml:15:70: error: delegated grant names unknown user 'dave'"), "\(text)")
        #expect(
            text.contains("e.yaml:18:32: error: unknown directory role 'Global Admin'; the emulator knows Global Administrator, "),
            "\(text)")
        #expect(text.contains("e.yaml:19:21: error: directory role assignment names unknown principal 'nobody'"), "\(text)")
        #expect(text.contains("e.yaml:19:70: error: directoryScope is / (the tenant) or /{application object id}, not '/apps'"), "\(text)")
        #expect(!text.contains("e.yaml:17:"), "Alice and Global Administrator are fine: \(text)")
    }

    @Test func managementGroupsNeedParentsSubscriptionsAndNoCycle() throws {
        let yaml = """
            tenants:
              - id: 72f988bf-86f1-41af-91ab-2d7cd011db47
                servicePrincipals:
                  - {name: app, clientId: 11111111-1111-4111-8111-111111111111, objectId: 22222222-2222-4222-8222-222222222222, secrets: [s]}
                subscriptions: [ { id: 33333333-3333-4333-8333-333333333333 } ]
                managementGroups:
                  - {name: mg-a, parent: mg-b}
                  - {name: mg-b, parent: mg-a, subscriptions: [33333333-3333-4333-8333-333333333333]}
                  - {name: mg-c, parent: nowhere, subscriptions: [33333333-3333-4333-8333-333333333333, 44444444-4444-4444-8444-444444444444]}
                roleAssignments:
                  - {principal: app, role: Reader, scope: /providers/Microsoft.Management/managementGroups/mg-x}
                  - {principal: app, role: Reader, scope: /providers/Microsoft.Management/managementGroups/72f988bf-86f1-41af-91ab-2d7cd011db47}
            """
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: yaml, file: "m.yaml")
        }
        let text = error.description
        #expect(text.contains("error: management groups nest in a cycle: 'mg-a' → 'mg-b' → 'mg-a'"), "\(text)")
        #expect(text.contains("m.yaml:9:30: error: management group 'mg-c' names unknown parent 'nowhere'"), "\(text)")
        #expect(
            text.contains("error: subscription '33333333-3333-4333-8333-333333333333' is placed in more than one management group"),
            "\(text)")
        #expect(text.contains("error: management group 'mg-c' names subscription '44444444-4444-4444-8444-444444444444'"), "\(text)")
        #expect(
            text.contains(
                "m.yaml:11:47: error: scope '/providers/Microsoft.Management/managementGroups/mg-x' names management group 'mg-x'"),
            "\(text)")
        #expect(error.diagnostics.count == 5, "the root group (the tenant id) is a scope: \(text)")
    }

    @Test func aGroupCycleIsFoundWithoutRecursion() {
        let groups = (0..<20_000).map { index in
            EmulatorConfiguration.Group(
                name: "g\(index)", objectId: "00000000-0000-4000-8000-\(String(format: "%012d", index))",
                members: ["g\((index + 1) % 20_000)"])
        }
        #expect(ConfigurationChecker.groupCycle(in: groups)?.count == 20_000)
        #expect(ConfigurationChecker.groupCycle(in: Array(groups.dropLast())) == nil, "a chain 19,999 deep is no cycle")
    }

    @Test func wrongTypesAndMissingKeys() throws {
        let yaml = """
            tokenLifetime: soon
            tenants:
              - domains: x
            """
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(yaml: yaml)
        }
        #expect(
            error.diagnostics.map(\.description) == [
                "<config>:1:16: error: tokenLifetime must be a whole number, found a string",
                "<config>:3:5: error: a tenant needs 'id'",
            ])
    }

    /// The configuration holds secrets in plain text: a mistyped value is described, never quoted.
    @Test func aSecretUnderTheWrongKeyIsNotEchoed() throws {
        let yaml = """
            tenants:
              - id: 11111111-2222-4333-8444-555555555555
                servicePrincipals:
                  - { name: app, clientId: 11111111-1111-4111-8111-111111111111, objectId: 22222222-2222-4222-8222-222222222222, secrets: s3cr3t-canary-value }
            """
        let error = try #require(throws: EmulatorError.self) { try EmulatorConfiguration(yaml: yaml, file: "c.yaml") }
        #expect(error.description.contains("secrets must be a list, found a string"), "\(error.description)")
        #expect(!error.description.contains("s3cr3t"), "\(error.description)")
    }

    @Test func readsFilesAndReportsUnreadableOnes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("azspec-emulator-\(UUID()).yaml").path
        try Self.valid.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try EmulatorConfiguration(contentsOfFile: path)
        #expect(configuration.tenants.count == 1)
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorConfiguration(contentsOfFile: path + ".missing")
        }
        #expect(error.description.hasPrefix(path + ".missing: error: cannot read emulator configuration"))
    }

    @Test func invalidConfigurationInCodeFailsToStart() async throws {
        var configuration = EmulatorConfiguration.default
        configuration.tenants[0].roleAssignments.append(
            .init(principal: "nobody", role: "Reader", scope: "/subscriptions/x"))
        await #expect(throws: EmulatorError.self) {
            try await Emulator.withRunning(configuration: configuration) { _ in }
        }
    }
}
