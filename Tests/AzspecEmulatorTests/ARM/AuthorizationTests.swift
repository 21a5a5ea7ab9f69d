import AzspecCore
import Testing

@testable import AzspecEmulator

/// Microsoft.Authorization at every scope, and ARM's decisions made by the shared RBAC evaluator.
@Suite("Emulator RBAC: roles, assignments, deny assignments")
struct AuthorizationTests {
    static let subscription = Fixture.subscriptionId
    static let account = "/subscriptions/\(subscription)/resourceGroups/rg-smoke/providers/Microsoft.Storage/storageAccounts/stsmoke"

    /// The default configuration plus a custom role at rg-smoke for the reader, a conditional data role at a storage
    /// account, and a deny assignment that stops the Contributor from writing resource groups in rg-shared.
    static func configuration() -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration.default
        configuration.tenants[0].roleDefinitions = [
            .init(name: "Group Writer", actions: ["Microsoft.Resources/subscriptions/resourceGroups/write"])
        ]
        configuration.tenants[0].roleAssignments += [
            .init(principal: "azspec-reader", role: "Group Writer", scope: "/subscriptions/\(subscription)/resourceGroups/rg-smoke"),
            {
                var assignment = EmulatorConfiguration.RoleAssignment(
                    principal: "azspec-reader", role: "Storage Blob Data Reader", scope: account)
                assignment.condition = "@Resource[x] StringEquals 'y'"
                return assignment
            }(),
        ]
        configuration.tenants[0].denyAssignments = [
            .init(
                name: "freeze-shared", scope: "/subscriptions/\(subscription)/resourceGroups/rg-shared",
                actions: ["Microsoft.Resources/subscriptions/resourceGroups/*"], notActions: ["*/read"], principals: ["everyone"])
        ]
        return configuration
    }

    @Test func customRolesAndDenyAssignmentsDecideARMCalls() async throws {
        try await Emulator.withRunning(configuration: Self.configuration()) { endpoint in
            let reader = Fixture.bearer(try await Fixture.readerToken(endpoint))
            let body = #"{"location":"westeurope"}"#
            let allowed = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourcegroups/rg-smoke"), headers: reader, body: body)
            #expect(allowed.status == 200, "the custom role grants the write at rg-smoke: \(allowed.text)")
            let elsewhere = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourcegroups/rg-other"), headers: reader, body: body)
            #expect(elsewhere.status == 403 && elsewhere.armErrorCode == "AuthorizationFailed", "not above its scope")

            let contributor = Fixture.bearer(try await Fixture.token(endpoint))
            let frozen = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourcegroups/rg-shared"), headers: contributor, body: body)
            #expect(frozen.status == 403 && frozen.armErrorCode == "AuthorizationFailed", "the deny assignment wins: \(frozen.text)")
            let read = try await HTTPExchange.send(.get, Fixture.armURL(endpoint, "/resourcegroups/rg-shared"), headers: contributor)
            #expect(read.status == 200, "its notActions keep reads")
        }
    }

    @Test func listsFilterByScopeAndPrincipal() async throws {
        try await Emulator.withRunning(configuration: Self.configuration()) { endpoint in
            let reader = Fixture.bearer(try await Fixture.readerToken(endpoint))
            func list(_ path: String, _ filter: String = "") async throws -> [JSONValue] {
                let reply = try await HTTPExchange.send(.get, Fixture.armURL(endpoint, path, query: filter), headers: reader)
                try #require(reply.status == 200, "\(path): \(reply.text)")
                return try #require(reply.json?["value"]?.arrayValue)
            }
            let atGroup = try await list(
                "/resourceGroups/rg-smoke/providers/Microsoft.Authorization/roleAssignments", "&$filter=atScope()")
            #expect(atGroup.count == 4, "three at the subscription, one at rg-smoke; the account's is below")
            let readerId = Fixture.readerObjectId
            let mine = try await list(
                "/providers/Microsoft.Authorization/roleAssignments", "&$filter=principalId%20eq%20'\(readerId)'")
            #expect(mine.count == 3, "at, above and below: Reader, Group Writer, Storage Blob Data Reader")
            let conditional = try #require(mine.first { $0["properties"]?["condition"] != nil })
            #expect(conditional["properties"]?["conditionVersion"] == "2.0")
            #expect(conditional["properties"]?["scope"]?.stringValue == Self.account)
            let atAccount = try await list(
                Self.account.dropFirst("/subscriptions/\(Self.subscription)".count) + "/providers/Microsoft.Authorization/permissions")
            #expect(atAccount.count == 3, "Reader and Group Writer inherited, and the account's own")
            #expect(atAccount.contains { $0["dataActions"]?.arrayValue?.isEmpty == false })

            let denies = try await list("/resourceGroups/rg-shared/providers/Microsoft.Authorization/denyAssignments", "&$filter=atScope()")
            #expect(denies.count == 1)
            #expect(denies[0]["properties"]?["denyAssignmentName"] == "freeze-shared")
            #expect(
                try await list("/resourceGroups/rg-smoke/providers/Microsoft.Authorization/denyAssignments", "&$filter=atScope()").isEmpty)

            let roleId = RoleDefinition.reader.id
            let role = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/providers/Microsoft.Authorization/roleDefinitions/\(roleId)"), headers: reader)
            #expect(role.json?["properties"]?["roleName"] == "Reader")
            #expect(role.json?["properties"]?["type"] == "BuiltInRole")
            let unknown = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/providers/Microsoft.Authorization/roleDefinitions/nope"), headers: reader)
            #expect(unknown.status == 404 && unknown.armErrorCode == "RoleDefinitionDoesNotExist")
            let badFilter = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/providers/Microsoft.Authorization/roleAssignments", query: "&$filter=everything"),
                headers: reader)
            #expect(badFilter.status == 400, "\(badFilter.text)")
        }
    }

    /// Each built-in role against the actions its documentation decides (azure-protocol.md §6, §8), as the emulator
    /// applies it to a principal assigned at rg-smoke: granted there, nothing at the subscription above.
    @Test(arguments: [
        (
            "Reader", ["Microsoft.Resources/subscriptions/resourceGroups/read", "Microsoft.Storage/storageAccounts/read"],
            ["Microsoft.Resources/subscriptions/resourceGroups/write", "Microsoft.Storage/storageAccounts/listKeys/action"]
        ),
        (
            "Contributor", ["Microsoft.Resources/subscriptions/resourceGroups/write", "Microsoft.Storage/storageAccounts/listKeys/action"],
            [
                "Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/elevateAccess/Action",
                "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read#data",
            ]
        ),
        (
            "Owner", ["Microsoft.Authorization/roleAssignments/write", "Microsoft.Resources/subscriptions/resourceGroups/delete"],
            ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read#data"]
        ),
        (
            "User Access Administrator",
            [
                "Microsoft.Authorization/roleAssignments/write", "Microsoft.Support/supportTickets/write",
                "Microsoft.Resources/subscriptions/resourceGroups/read",
            ],
            ["Microsoft.Resources/subscriptions/resourceGroups/write"]
        ),
        (
            "Storage Account Contributor",
            [
                "Microsoft.Storage/storageAccounts/listKeys/action", "Microsoft.Resources/subscriptions/resourceGroups/read",
                "Microsoft.Authorization/roleAssignments/read",
            ],
            ["Microsoft.Resources/subscriptions/resourceGroups/write", "Microsoft.Authorization/roleAssignments/write"]
        ),
        (
            "Storage Blob Data Reader",
            [
                "Microsoft.Storage/storageAccounts/blobServices/containers/read",
                "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read#data",
            ],
            [
                "Microsoft.Resources/subscriptions/resourceGroups/read",
                "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write#data",
            ]
        ),
    ])
    func builtInRolesDecideAsDocumented(_ role: String, _ allowed: [String], _ denied: [String]) throws {
        var configuration = EmulatorConfiguration.default
        configuration.tenants[0].roleAssignments = [
            .init(principal: "azspec-reader", role: role, scope: "/subscriptions/\(Self.subscription)/resourceGroups/rg-smoke")
        ]
        let directory = Directory(configuration)
        let group = try #require(ARMScope("/subscriptions/\(Self.subscription)/resourceGroups/rg-smoke"))
        let above = try #require(ARMScope("/subscriptions/\(Self.subscription)"))
        func action(_ text: String) -> RBACAction {
            text.hasSuffix("#data") ? RBACAction(String(text.dropLast(5)), isData: true) : RBACAction(text)
        }
        for name in allowed {
            #expect(directory.isAllowed(action(name), objectId: Fixture.readerObjectId, at: group), "\(role) may \(name)")
            #expect(!directory.isAllowed(action(name), objectId: Fixture.readerObjectId, at: above), "\(role) only below its scope")
        }
        for name in denied {
            #expect(!directory.isAllowed(action(name), objectId: Fixture.readerObjectId, at: group), "\(role) may not \(name)")
        }
    }

    /// With `pageSize`, lists come a page at a time: the subscriptions list keeps its total `count` on every page.
    @Test func subscriptionsComeAPageAtATime() async throws {
        var configuration = EmulatorConfiguration.default
        configuration.pageSize = 1
        let second = "4b1d5c2a-9e8f-4a7b-8c6d-5e4f3a2b1c0d"
        configuration.tenants[0].subscriptions.append(
            .init(id: second, displayName: "second", state: "Enabled", tags: nil, resourceGroups: []))
        configuration.tenants[0].roleAssignments.append(
            .init(principal: "azspec-reader", role: "Reader", scope: "/subscriptions/\(second)"))
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let reader = Fixture.bearer(try await Fixture.readerToken(endpoint))
            let first = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/subscriptions?api-version=2022-12-01", headers: reader)
            #expect(first.json?["value"]?.arrayValue?.count == 1)
            #expect(first.json?["count"]?["value"] == 2)
            let next = try #require(first.json?["nextLink"]?.stringValue)
            let last = try await HTTPExchange.send(.get, next, headers: reader)
            #expect(last.json?["value"]?.arrayValue?.count == 1 && last.json?["nextLink"] == nil, "\(last.text)")
            let ids = [first, last].compactMap { $0.json?["value"]?[0]?["subscriptionId"]?.stringValue }
            #expect(Set(ids) == [Fixture.subscriptionId, second])
        }
    }

    /// The checker and the emulator agree over HTTP, for every built-in role and every action the emulator serves:
    /// what the shared evaluator concludes from the permissions API's answer is what the ARM call itself does.
    @Test(arguments: RoleDefinition.builtIn.map(\.name))
    func theCheckerAndTheEmulatorAgree(_ role: String) async throws {
        var configuration = EmulatorConfiguration.default
        configuration.tenants[0].roleAssignments = [
            .init(principal: "azspec-reader", role: role, scope: "/subscriptions/\(Self.subscription)/resourceGroups/rg-smoke")
        ]
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let reader = Fixture.bearer(try await Fixture.readerToken(endpoint))
            let account = "/resourceGroups/rg-smoke/providers/Microsoft.Storage/storageAccounts/stagree"
            let storage = "?api-version=2023-01-01"
            let calls: [(action: String, method: Method, url: String, body: String?)] = [
                ("Microsoft.Resources/subscriptions/resourceGroups/read", .get, Fixture.armURL(endpoint, "/resourcegroups/rg-smoke"), nil),
                (
                    "Microsoft.Resources/subscriptions/resourceGroups/write", .put, Fixture.armURL(endpoint, "/resourcegroups/rg-smoke"),
                    #"{"location":"westeurope"}"#
                ),
                (
                    "Microsoft.Storage/storageAccounts/read", .get,
                    "\(endpoint.baseURL)/subscriptions/\(Self.subscription)\(account)\(storage)", nil
                ),
                (
                    "Microsoft.Storage/storageAccounts/listKeys/action", .post,
                    "\(endpoint.baseURL)/subscriptions/\(Self.subscription)\(account)/listKeys\(storage)", nil
                ),
                (
                    "Microsoft.Storage/storageAccounts/delete", .delete,
                    "\(endpoint.baseURL)/subscriptions/\(Self.subscription)\(account)\(storage)", nil
                ),
            ]
            let permissions = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourceGroups/rg-smoke/providers/Microsoft.Authorization/permissions"), headers: reader)
            guard permissions.status == 200 else {
                // The checker cannot read what it needs; the emulator must have refused for want of that very action.
                #expect(permissions.status == 403 && permissions.armErrorCode == "AuthorizationFailed", "\(role): \(permissions.text)")
                let definition = try #require(RoleDefinition.builtIn(named: role))
                #expect(!definition.permissions.contains { $0.grantingPattern(for: .readPermissions) != nil }, "\(role)")
                return
            }
            let blocks = try #require(permissions.json?["value"]?.arrayValue).compactMap(PermissionBlock.init(json:))
            let checker = RBACEvaluator(grants: blocks.map { .init($0, source: .init()) })
            for call in calls {
                let reply = try await HTTPExchange.send(call.method, call.url, headers: reader, body: call.body)
                let refused = reply.status == 403 && reply.armErrorCode == "AuthorizationFailed"
                #expect(
                    refused == !checker.decide(RBACAction(call.action)).isAllowed, "\(role) / \(call.action): \(reply.status) \(reply.text)"
                )
            }
        }
    }

    @Test func configurationMistakesInRolesAreReported() throws {
        let yaml = """
            tenants:
              - id: 11111111-2222-4333-8444-555555555555
                servicePrincipals:
                  - { name: app, clientId: 11111111-1111-4111-8111-111111111111, objectId: 22222222-2222-4222-8222-222222222222, secrets: [x-secret-value] }
                subscriptions:
                  - id: 33333333-3333-4333-8333-333333333333
                    resourceGroups: [ { name: rg-app, location: westeurope } ]
                roleDefinitions:
                  - { name: Reader, actions: [read] }
                roleAssignments:
                  - { principal: app, role: Contributer, scope: /subscriptions/33333333-3333-4333-8333-333333333333/resourceGroups/rg-ap }
                denyAssignments:
                  - { name: d, scope: /subscriptions/33333333-3333-4333-8333-333333333333, principals: [ghost], actions: ["*/*/*"] }
            """
        let error = try #require(throws: EmulatorError.self) { try EmulatorConfiguration(yaml: yaml, file: "c.yaml") }
        let text = error.description
        #expect(text.contains("c.yaml:9:17: error: role 'Reader' is defined twice (or is a built-in role)"), "\(text)")
        #expect(text.contains("c.yaml:9:34: error: 'read' is not an action"), "\(text)")
        #expect(text.contains("c.yaml:11:33: error: unknown role 'Contributer' (did you mean 'Contributor'?)"), "\(text)")
        #expect(
            text.contains(
                "names resource group 'rg-ap', which subscription '33333333-3333-4333-8333-333333333333' does not have (did you mean 'rg-app'?)"
            ), "\(text)")
        #expect(text.contains("deny assignment 'd' names unknown principal 'ghost' (or use everyone)"), "\(text)")
        #expect(text.contains("'*/*/*' has more than one wildcard"), "\(text)")
    }
}
