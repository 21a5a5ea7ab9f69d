import AzspecCore
import Foundation

/// `--report tap`: TAP version 14. Each spec file is a subtest (indented four spaces) with one test point per test;
/// failures carry a YAML diagnostic block (`message`, `severity`, `at`); skipped tests end in `# SKIP reason`.
/// Everything from the run is redacted before it is escaped.
public struct TAPWriter: Sendable {
    public var redactor: Redactor

    public init(redactor: Redactor = Redactor()) {
        self.redactor = redactor
    }

    public func render(_ report: RunReport) -> String {
        var lines = ["TAP version 14", "1..\(report.suites.count)"]
        for (number, suite) in report.suites.enumerated() {
            lines.append("# Subtest: \(line(suite.name))")
            lines.append("    1..\(suite.cases.count)")
            for (index, test) in suite.cases.enumerated() {
                lines += point(test, number: index + 1, file: suite.file).map { "    " + $0 }
            }
            let ok = suite.failures + suite.errors == 0
            lines.append("\(ok ? "ok" : "not ok") \(number + 1) - \(description(suite.name))")
        }
        if report.suites.isEmpty { lines.append("# no tests ran") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func point(_ test: CaseReport, number: Int, file: String) -> [String] {
        let name = description(test.name)
        switch test.outcome {
        case .passed:
            return ["ok \(number) - \(name)"]
        case .skipped(let reason):
            return ["ok \(number) - \(name) # SKIP \(line(reason))"]
        case .failed(let problem), .errored(let problem):
            return [
                "not ok \(number) - \(name)",
                "  ---",
                "  message: \(quoted(problem.message))",
                "  severity: \(test.outcome.isError ? "error" : "fail")",
                "  type: \(quoted(problem.type))",
                "  at:",
                "    file: \(quoted(file))",
                "    line: \(test.line)",
                "    column: \(test.column)",
                "  details: \(quoted(problem.details))",
                "  ...",
            ]
        }
    }

    /// A test point's description: one line, `#` and `\` escaped (TAP 14 reads `#` as the start of a directive).
    private func description(_ text: String) -> String {
        line(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "#", with: "\\#")
    }

    private func line(_ text: String) -> String {
        TerminalText.visible(redactor.redact(text), keepingColours: false).replacingOccurrences(of: "\n", with: " ")
    }

    /// A YAML double-quoted scalar (a JSON string is one).
    private func quoted(_ text: String) -> String {
        JSONValue.string(TerminalText.visible(redactor.redact(text), keepingColours: false)).serialized
    }
}
