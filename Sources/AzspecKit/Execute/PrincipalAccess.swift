import AzspecCore

/// What Azure grants one principal at one scope, read by an auditor from the assignment lists rather than by the
/// principal itself: the role assignments that apply there (at the scope or above, to the principal or one of its
/// groups: `$filter=atScope() and assignedTo('{id}')`, which Azure documents as taking group memberships in,
/// transitively), their role definitions, the deny assignments at or above the scope (`atScope()`: Azure documents no
/// `assignedTo()` for them) weighed against the principal and those groups, and the roles it may activate (PIM
/// eligibility schedule instances, with the role assignments' filter).
struct PrincipalAccess: Sendable {
    /// Active grants, each with the role, assignment scope and group it comes through.
    var active: [RBACEvaluator.Entry] = []
    /// Grants the principal can only reach by activating an eligible role.
    var eligible: [RBACEvaluator.Entry] = []
    /// Deny assignments that apply.
    var denies: [RBACEvaluator.Entry] = []
    /// Deny assignments that apply unless the principal is in a group they exclude, which the assignment lists do
    /// not say: a verdict that depends on one of them cannot be decided.
    var uncertainDenies: [RBACEvaluator.Entry] = []
    /// One line per assignment read, for the report.
    var lines: [String] = []
    /// The groups the principal is in (Microsoft Graph's transitive memberships, and any its assignments came through).
    var groups: Set<String> = []

    static let eligibilityAPIVersion = "2020-10-01"

    enum ReadFailure: Error {
        case unreadable(String)
    }

    /// Reads the access of `principal` (an object id), a member of `groups` (every group it is in, from Microsoft
    /// Graph), at `scope` through `reader`; `eligibility` false skips the eligible roles.
    static func read(
        _ principal: String, groups memberOf: [GraphReader.Object], at scope: ARMScope, reader: ARMReader, eligibility: Bool
    ) async -> Result<PrincipalAccess, ReadFailure> {
        let groupNames = Dictionary(memberOf.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let filter = "atScope() and assignedTo('\(principal)')"
        var access = PrincipalAccess()
        access.groups = Set(groupNames.keys)
        var definitions: [String: (name: String, blocks: [PermissionBlock])] = [:]
        func definition(_ id: String) async -> Result<(name: String, blocks: [PermissionBlock]), ReadFailure> {
            let key = (id.split(separator: "/").last.map(String.init) ?? id).lowercased()
            if let known = definitions[key] { return .success(known) }
            guard definitions.count < TestExecution.maximumRoleDefinitions else {
                return .failure(.unreadable("more than \(TestExecution.maximumRoleDefinitions) roles apply at \(scope)"))
            }
            switch await reader.roleDefinition(id, at: scope) {
            case .failure(let failure):
                return .failure(.unreadable("cannot read role definition \(key) at \(scope): \(failure.message)"))
            case .success(let definition):
                definitions[key] = definition
                return .success(definition)
            }
        }
        let lists: [(collection: String, version: String, isEligible: Bool)] =
            [("roleAssignments", TestExecution.authorizationAPIVersion, false)]
            + (eligibility ? [("roleEligibilityScheduleInstances", eligibilityAPIVersion, true)] : [])
        for list in lists {
            let items: [JSONValue]
            switch await reader.list(scope, list.collection, filter: filter, apiVersion: list.version) {
            case .failure(let failure):
                let need = failure.status == 403 ? " (the auditor needs Microsoft.Authorization/roleAssignments/read)" : ""
                let what = list.isEligible ? "eligible role assignments (PIM)" : "role assignments"
                return .failure(
                    .unreadable("cannot read the \(what) at \(scope) that apply to principal \(principal)\(need): \(failure.message)"))
            case .success(let value): items = value
            }
            for item in items {
                guard let properties = item["properties"], let roleId = properties["roleDefinitionId"]?.stringValue else {
                    return .failure(.unreadable("an entry of \(list.collection) at \(scope) has no properties.roleDefinitionId"))
                }
                let role: (name: String, blocks: [PermissionBlock])
                switch await definition(roleId) {
                case .failure(let failure): return .failure(failure)
                case .success(let found): role = found
                }
                let holder = properties["principalId"]?.stringValue?.lowercased() ?? principal
                let through =
                    holder == principal.lowercased()
                    ? []
                    : [groupNames[holder].map { "group '\($0)'" } ?? "\(properties["principalType"]?.stringValue ?? "group") \(holder)"]
                if holder != principal.lowercased() { access.groups.insert(holder) }
                let assignedAt = properties["scope"]?.stringValue ?? scope.path
                let condition = properties["condition"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
                let source = RBACEvaluator.Source(
                    role: role.name + (list.isEligible ? " (eligible)" : ""), assignment: "at \(assignedAt)", condition: condition,
                    through: through)
                let entries = role.blocks.map { RBACEvaluator.Entry($0, source: source) }
                if list.isEligible { access.eligible += entries } else { access.active += entries }
                access.lines.append(
                    "  \(list.isEligible ? "eligible" : "assigned"): \(source)" + (condition.map { " (condition: \($0))" } ?? ""))
            }
        }
        // Azure documents atScope() and principalId for deny assignments, not assignedTo(): every deny at or above
        // the scope is read, and weighed here against the principal and the groups its assignments came through.
        switch await reader.list(scope, "denyAssignments", filter: "atScope()") {
        case .failure(let failure):
            let need = failure.status == 403 ? " (the auditor needs Microsoft.Authorization/denyAssignments/read)" : ""
            return .failure(
                .unreadable("cannot read the deny assignments at \(scope)\(need): \(failure.message)"))
        case .success(let items):
            for deny in items.compactMap(DenyAssignmentItem.init(json:)) {
                switch deny.applicability(to: principal.lowercased(), groups: access.groups, groupsAreComplete: true, at: scope) {
                case .doesNot: continue
                case .applies:
                    access.denies += deny.entries
                    access.lines.append("  deny assignment '\(deny.name)' applies")
                case .perhaps(let why):
                    access.uncertainDenies += deny.entries
                    access.lines.append("  deny assignment '\(deny.name)' may apply: \(why)")
                }
            }
        }
        return .success(access)
    }
}
