import AzspecCore
import Foundation

/// `permissions.whoCan`: every principal that may take some actions at a scope, from the role assignments there and
/// above (`$filter=atScope()`, every principal's), their role definitions, the eligible (PIM) ones and the deny
/// assignments, each decided by the shared RBAC evaluator; then the set is held to `only`, `exactly` or `none`.
/// A group counts as itself; `expand` lists its members under it. Principals are named as Microsoft Graph names them
/// where the identity may read Graph (display names in `only`/`exactly` and `expand` need it). Only reads are sent.
extension TestExecution {
    /// Role definitions read by one whoCan check (a subscription holds many assignments of few roles).
    static let maximumWhoCanRoles = 200

    /// One principal that can, and how.
    struct Holder {
        let id: String
        let type: String
        var paths: [String]
        var eligibleOnly: Bool
        /// As Microsoft Graph names it, when it could be read.
        var object: GraphReader.Object? = nil
        /// With `expand`, a group's members.
        var members: [GraphReader.Object] = []
    }

    func whoCan(
        _ spec: PermissionCheckSpec, _ question: PermissionCheckSpec.WhoCan, at target: ARMScope, reader: ARMReader, scope: TemplateScope
    ) async
        -> CaseReport
    {
        var named: [String] = []
        switch question.expectation {
        case .only(let ids), .exactly(let ids):
            for id in ids {
                do {
                    named.append(try scope.render(id).trimmingCharacters(in: .whitespaces))
                } catch {
                    return errored("\(error.reference.location): \(error)", type: "InvalidSpec", details: "\(error)")
                }
            }
        case .nobody: break
        }
        // Microsoft Graph names the principals: needed for display names in the lists and for expand, and otherwise
        // read where the identity may (the report then shows names besides ids).
        let needsGraph = question.expand || named.contains { !GUID.isValid($0) }
        var graph: GraphReader?
        var notes: [String] = []
        func graphProblem(_ problem: PrincipalProblem) -> CaseReport? {
            if needsGraph {
                let message = problem.invalidSpec ? "\(question.location): \(problem.message)" : problem.message
                return errored(message, type: problem.invalidSpec ? "InvalidSpec" : "PermissionCheckError", details: message)
            }
            notes.append("  note: principals are shown by object id: \(problem.message)")
            graph = nil
            return nil
        }
        switch await graphReader() {
        case .success(let reader): graph = reader
        case .failure(let problem): if let report = graphProblem(problem) { return report }
        }
        var expected: [String] = []
        for text in named {
            guard !GUID.isValid(text) else {
                expected.append(text.lowercased())
                continue
            }
            guard let graph else { continue }
            switch await principal(text, graph: graph, scope: scope) {
            case .failure(let problem):
                let message = "\(question.location): \(problem.message)"
                return errored(message, type: problem.invalidSpec ? "InvalidSpec" : "PermissionCheckError", details: message)
            case .success(let object): expected.append(object.id)
            }
        }
        let found: [Holder]
        switch await holders(
            of: question.actions, at: target, reader: reader, eligible: spec.eligible != .ignored, graph: graph, namesNeeded: needsGraph,
            expand: question.expand, notes: &notes)
        {
        case .failure(let problem): return errored(problem.message, type: "PermissionCheckError", details: problem.message)
        case .success(let read): found = read
        }
        var problems: [String] = []
        let describe = { (holder: Holder) in
            (holder.object.map { "\($0.description) (\(holder.id))" } ?? "\(holder.type) \(holder.id)")
                + "\(holder.eligibleOnly ? " (eligible)" : ""): \(holder.paths.joined(separator: "; "))"
        }
        switch question.expectation {
        case .nobody:
            problems += found.map { "whoCan: \(describe($0)), but none may" }
        case .only:
            problems += found.filter { !expected.contains($0.id) }.map { "whoCan: \(describe($0)), which is not in only" }
        case .exactly:
            problems += found.filter { !expected.contains($0.id) }.map { "whoCan: \(describe($0)), which is not in exactly" }
            problems += expected.filter { id in !found.contains { $0.id == id } }.map { "whoCan: \($0) is in exactly, but cannot" }
        }
        let header =
            "who can \(question.actions.map { "'\($0.name)'" }.joined(separator: ", ")) at \(target) "
            + "(\(Plural.count(found.count, "principal"))):"
        let listed = found.flatMap { holder in
            ["  " + describe(holder)] + holder.members.map { "    member: \($0.description) (\($0.id))" }
        }
        let summary = ([header] + listed + notes).joined(separator: "\n")
        return finish(problems: problems, summary: summary, failingLine: problems.isEmpty ? nil : question.location)
    }

    /// Every principal a role assignment at or above `target` grants one of `actions` to (eligible ones too when
    /// `eligible`), less the deny assignments that certainly apply, in the order the lists name them; named through
    /// `graph` when given (a failure to name fails when `namesNeeded`, and is a note otherwise), with each group's
    /// members when `expand`.
    func holders(
        of actions: [RBACAction], at target: ARMScope, reader: ARMReader, eligible: Bool, graph: GraphReader?, namesNeeded: Bool,
        expand: Bool, notes: inout [String]
    ) async -> Result<[Holder], PrincipalProblem> {
        let lists: [(collection: String, version: String, eligible: Bool)] =
            [("roleAssignments", Self.authorizationAPIVersion, false)]
            + (!eligible ? [] : [("roleEligibilityScheduleInstances", PrincipalAccess.eligibilityAPIVersion, true)])
        var roles: [String: (name: String, blocks: [PermissionBlock])] = [:]
        var holders: [String: Holder] = [:]
        var order: [String] = []
        var denies: [DenyAssignmentItem] = []
        switch await reader.list(target, "denyAssignments", filter: "atScope()") {
        case .failure(let failure):
            let need = failure.status == 403 ? " (the identity needs Microsoft.Authorization/denyAssignments/read)" : ""
            let message = "cannot read the deny assignments at \(target)\(need): \(failure.message)"
            return .failure(PrincipalProblem(message: message))
        case .success(let items): denies = items.compactMap(DenyAssignmentItem.init(json:))
        }
        for list in lists {
            let items: [JSONValue]
            switch await reader.list(target, list.collection, filter: "atScope()", apiVersion: list.version) {
            case .failure(let failure):
                let need = failure.status == 403 ? " (the identity needs Microsoft.Authorization/roleAssignments/read)" : ""
                let message =
                    "cannot read the \(list.eligible ? "eligible role assignments" : "role assignments") at \(target)\(need): \(failure.message)"
                return .failure(PrincipalProblem(message: message))
            case .success(let value): items = value
            }
            for item in items {
                guard let properties = item["properties"], let roleId = properties["roleDefinitionId"]?.stringValue,
                    let principal = properties["principalId"]?.stringValue?.lowercased()
                else {
                    let message = "an entry of \(list.collection) at \(target) has no principalId or roleDefinitionId"
                    return .failure(PrincipalProblem(message: message))
                }
                let key = (roleId.split(separator: "/").last.map(String.init) ?? roleId).lowercased()
                if roles[key] == nil {
                    guard roles.count < Self.maximumWhoCanRoles else {
                        let message = "more than \(Self.maximumWhoCanRoles) roles are assigned at \(target); azspec reads no more"
                        return .failure(PrincipalProblem(message: message))
                    }
                    switch await reader.roleDefinition(roleId, at: target) {
                    case .failure(let failure):
                        let message = "cannot read role definition \(key) at \(target): \(failure.message)"
                        return .failure(PrincipalProblem(message: message))
                    case .success(let role): roles[key] = role
                    }
                }
                guard let role = roles[key] else { continue }
                let type = properties["principalType"]?.stringValue ?? "principal"
                let condition = properties["condition"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
                let source = RBACEvaluator.Source(
                    role: role.name + (list.eligible ? " (eligible)" : ""),
                    assignment: "at \(properties["scope"]?.stringValue ?? target.path)",
                    condition: condition)
                let evaluator = RBACEvaluator(
                    grants: role.blocks.map { RBACEvaluator.Entry($0, source: source) },
                    denies: Self.denies(denies, for: principal, type: type, at: target))
                for action in actions {
                    let decision = evaluator.decide(action)
                    guard decision.isAllowed else { continue }
                    let how = "'\(action.name)' by \(source)" + (condition.map { _ in " (subject to a condition)" } ?? "")
                    if holders[principal] == nil {
                        holders[principal] = Holder(id: principal, type: type, paths: [], eligibleOnly: list.eligible)
                        order.append(principal)
                    }
                    holders[principal]?.paths.append(how)
                    if !list.eligible { holders[principal]?.eligibleOnly = false }
                }
            }
        }
        if let reader = graph {
            naming: for id in order {
                switch await reader.object(id) {
                case .success(let object): holders[id]?.object = object
                case .failure(let failure):
                    if namesNeeded { return .failure(PrincipalProblem(message: failure.message)) }
                    notes.append("  note: principals are shown by object id: \(failure.message)")
                    break naming
                }
                if expand, let object = holders[id]?.object, object.isGroup {
                    switch await reader.members(of: object) {
                    case .success(let members): holders[id]?.members = members
                    case .failure(let failure): return .failure(PrincipalProblem(message: failure.message))
                    }
                }
            }
        }
        return .success(order.compactMap { holders[$0] })
    }

    /// The deny assignments that certainly apply at `scope` to `principal`: one that only may (it names or excludes
    /// a group, or carries a condition; any exclusion, for a group, which may spare its members) is left out, so
    /// that who can is over-reported, never under-reported.
    static func denies(_ denies: [DenyAssignmentItem], for principal: String, type: String, at scope: ARMScope) -> [RBACEvaluator.Entry] {
        let isGroup = !DenyAssignmentItem.Principal(id: principal, type: type).isSingle
        return denies.filter { $0.applicability(to: principal, principalIsGroup: isGroup, at: scope) == .applies }.flatMap(\.entries)
    }
}
