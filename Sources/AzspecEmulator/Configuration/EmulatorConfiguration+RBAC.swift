import AzspecCore

extension EmulatorConfiguration {
    /// A custom role of a tenant: a name, an optional GUID and one permission block.
    ///
    /// ```yaml
    /// roleDefinitions:
    ///   - name: Blob Auditor
    ///     id: 0b5e…                       # optional GUID; derived from the name when absent
    ///     actions: [Microsoft.Storage/storageAccounts/read]
    ///     notActions: []
    ///     dataActions: [Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read]
    ///     notDataActions: []
    /// ```
    public struct CustomRole: Sendable, ActionLists {
        public var name: String
        public var id: String?
        public var actions: [String]
        public var notActions: [String]
        public var dataActions: [String]
        public var notDataActions: [String]

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(
            name: String, id: String? = nil, actions: [String] = [], notActions: [String] = [], dataActions: [String] = [],
            notDataActions: [String] = []
        ) {
            self.name = name
            self.id = id
            self.actions = actions
            self.notActions = notActions
            self.dataActions = dataActions
            self.notDataActions = notDataActions
        }
    }

    /// A deny assignment: these actions are refused to these principals at the scope (and below, unless
    /// `doNotApplyToChildScopes`), whatever their roles grant. `principals` holds names, object ids or `everyone`.
    public struct DenyAssignment: Sendable, ActionLists {
        public var name: String
        public var scope: String
        public var actions: [String]
        public var notActions: [String]
        public var dataActions: [String]
        public var notDataActions: [String]
        public var principals: [String]
        public var excludePrincipals: [String]
        public var doNotApplyToChildScopes: Bool

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(
            name: String, scope: String, actions: [String] = [], notActions: [String] = [], dataActions: [String] = [],
            notDataActions: [String] = [], principals: [String], excludePrincipals: [String] = [],
            doNotApplyToChildScopes: Bool = false
        ) {
            self.name = name
            self.scope = scope
            self.actions = actions
            self.notActions = notActions
            self.dataActions = dataActions
            self.notDataActions = notDataActions
            self.principals = principals
            self.excludePrincipals = excludePrincipals
            self.doNotApplyToChildScopes = doNotApplyToChildScopes
        }
    }
}

/// An entry of the configuration with RBAC's four action lists: a custom role or a deny assignment.
protocol ActionLists {
    var actions: [String] { get set }
    var notActions: [String] { get set }
    var dataActions: [String] { get set }
    var notDataActions: [String] { get set }
}

extension ActionLists {
    /// The lists by the keys that hold them.
    static var actionKeys: [(key: String, list: WritableKeyPath<Self, [String]>)] {
        [("actions", \.actions), ("notActions", \.notActions), ("dataActions", \.dataActions), ("notDataActions", \.notDataActions)]
    }

    /// The lists as one permission block, as role definitions and deny assignments hold them.
    var permissionBlock: PermissionBlock {
        PermissionBlock(actions: actions, notActions: notActions, dataActions: dataActions, notDataActions: notDataActions)
    }
}
