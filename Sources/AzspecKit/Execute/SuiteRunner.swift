import AzspecCore
import Foundation

/// Runs the tests of one suite in order, carrying variables and captures from test to test.
struct SuiteRunner: Sendable {
    let plan: SuitePlan
    let suiteIndex: Int
    let context: RunContext
    let progress: RunProgress
    let observer: (any RunObserver)?

    var suite: SuiteSpec { plan.suite }

    func run() async -> SuiteReport {
        let started = Date()
        let clock = ContinuousClock.now
        var scope = TemplateScope(values: [:], environment: context.configuration.environment, cloud: plan.cloud, run: context.run)
        // Names that a test which did not pass should have captured, and that test's name.
        var missing: [String: String] = [:]
        var variableError: String?
        for (name, template) in suite.variables {
            do {
                scope.values[name] = try template.resolve(in: scope)
                if template.references.contains(where: { $0.head == "env" && SecretPolicy.isSecretVariable(String($0.tail ?? "")) }),
                    let value = scope.values[name]?.stringValue
                {
                    context.secrets.add(value)
                }
            } catch {
                variableError = "\(error.reference.location): variable '\(name)': \(error)"
            }
        }
        let headerOrigins = plan.headerOrigins(in: scope)
        // Where each identity's token may go, worked out once per suite (by identity and audience).
        var routes: [String: [OriginPattern]] = [:]
        for test in suite.tests {
            let testStart = ContinuousClock.now
            var report: CaseReport
            if Task.isCancelled { break }
            if let why = context.stop.raised, !test.always {
                report = CaseReport(name: test.name, line: test.location.line, duration: 0, outcome: .skipped(reason: why))
            } else if let variableError {
                report = CaseReport(
                    name: test.name, line: test.location.line, duration: 0,
                    outcome: .errored(Problem(message: variableError, type: "InvalidSpec", details: variableError)))
            } else if let reason = test.skip {
                report = CaseReport(name: test.name, line: test.location.line, duration: 0, outcome: .skipped(reason: reason))
            } else if !missing.isEmpty, let needed = test.usedNames.sorted().first(where: { missing[$0] != nil }),
                let culprit = missing[needed]
            {
                report = CaseReport(
                    name: test.name, line: test.location.line, duration: 0,
                    outcome: .skipped(reason: "needs '\(needed)', captured by '\(culprit)', which did not pass"))
            } else if let forEach = test.forEach {
                let reports = await repeated(test, over: forEach, scope: &scope, routes: &routes, headerOrigins: headerOrigins)
                for repetition in reports.dropLast() {
                    progress.record(repetition, suite: suiteIndex)
                    observer?.caseFinished(repetition, suite: suite, suiteIndex: suiteIndex)
                }
                report = reports.last ?? CaseReport(name: test.name, line: test.location.line, duration: 0, outcome: .passed)
                if reports.dropLast().contains(where: { !$0.outcome.isPassed }) {
                    for capture in test.captures { missing[capture.name] = test.name }
                }
            } else {
                report = await execute(test, scope: &scope, routes: &routes, headerOrigins: headerOrigins)
                report.duration = (ContinuousClock.now - testStart).seconds
            }
            if !report.outcome.isPassed {
                for capture in test.captures { missing[capture.name] = test.name }
            }
            if context.configuration.failFast, report.outcome.problem != nil {
                context.stop.raise("not run: --fail-fast stopped the run after '\(suite.name) › \(test.name)' failed", interrupted: false)
            }
            progress.record(report, suite: suiteIndex)
            observer?.caseFinished(report, suite: suite, suiteIndex: suiteIndex)
        }
        return SuiteReport(
            name: suite.name, file: suite.file, timestamp: started, duration: (ContinuousClock.now - clock).seconds,
            cases: progress.cases(of: suiteIndex))
    }
}

extension SuiteRunner {
    /// One run of `test` in `scope` (its captures added to it).
    func execute(
        _ test: TestSpec, scope: inout TemplateScope, routes: inout [String: [OriginPattern]], headerOrigins: [OriginPattern]
    ) async -> CaseReport {
        var execution = TestExecution(test: test, context: context, credential: credential(for: test, routes: &routes))
        execution.retry = test.retry ?? plan.retry
        execution.defaults = plan.requestDefaults
        execution.headerOrigins = headerOrigins
        execution.identities = plan.identities
        execution.rateLimiter = context.limiters.limiter(for: plan.rateLimit)
        return await execution.run(capturingInto: &scope)
    }

    /// `test` once per item of its list, each in a scope of its own holding the item; a case each, named for its item.
    /// After them, each of the test's captures holds the array of what every repetition captured (null where one did
    /// not). A list that cannot be had is one errored case.
    func repeated(
        _ test: TestSpec, over forEach: ForEachSpec, scope: inout TemplateScope, routes: inout [String: [OriginPattern]],
        headerOrigins: [OriginPattern]
    ) async -> [CaseReport] {
        func errored(_ message: String) -> [CaseReport] {
            [
                CaseReport(
                    name: test.name, line: test.location.line, duration: 0,
                    outcome: .errored(Problem(message: message, type: "InvalidSpec", details: message)))
            ]
        }
        var items: [JSONValue] = []
        do {
            switch forEach.source {
            case .literal(let templates):
                items = try templates.map { template throws(TemplateError) in try template.resolve(in: scope) }
            case .reference(let template):
                guard case .array(let values) = try scope.value(of: template) else {
                    return errored("\(forEach.location): forEach: \(template.source) does not hold a list")
                }
                items = values
            }
        } catch {
            return errored("\(error.reference.location): forEach: \(error)")
        }
        guard items.count <= ForEachSpec.maximumItems else {
            return errored(
                "\(forEach.location): forEach: \(items.count) items, more than the \(ForEachSpec.maximumItems) a test may repeat over")
        }
        guard !items.isEmpty else {
            return [
                CaseReport(
                    name: test.name, line: test.location.line, duration: 0, outcome: .skipped(reason: "forEach: the list is empty"))
            ]
        }
        var reports: [CaseReport] = []
        var captured: [String: [JSONValue]] = [:]
        for item in items {
            if Task.isCancelled { break }
            var repetition = test
            var inner = scope
            inner.values[forEach.variable] = item
            repetition.name = Self.name(of: test, item: item, variable: forEach.variable, scope: inner)
            let started = ContinuousClock.now
            if let why = context.stop.raised, !test.always {
                reports.append(CaseReport(name: repetition.name, line: test.location.line, duration: 0, outcome: .skipped(reason: why)))
                continue
            }
            var report = await execute(repetition, scope: &inner, routes: &routes, headerOrigins: headerOrigins)
            report.duration = (ContinuousClock.now - started).seconds
            reports.append(report)
            for capture in test.captures { captured[capture.name, default: []].append(inner.values[capture.name] ?? .null) }
        }
        for (name, values) in captured { scope.values[name] = .array(values) }
        return reports
    }

    /// `name [item]` (an object's `name` member, or its JSON), or the name rendered when it uses the item
    /// (`read {{item}}`).
    static func name(of test: TestSpec, item: JSONValue, variable: String, scope: TemplateScope) -> String {
        if test.name.contains("{{") {
            var ignored = DiagnosticCollector()
            let template = Template.parse(test.name, at: test.location, diagnostics: &ignored)
            if template.references.contains(where: { $0.head == variable }), let rendered = try? scope.render(template) { return rendered }
        }
        return ForEachSpec.caseName(test.name, item: item)
    }

    /// The test's identity bound to the run's token cache, if it uses one; `routes` keeps each identity's origins.
    func credential(for test: TestSpec, routes: inout [String: [OriginPattern]]) -> TestExecution.Credential? {
        guard let identity = plan.identity(for: test) else { return nil }
        let cloud = plan.cloud(for: test, identity: identity)
        let key = "\(identity.location)#\(identity.name)|\(cloud.audience)"
        let origins = routes[key] ?? TokenRouting.patterns(of: identity, cloud: cloud)
        routes[key] = origins
        let acquirer = TokenAcquirer(
            identity: identity, environment: context.configuration.environment, cloud: cloud, transport: context.transport,
            secrets: context.secrets, timeout: context.configuration.defaultTimeout)
        return TestExecution.Credential(identity: identity, cloud: cloud, tokens: context.tokens, acquirer: acquirer, origins: origins)
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
