import AzspecCore

/// A deny assignment as ARM lists it (`properties.principals`, `excludePrincipals`, `permissions`, `scope`,
/// `doNotApplyToChildScopes`, `condition`), parsed once, and whether it applies to a principal at a scope — as far
/// as the lists can tell: a deny that names or excludes a group, or carries a condition, may or may not apply.
struct DenyAssignmentItem: Sendable {
    /// How ARM names "every principal" (`SystemDefined`, the zero GUID).
    static let everyone = "00000000-0000-0000-0000-000000000000"

    struct Principal: Sendable {
        let id: String
        let type: String

        /// Users and service principals (managed identities are service principals) are single principals; any other
        /// type (`Group`, `ForeignGroup`, none at all) may stand for several.
        var isSingle: Bool { ["user", "serviceprincipal"].contains(type.lowercased()) }
    }

    enum Applicability: Equatable {
        case applies
        case doesNot
        /// It may apply: why the lists cannot tell.
        case perhaps(String)
    }

    let name: String
    let scope: ARMScope?
    let childScopesExcluded: Bool
    let principals: [Principal]
    let excluded: [Principal]
    let blocks: [PermissionBlock]
    let condition: String?

    init?(json item: JSONValue) {
        guard let properties = item["properties"] else { return nil }
        func principals(_ key: String) -> [Principal] {
            (properties[key]?.arrayValue ?? []).compactMap { entry in
                entry["id"]?.stringValue.map { Principal(id: $0.lowercased(), type: entry["type"]?.stringValue ?? "") }
            }
        }
        name = properties["denyAssignmentName"]?.stringValue ?? item["name"]?.stringValue ?? "a deny assignment"
        scope = properties["scope"]?.stringValue.flatMap(ARMScope.init)
        childScopesExcluded = properties["doNotApplyToChildScopes"]?.boolValue == true
        self.principals = principals("principals")
        excluded = principals("excludePrincipals")
        blocks = (properties["permissions"]?.arrayValue ?? []).compactMap(PermissionBlock.init(json:))
        condition = properties["condition"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether it applies at `target` to `principal` (lower-cased), which is known to be in `groups` (lower-cased;
    /// the groups its role assignments came through). `principalIsGroup`: the principal is itself a group, whose
    /// members any exclusion may spare.
    /// `groupsAreComplete`: `groups` is every group the principal is in (read from Microsoft Graph), so a group
    /// outside it is one the principal is not in.
    func applicability(
        to principal: String, groups: Set<String> = [], groupsAreComplete: Bool = false, principalIsGroup: Bool = false,
        at target: ARMScope
    )
        -> Applicability
    {
        if childScopesExcluded, scope != target { return .doesNot }
        let holders = groups.union([principal])
        if excluded.contains(where: { holders.contains($0.id) }) { return .doesNot }
        var named: Applicability
        if principals.contains(where: { $0.id == Self.everyone || holders.contains($0.id) }) {
            named = .applies
        } else if !groupsAreComplete, let group = principals.first(where: { !$0.isSingle }) {
            named = .perhaps("it names \(group.type.isEmpty ? "principal" : group.type) \(group.id), which the principal may be in")
        } else {
            return .doesNot
        }
        if !groupsAreComplete, let group = excluded.first(where: { !$0.isSingle }) {
            named = .perhaps("it excludes \(group.type.isEmpty ? "principal" : group.type) \(group.id), which the principal may be in")
        } else if principalIsGroup, let member = excluded.first {
            named = .perhaps("it excludes \(member.id), which may be a member of the group")
        }
        if condition != nil, named == .applies { named = .perhaps("it carries a condition, which azspec does not evaluate") }
        return named
    }

    /// Its permission blocks as evaluator entries.
    var entries: [RBACEvaluator.Entry] {
        blocks.map { RBACEvaluator.Entry($0, source: .init(assignment: "'\(name)'")) }
    }
}
