import AzspecCore

/// A built-in Azure role: its id, its `Actions` and `NotActions` (azure-protocol.md §6).
struct RoleDefinition: Sendable {
    let name: String
    /// The built-in role definition GUID (same in every tenant).
    let id: String
    let actions: [String]
    let notActions: [String]
    private let actionPatterns: [ActionPattern]
    private let notActionPatterns: [ActionPattern]

    init(name: String, id: String, actions: [String], notActions: [String] = []) {
        self.name = name
        self.id = id
        self.actions = actions
        self.notActions = notActions
        actionPatterns = actions.map(ActionPattern.init)
        notActionPatterns = notActions.map(ActionPattern.init)
    }

    /// `Actions − NotActions` for one permission block; `action` must be lower-cased.
    func allows(lowercased action: [UInt8]) -> Bool {
        actionPatterns.contains { $0.matches(lowercased: action) }
            && !notActionPatterns.contains { $0.matches(lowercased: action) }
    }

    /// The `{"actions":…,"notActions":…,"dataActions":[],"notDataActions":[]}` entry of the permissions API.
    var permissionJSON: JSONValue {
        .object([
            "actions": .array(actions.map(JSONValue.string)),
            "notActions": .array(notActions.map(JSONValue.string)),
            "dataActions": [],
            "notDataActions": [],
        ])
    }

    static let reader = RoleDefinition(
        name: "Reader",
        id: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        actions: ["*/read"]
    )

    static let contributor = RoleDefinition(
        name: "Contributor",
        id: "b24988ac-6180-42a0-ab88-20f7382dd24c",
        actions: ["*"],
        notActions: [
            "Microsoft.Authorization/*/Delete",
            "Microsoft.Authorization/*/Write",
            "Microsoft.Authorization/elevateAccess/Action",
            "Microsoft.Blueprint/blueprintAssignments/write",
            "Microsoft.Blueprint/blueprintAssignments/delete",
        ]
    )

    static let owner = RoleDefinition(
        name: "Owner",
        id: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
        actions: ["*"]
    )

    static let builtIn = [reader, contributor, owner]

    /// The built-in role called `name` (case-insensitive) or whose GUID is `name`.
    static func named(_ name: String) -> RoleDefinition? {
        let key = name.lowercased()
        return builtIn.first { $0.name.lowercased() == key || $0.id == key }
    }
}
