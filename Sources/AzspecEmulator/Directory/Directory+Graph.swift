/// What Microsoft Graph reads of the directory: its objects by id, application id and display name, and group
/// memberships both ways.
extension Directory {
    /// A directory object Graph serves: a service principal (a managed identity's too, or an API's), a security
    /// group or a user.
    enum Object: Sendable {
        case principal(Principal)
        case group(Group)
        case user(User)
        case resourceApp(ResourceApp)

        var id: String {
            switch self {
            case .principal(let principal): principal.objectId
            case .group(let group): group.objectId
            case .user(let user): user.objectId
            case .resourceApp(let app): app.objectId
            }
        }

        var tenantId: String {
            switch self {
            case .principal(let principal): principal.tenantId
            case .group(let group): group.tenantId
            case .user(let user): user.tenantId
            case .resourceApp(let app): app.tenantId
            }
        }

        var displayName: String {
            switch self {
            case .principal(let principal): principal.name
            case .group(let group): group.name
            case .user(let user): user.name
            case .resourceApp(let app): app.displayName
            }
        }

        /// `servicePrincipal`, `group` or `user`: its `@odata.type` without `#microsoft.graph.`.
        var kind: String {
            switch self {
            case .principal, .resourceApp: "servicePrincipal"
            case .group: "group"
            case .user: "user"
            }
        }

        /// The application (client) id of a service principal.
        var appId: String? {
            switch self {
            case .principal(let principal): principal.clientId
            case .resourceApp(let app): app.resource.appId
            case .group, .user: nil
            }
        }
    }

    /// The object `id` names in `tenantId`, if any.
    func object(_ id: String, tenantId: String) -> Object? {
        let key = id.lowercased()
        if let principal = principal(objectId: key), principal.tenantId == tenantId { return .principal(principal) }
        if let group = groupsByObjectId[key], group.tenantId == tenantId { return .group(group) }
        if let user = entra.users[key], user.tenantId == tenantId { return .user(user) }
        if let app = resourceApp(objectId: key, tenantId: tenantId) { return .resourceApp(app) }
        return nil
    }

    /// Every user of `tenantId`, in a stable order.
    func users(tenantId: String) -> [User] {
        entra.users.values.filter { $0.tenantId == tenantId }.sorted { $0.objectId < $1.objectId }
    }

    /// Every service principal and managed identity of `tenantId`, in a stable order.
    func principals(tenantId: String) -> [Principal] {
        allPrincipals.filter { $0.tenantId == tenantId }
    }

    /// Every group of `tenantId`, in a stable order.
    func groups(tenantId: String) -> [Group] {
        groupsByObjectId.values.filter { $0.tenantId == tenantId }.sorted { $0.objectId < $1.objectId }
    }

    /// The groups `id` is in, directly or through others (each once, the nearest first).
    func transitiveMemberOf(_ id: String) -> [Group] {
        transitiveGroups(of: id.lowercased()).compactMap { groupsByObjectId[$0] }
    }

    /// The members of group `id`, directly or through nested groups (each once, breadth first; nested groups too).
    func transitiveMembers(of id: String, tenantId: String) -> [Object] {
        var seen: Set<String> = [id.lowercased()]
        var queue = groupsByObjectId[id.lowercased()]?.members ?? []
        var found: [Object] = []
        var index = 0
        while index < queue.count {
            let member = queue[index].lowercased()
            index += 1
            guard seen.insert(member).inserted, let object = object(member, tenantId: tenantId) else { continue }
            found.append(object)
            if case .group(let group) = object { queue += group.members }
        }
        return found
    }
}
