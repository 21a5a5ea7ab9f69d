import AzspecCore
import Foundation

/// A declared permission check, in place of stages 2–5: what Azure says the identity may do at the scope
/// (`…/permissions`, paged), the deny assignments there and the identity's role assignments (for role names and
/// conditions), decided by the shared RBAC evaluator. Only reads are sent.
extension TestExecution {
    static let authorizationAPIVersion = "2022-04-01"
    /// Pages followed per list before the check gives up (a `nextLink` loop ends sooner).
    static let maximumPages = 50
    /// The largest page of a permissions, deny-assignment or role list read (Azure's are a few kilobytes).
    static let maximumListPageBytes = 4 << 20
    /// The most entries one list may hold across its pages.
    static let maximumListEntries = 5_000
    /// The longest action pattern read (Azure's operation names are under 200 characters) and the most in one block.
    static let maximumActionLength = 1_024
    static let maximumActionsPerBlock = 10_000
    /// Role definitions read per check (one per distinct role the identity holds at the scope).
    static let maximumRoleDefinitions = 20

    func checkPermissions(_ spec: PermissionCheckSpec, in scope: TemplateScope, token: AccessToken?) async -> CaseReport {
        guard let credential, let token else {
            return errored(
                "a permission check needs an identity (its own or the suite's)", type: "InvalidSpec",
                details: "the permissions API answers for the caller, so the check must sign in as the identity under test")
        }
        let target: ARMScope
        do {
            let text = try scope.render(spec.scope)
            guard let parsed = ARMScope(text) else {
                let message = "\(spec.location): " + (ARMScope.problem(text) ?? "not an ARM scope")
                return errored(message, type: "InvalidSpec", details: message)
            }
            target = parsed
        } catch {
            return errored("\(error.reference.location): \(error)", type: "InvalidSpec", details: "\(error)")
        }
        let reader = ARMReader(execution: self, credential: credential, token: token)
        if let question = spec.whoCan {
            return await whoCan(spec, question, at: target, reader: reader, scope: scope)
        }
        if let principal = spec.principal {
            let text: String
            do {
                text = try scope.render(principal).trimmingCharacters(in: .whitespaces)
            } catch {
                return errored("\(error.reference.location): \(error)", type: "InvalidSpec", details: "\(error)")
            }
            func problem(_ problem: PrincipalProblem) -> CaseReport {
                let message = problem.invalidSpec ? "\(spec.location): \(problem.message)" : problem.message
                return errored(message, type: problem.invalidSpec ? "InvalidSpec" : "PermissionCheckError", details: message)
            }
            guard !text.isEmpty else {
                return problem(PrincipalProblem(message: "principal is empty: name it by object id, client id or name", invalidSpec: true))
            }
            let graph: GraphReader
            switch await graphReader() {
            case .failure(let failure): return problem(failure)
            case .success(let reader): graph = reader
            }
            let object: GraphReader.Object
            switch await self.principal(text, graph: graph, scope: scope) {
            case .failure(let failure): return problem(failure)
            case .success(let found): object = found
            }
            switch await graph.groups(of: object) {
            case .failure(let failure):
                // Never "in no group": what could not be read fails the check.
                return problem(PrincipalProblem(message: failure.message))
            case .success(let groups):
                return await audit(spec, principal: object, groups: groups, at: target, reader: reader)
            }
        }
        var notes: [String] = []
        let blocks: [PermissionBlock]
        switch await reader.list(target, "permissions", filter: nil) {
        case .failure(let failure):
            let missing = failure.status == 403 ? " (it needs Microsoft.Authorization/permissions/read)" : ""
            var message = "cannot read the identity's permissions at \(target)\(missing): \(failure.message)"
            if spec.none, failure.status == 403 {
                message +=
                    "; Azure refuses this both to an identity with no role at the scope and to one whose roles lack "
                    + "permissions/read, so 'none' cannot be proven this way: audit it with principal: from an identity "
                    + "that may read role assignments"
            }
            return errored(message, type: "PermissionCheckError", details: message)
        case .success(let items):
            guard let parsed = Optional(items.compactMap(PermissionBlock.init(json:))), parsed.count == items.count else {
                let message = "the permissions API at \(target) answered entries that are not permission blocks"
                return errored(message, type: "InvalidResponse", details: message)
            }
            blocks = parsed
        }
        let objectId = CompactJWT(token.value)?.string("oid")?.lowercased()
        let assignments = await reader.assignments(at: target, objectId: objectId, notes: &notes)
        let denies = await reader.denies(at: target, objectId: objectId, notes: &notes)
        let evaluator = RBACEvaluator(grants: Self.grants(blocks, assignments), denies: denies ?? [])
        var problems: [String] = []
        if denies == nil, spec.entries.contains(where: \.mustBeAllowed) {
            // A deny assignment could take any of them away: what is allowed cannot be proven.
            problems.append(
                "the deny assignments at \(target) could not be read, so no action can be proven allowed "
                    + "(the identity needs Microsoft.Authorization/denyAssignments/read, which Reader's */read grants)")
        }
        var lines: [String] = []
        var failingLine: SourceLocation?
        for entry in spec.entries {
            let (line, problem) = Self.verdict(entry, evaluator.decide(entry.action), grants: evaluator.grants, at: target)
            lines.append(line)
            if let problem {
                problems.append(problem)
                failingLine = failingLine ?? entry.location
            }
        }
        if spec.exactly { problems += Self.drift(spec, grants: evaluator.grants, at: target) }
        if spec.none, !blocks.isEmpty {
            problems.append(
                "none: the identity holds \(Plural.count(blocks.count, "permission block")) at \(target): "
                    + evaluator.grants.map(\.source.description).joined(separator: "; "))
        }
        let summary = (["permissions at \(target) (\(Plural.count(blocks.count, "permission block"))):"] + lines + notes)
            .joined(separator: "\n")
        return finish(problems: problems, summary: summary, failingLine: failingLine)
    }

    /// The case: passed with the summary as its output, or failed naming the first problem (and how many more).
    func finish(problems: [String], summary: String, failingLine: SourceLocation?) -> CaseReport {
        guard problems.isEmpty else {
            let redactor = context.secrets.redactor
            let message = problems.count == 1 ? problems[0] : "\(problems[0]) (and \(problems.count - 1) more)"
            let details = problems.joined(separator: "\n") + "\n\n" + summary
            var report = outcome(
                .failed(Problem(message: redactor.redact(message), type: "PermissionMismatch", details: redactor.redact(details))),
                output: redactor.redact(summary))
            if let failingLine { (report.line, report.column) = (failingLine.line, failingLine.column) }
            return report
        }
        return outcome(.passed, output: context.secrets.redactor.redact(summary))
    }

    /// The permission blocks, each tied to the role assignment it came from where the identity's assignments and
    /// their role definitions tell (the permissions API itself does not say).
    static func grants(_ blocks: [PermissionBlock], _ assignments: [AssignedRole]) -> [RBACEvaluator.Entry] {
        var unused = assignments
        return blocks.enumerated().map { index, block in
            if let match = unused.firstIndex(where: { $0.permissions.contains(block) }) {
                let assigned = unused.remove(at: match)
                return .init(block, source: .init(role: assigned.roleName, assignment: assigned.scope, condition: assigned.condition))
            }
            return .init(block, source: .init(index: index + 1))
        }
    }

    /// A line for the report and, when the entry does not hold, the problem.
    static func verdict(
        _ entry: PermissionCheckSpec.Entry, _ decision: RBACEvaluator.Decision, grants: [RBACEvaluator.Entry], at scope: ARMScope
    ) -> (String, String?) {
        let name = "'\(entry.pattern.text)'"
        if entry.pattern.isWildcard {
            // Only an allow list holds wildcards: a role must grant that very pattern.
            let granting = grants.first { grant in
                grant.block.grants(forData: entry.isData).granted.contains { $0.isSame(as: entry.pattern) }
            }
            if let granting { return ("  allowed: \(name) as written, by \(granting.source)", nil) }
            return (
                "  NOT granted as written: \(name)",
                "\(entry.location.line):\(entry.location.column): \(name) should be granted as written at \(scope), "
                    + "but no permission block grants that \(entry.kind) pattern"
            )
        }
        switch (decision, entry.mustBeAllowed) {
        case (.allowed(let pattern, let source), true):
            return ("  allowed: \(name) by \(source) through '\(pattern)'", nil)
        case (.allowed(let pattern, let source), false):
            return (
                "  ALLOWED: \(name) by \(source) through '\(pattern)'",
                "\(entry.location.line):\(entry.location.column): \(name) should be denied at \(scope), but it is allowed by "
                    + "\(source) through '\(pattern)'"
            )
        case (.allowedSubjectToCondition(let pattern, let source), true):
            return ("  allowed subject to a condition: \(name) by \(source) through '\(pattern)' (conditions are not evaluated)", nil)
        case (.allowedSubjectToCondition(let pattern, let source), false):
            return (
                "  ALLOWED subject to a condition: \(name) by \(source)",
                "\(entry.location.line):\(entry.location.column): \(name) should be denied at \(scope), but it is allowed subject to "
                    + "a condition by \(source) through '\(pattern)'; the permissions API cannot evaluate conditions, so azspec "
                    + "cannot prove it denied"
            )
        case (.deniedByAssignment(let pattern, let source), let allowed):
            let line = "  denied: \(name) by deny \(source) through '\(pattern)'"
            return allowed
                ? (
                    line,
                    "\(entry.location.line):\(entry.location.column): \(name) should be allowed at \(scope), but deny "
                        + "\(source) denies it through '\(pattern)'"
                ) : (line, nil)
        case (.notGranted, let allowed):
            let line = "  denied: \(name) (no permission block grants this \(entry.kind))"
            return allowed
                ? (
                    line,
                    "\(entry.location.line):\(entry.location.column): \(name) should be allowed at \(scope), but no permission "
                        + "block grants this \(entry.kind)\(Self.grantedSummary(grants, data: entry.isData))"
                ) : (line, nil)
        }
    }

    /// `exactly`: every pattern a block grants must be in the allow lists (as written, or as the action itself).
    static func drift(_ spec: PermissionCheckSpec, grants: [RBACEvaluator.Entry], at scope: ARMScope) -> [String] {
        var problems: [String] = []
        for data in [false, true] {
            let allowed = spec.entries.filter { $0.mustBeAllowed && $0.isData == data }.map(\.pattern)
            var reported: Set<ActionPattern> = []
            for grant in grants {
                for pattern in grant.block.grants(forData: data).granted
                where !allowed.contains(where: { $0.isSame(as: pattern) }) && reported.insert(pattern).inserted {
                    problems.append(
                        "exactly: '\(pattern)' is granted at \(scope) by \(grant.source) beyond the allow list"
                            + (data ? " (dataActions)" : ""))
                }
            }
        }
        return problems
    }

    private static func grantedSummary(_ grants: [RBACEvaluator.Entry], data: Bool) -> String {
        let patterns = grants.flatMap { $0.block.grants(forData: data).granted.map(\.text) }
        return patterns.isEmpty ? " (none is granted at all)" : " (granted: \(patterns.prefix(12).joined(separator: ", ")))"
    }
}
