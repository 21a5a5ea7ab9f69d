/// What Microsoft Graph reads of the directory: its objects by id, application id and display name, and group
/// memberships both ways.
extension Directory {
    /// A directory object Graph serves: a service principal (or managed identity) or a security group.
    enum Object: Sendable {
        case principal(Principal)
        case group(Group)

        var id: String {
            switch self {
            case .principal(let principal): principal.objectId
            case .group(let group): group.objectId
            }
        }

        var tenantId: String {
            switch self {
            case .principal(let principal): principal.tenantId
            case .group(let group): group.tenantId
            }
        }

        var displayName: String {
            switch self {
            case .principal(let principal): principal.name
            case .group(let group): group.name
            }
        }

        var isGroup: Bool {
            if case .group = self { return true }
            return false
        }
    }

    /// The object `id` names in `tenantId`, if any.
    func object(_ id: String, tenantId: String) -> Object? {
        let key = id.lowercased()
        if let principal = principal(objectId: key), principal.tenantId == tenantId { return .principal(principal) }
        if let group = groupsByObjectId[key], group.tenantId == tenantId { return .group(group) }
        return nil
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
