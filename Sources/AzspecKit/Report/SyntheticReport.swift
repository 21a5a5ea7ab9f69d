import AzspecCore
import Foundation

/// The reports and suites azspec makes up when there is no test to report: each holds one case that says what
/// happened, so that a CI system reading the report shows it (an empty report is ignored by Jenkins and refused by
/// Azure DevOps). The one place they are built.
enum SyntheticReport {
    /// A suite of one case.
    static func suite(
        _ name: String, file: String, case caseName: String, line: Int, _ outcome: CaseOutcome, at date: Date
    ) -> SuiteReport {
        SuiteReport(
            name: name, file: file, timestamp: date, duration: 0,
            cases: [CaseReport(name: caseName, line: line, duration: 0, outcome: outcome)])
    }

    /// No test case at all: one suite `azspec` with an errored case `no specs found` (see
    /// ``RunReport/withPlaceholderWhenEmpty()``).
    static func noSpecs(at date: Date) -> SuiteReport {
        let problem = Problem(
            message: "no specs found", type: "NoSpecsFound",
            details: "azspec ran no tests: no spec file was given, or the given spec files contain no tests.")
        return suite("azspec", file: "", case: "no specs found", line: 0, .errored(problem), at: date)
    }

    /// A shard that no file fell to (more shards than files): one skipped case saying so, which passes.
    static func emptyShard(_ shard: Shard, files: Int, at date: Date) -> RunReport {
        let reason = "no spec file fell to shard \(shard) (\(Plural.count(files, "file")) in \(shard.count) shards)"
        let suite = suite("azspec shard \(shard)", file: "", case: "shard \(shard)", line: 0, .skipped(reason: reason), at: date)
        return RunReport(suites: [suite], startedAt: date, duration: 0)
    }

    /// A command line that is wrong, or a selection that matches nothing: nothing ran, and the case says why.
    static func usageError(_ message: String, caseName: String = "command line is valid") -> RunReport {
        let now = Date()
        let problem = Problem(
            message: message.split(separator: "\n").first.map(String.init) ?? message, type: "UsageError", details: message)
        return RunReport(
            suites: [suite("azspec", file: "azspec", case: caseName, line: 1, .errored(problem), at: now)], startedAt: now,
            duration: 0)
    }

    /// A spec file that is invalid: one errored case carrying its diagnostics.
    static func invalidSuite(name: String, file: String, diagnostics: [Diagnostic], at date: Date) -> SuiteReport {
        let text = diagnostics.map(\.description).joined(separator: "\n")
        let first = diagnostics.first?.description ?? "invalid spec"
        let problem = Problem(
            message: diagnostics.count > 1 ? "\(first) (and \(diagnostics.count - 1) more)" : first, type: "InvalidSpec", details: text)
        let line = diagnostics.first?.location.line ?? 1
        return suite(name, file: file, case: "spec file is valid", line: line, .errored(problem), at: date)
    }
}
