/// One permission block of a role definition, a deny assignment or the permissions API: `actions`, `notActions`,
/// `dataActions`, `notDataActions` (azure-protocol.md §6–§7).
public struct PermissionBlock: Sendable, Hashable {
    public var actions: [ActionPattern]
    public var notActions: [ActionPattern]
    public var dataActions: [ActionPattern]
    public var notDataActions: [ActionPattern]

    public init(actions: [String] = [], notActions: [String] = [], dataActions: [String] = [], notDataActions: [String] = []) {
        self.actions = actions.map(ActionPattern.init)
        self.notActions = notActions.map(ActionPattern.init)
        self.dataActions = dataActions.map(ActionPattern.init)
        self.notDataActions = notDataActions.map(ActionPattern.init)
    }

    /// Reads a block as ARM sends it; a missing array is empty (older API versions omit the data arrays). Nil when
    /// `json` is not an object or an array holds something other than strings.
    public init?(json: JSONValue) {
        guard let object = json.objectValue else { return nil }
        func patterns(_ key: String) -> [String]? {
            guard let value = object[key], value != .null else { return [] }
            guard let items = value.arrayValue else { return nil }
            let strings = items.compactMap(\.stringValue)
            return strings.count == items.count ? strings : nil
        }
        guard let actions = patterns("actions"), let notActions = patterns("notActions"),
            let dataActions = patterns("dataActions"), let notDataActions = patterns("notDataActions")
        else { return nil }
        self.init(actions: actions, notActions: notActions, dataActions: dataActions, notDataActions: notDataActions)
    }

    /// The block as the permissions API and role definitions show it.
    public var json: JSONValue {
        func array(_ patterns: [ActionPattern]) -> JSONValue { .array(patterns.map { .string($0.text) }) }
        return .object([
            "actions": array(actions), "notActions": array(notActions), "dataActions": array(dataActions),
            "notDataActions": array(notDataActions),
        ])
    }

    /// The patterns that grant `action` kind of operation, and those that take it away again.
    public func grants(forData isData: Bool) -> (granted: [ActionPattern], excluded: [ActionPattern]) {
        isData ? (dataActions, notDataActions) : (actions, notActions)
    }

    /// The first pattern of this block that grants `action`, unless one of the same block's exclusions matches it
    /// (`NotActions` subtracts within its block only: it is not a deny).
    public func grantingPattern(for action: RBACAction) -> ActionPattern? {
        let (granted, excluded) = grants(forData: action.isData)
        guard let pattern = granted.first(where: { $0.matches(action) }) else { return nil }
        return excluded.contains { $0.matches(action) } ? nil : pattern
    }
}
