import AzspecCore
import Testing

/// Azure RBAC's rules (azure-protocol.md §6–§7), as the permission checker and the emulator both apply them.
@Suite struct RBACEvaluatorTests {
    @Test(arguments: [
        ("*/read", "Microsoft.Resources/subscriptions/resourcegroups/read", true),
        ("*/read", "Microsoft.Resources/subscriptions/resourcegroups/write", false),
        ("*/read", "Microsoft.Storage/storageAccounts/listKeys/action", false),
        ("*", "Microsoft.Authorization/roleAssignments/write", true),
        ("Microsoft.Authorization/*/Write", "microsoft.authorization/roleassignments/write", true),
        ("Microsoft.Authorization/*/Write", "Microsoft.Authorization/roleAssignments/read", false),
        ("Microsoft.Compute/*", "Microsoft.Compute/virtualMachines/start/action", true),
        ("Microsoft.Compute/*", "Microsoft.ComputeX/virtualMachines/read", false),
        ("Microsoft.Network/*/read", "Microsoft.Network/virtualNetworks/subnets/read", true),
        ("Microsoft.Resources/subscriptions/read", "MICROSOFT.RESOURCES/SUBSCRIPTIONS/READ", true),
        ("Microsoft.Resources/subscriptions/read", "Microsoft.Resources/subscriptions/readx", false),
    ])
    func actionPatterns(_ pattern: String, _ action: String, _ expected: Bool) {
        #expect(ActionPattern(pattern).matches(RBACAction(action)) == expected)
    }

    private func decide(_ roles: [RoleDefinition], _ action: RBACAction) -> RBACEvaluator.Decision {
        let grants = roles.flatMap { role in role.permissions.map { RBACEvaluator.Entry($0, source: .init(role: role.name)) } }
        return RBACEvaluator(grants: grants).decide(action)
    }

    @Test func notActionsSubtractWithinTheirBlockOnly() {
        let write = RBACAction("Microsoft.Authorization/roleAssignments/write")
        #expect(decide([.contributor], write) == .notGranted)
        #expect(
            decide([.contributor, .userAccessAdministrator], write)
                == .allowed(pattern: ActionPattern("Microsoft.Authorization/*"), source: .init(role: "User Access Administrator")))
        #expect(decide([.owner], write).isAllowed)
        #expect(decide([.reader], RBACAction("Microsoft.Resources/subscriptions/resourcegroups/write")) == .notGranted)
    }

    @Test func dataActionsAreDecidedApartFromActions() {
        let blobRead = RBACAction("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read", isData: true)
        #expect(decide([.owner], blobRead) == .notGranted, "a control-plane * grants no data action")
        #expect(
            decide([.storageBlobDataReader], blobRead)
                == .allowed(
                    pattern: ActionPattern("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"),
                    source: .init(role: "Storage Blob Data Reader")))
        #expect(decide([.storageBlobDataReader], RBACAction(blobRead.name)) == .notGranted, "nor a data action a control one")
        #expect(decide([.reader], RBACAction("Microsoft.Storage/storageAccounts/listKeys/action")) == .notGranted)
        #expect(decide([.storageAccountContributor], RBACAction("Microsoft.Storage/storageAccounts/listKeys/action")).isAllowed)
    }

    @Test func denyAssignmentsWinOverAnyGrant() {
        let listKeys = RBACAction("Microsoft.Storage/storageAccounts/listKeys/action")
        let deny = RBACEvaluator.Entry(
            PermissionBlock(
                actions: ["Microsoft.Storage/*/action"], notActions: ["Microsoft.Storage/storageAccounts/regenerateKey/action"]),
            source: .init(assignment: "/subscriptions/s/providers/Microsoft.Authorization/denyAssignments/d"))
        let grants = [RBACEvaluator.Entry(RoleDefinition.owner.permissions[0], source: .init(role: "Owner"))]
        let evaluator = RBACEvaluator(grants: grants, denies: [deny])
        #expect(
            evaluator.decide(listKeys) == .deniedByAssignment(pattern: ActionPattern("Microsoft.Storage/*/action"), source: deny.source))
        #expect(
            evaluator.decide(RBACAction("Microsoft.Storage/storageAccounts/regenerateKey/action")).isAllowed, "the deny's own exclusion")
        #expect(!evaluator.decide(listKeys).isAllowed)
    }

    @Test func aGrantOnlyThroughAConditionIsSaidToBeOne() {
        let read = RBACAction("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read", isData: true)
        let conditional = RBACEvaluator.Entry(
            RoleDefinition.storageBlobDataReader.permissions[0],
            source: .init(role: "Storage Blob Data Reader", assignment: "a1", condition: "@Resource[x] StringEquals 'y'"))
        let evaluator = RBACEvaluator(grants: [conditional])
        guard case .allowedSubjectToCondition(_, let source) = evaluator.decide(read) else {
            Issue.record("expected a conditional grant, got \(evaluator.decide(read))")
            return
        }
        #expect(source.assignment == "a1")
        #expect(evaluator.decide(read).isAllowed, "a conditional grant counts as allowed (the emulator does not evaluate conditions)")
        let plain = RBACEvaluator.Entry(RoleDefinition.storageBlobDataReader.permissions[0], source: .init(role: "plain"))
        #expect(
            RBACEvaluator(grants: [conditional, plain]).decide(read)
                == .allowed(pattern: ActionPattern(read.name), source: .init(role: "plain")))
    }

    @Test func scopesContainTheirDescendantsCaseInsensitively() throws {
        let subscription = try #require(ARMScope("/subscriptions/S1/"))
        let group = try #require(ARMScope("/subscriptions/s1/resourceGroups/RG-App"))
        let account = try #require(ARMScope("/subscriptions/s1/resourcegroups/rg-app/providers/Microsoft.Storage/storageAccounts/st1"))
        #expect(subscription.contains(group) && subscription.contains(account) && group.contains(account))
        #expect(!group.contains(subscription) && !account.contains(group))
        #expect(!group.contains(try #require(ARMScope("/subscriptions/s1/resourceGroups/rg-app2"))))
        #expect(account.resource == "Microsoft.Storage/storageAccounts/st1")
        #expect(group.resourceGroup == "RG-App" && subscription.path == "/subscriptions/S1")
        for bad in [
            "subscriptions/s1", "/subscriptions", "/subscriptions/s1/resourceGroups", "/subscriptions/s1/rg/x",
            "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts", "/subscriptions//x",
        ] {
            #expect(ARMScope(bad) == nil, "\(bad)")
        }
    }

    @Test func actionShapes() {
        #expect(RBACAction.shapeProblem("Microsoft.Storage/storageAccounts/read", wildcards: false) == nil)
        #expect(RBACAction.shapeProblem("*/read", wildcards: true) == nil)
        #expect(RBACAction.shapeProblem("*/read", wildcards: false)?.contains("is a wildcard") == true)
        #expect(RBACAction.shapeProblem("read", wildcards: false)?.contains("is not an action") == true)
        #expect(RBACAction.shapeProblem("Storage/accounts/read", wildcards: false)?.contains("resource provider namespace") == true)
        #expect(RBACAction.shapeProblem("Microsoft.A/*/b/*", wildcards: true)?.contains("more than one wildcard") == true)
        #expect(RBACAction.shapeProblem("Microsoft.A//read", wildcards: false)?.contains("is not an action") == true)
    }

    @Test func permissionBlocksReadMissingArraysAsEmpty() throws {
        let json = try JSONValue(parsing: #"{"actions":["*/read"],"notActions":[]}"#)
        let block = try #require(PermissionBlock(json: json))
        #expect(block.actions == [ActionPattern("*/read")] && block.dataActions.isEmpty)
        #expect(PermissionBlock(json: try JSONValue(parsing: #"{"actions":[1]}"#)) == nil)
        #expect(PermissionBlock(json: block.json) == block)
    }
}
