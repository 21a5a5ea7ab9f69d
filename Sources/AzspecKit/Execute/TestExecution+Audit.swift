import AzspecCore

/// A permission check of another principal (`principal:`): the test's identity audits it from the assignment lists
/// (``PrincipalAccess``), and the shared RBAC evaluator decides every entry, naming the path (group, role,
/// assignment scope) behind each verdict. Only reads are sent.
extension TestExecution {
    func audit(
        _ spec: PermissionCheckSpec, principal object: GraphReader.Object, groups: [GraphReader.Object], at target: ARMScope,
        reader: ARMReader
    ) async -> CaseReport {
        let principal = object.description
        let access: PrincipalAccess
        switch await PrincipalAccess.read(object.id, groups: groups, at: target, reader: reader, eligibility: spec.eligible != .ignored) {
        case .failure(.unreadable(let message)):
            // Never "none": what could not be read fails the check.
            return errored(message, type: "PermissionCheckError", details: message)
        case .success(let read): access = read
        }
        let held = access.active + (spec.eligible == .allowed ? access.eligible : [])
        let evaluator = RBACEvaluator(grants: held, denies: access.denies)
        let activating = RBACEvaluator(grants: access.active + access.eligible, denies: access.denies)
        var problems: [String] = []
        var lines: [String] = []
        var failingLine: SourceLocation?
        func fail(_ problem: String, at location: SourceLocation) {
            problems.append(problem)
            failingLine = failingLine ?? location
        }
        if spec.none {
            for entry in access.active + (spec.eligible == .ignored ? [] : access.eligible) {
                fail("none: \(principal) holds \(entry.source) at \(target)", at: spec.location)
            }
        }
        for entry in spec.entries {
            let decision = evaluator.decide(entry.action)
            let at = "\(entry.location.line):\(entry.location.column)"
            let name = "'\(entry.pattern.text)'"
            if !access.uncertainDenies.isEmpty,
                RBACEvaluator(grants: held, denies: access.denies + access.uncertainDenies).decide(entry.action).isAllowed
                    != decision.isAllowed
            {
                lines.append("  UNDECIDED: \(name) (a deny assignment that may apply, see above)")
                fail(
                    "\(at): \(name) at \(target) depends on a deny assignment that azspec cannot weigh for \(principal); "
                        + "azspec does not guess",
                    at: entry.location)
                continue
            }
            if spec.eligible == .separate, !decision.isAllowed, !entry.pattern.isWildcard,
                let (pattern, source) = Self.granting(activating.decide(entry.action))
            {
                if !access.uncertainDenies.isEmpty,
                    !RBACEvaluator(grants: activating.grants, denies: access.denies + access.uncertainDenies).decide(entry.action)
                        .isAllowed
                {
                    lines.append("  UNDECIDED: \(name) (only an eligible role grants it, and a deny assignment may take it away)")
                    fail(
                        "\(at): \(name) at \(target): only an eligible role grants it (\(source)), and a deny assignment that "
                            + "may apply to \(principal) would take it away; azspec does not guess",
                        at: entry.location)
                    continue
                }
                lines.append("  ELIGIBLE: \(name) by \(source) through '\(pattern)' (once activated)")
                fail(
                    entry.mustBeAllowed
                        ? "\(at): \(name) should be allowed at \(target), but only an eligible role grants it (\(source)); "
                            + "it is not held until activated (eligible: allowed counts it)"
                        : "\(at): \(name) should be denied at \(target), but \(principal) can activate \(source), "
                            + "which grants it through '\(pattern)'",
                    at: entry.location)
                continue
            }
            let (line, problem) = Self.verdict(entry, decision, grants: evaluator.grants, at: target)
            lines.append(line)
            if let problem { fail(problem, at: entry.location) }
        }
        if spec.exactly {
            // An eligible role's grants are drift too, unless the check ignores eligibility.
            problems += Self.drift(spec, grants: access.active + (spec.eligible == .ignored ? [] : access.eligible), at: target)
        }
        let header =
            "audit of \(principal) (\(object.id)) at \(target) (\(Plural.count(access.active.count + access.eligible.count, "permission block")) "
            + "from its assignments; \(Plural.count(groups.count, "group")) in Microsoft Graph):"
        let summary = ([header] + access.lines + lines).joined(separator: "\n")
        return finish(problems: problems, summary: summary, failingLine: failingLine)
    }

    /// The pattern and source that grant, when `decision` allows (with or without a condition).
    static func granting(_ decision: RBACEvaluator.Decision) -> (ActionPattern, RBACEvaluator.Source)? {
        switch decision {
        case .allowed(let pattern, let source), .allowedSubjectToCondition(let pattern, let source): (pattern, source)
        case .deniedByAssignment, .notGranted: nil
        }
    }
}
