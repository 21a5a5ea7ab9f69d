import AzspecCore
import Foundation

/// The Markdown that `--report github` appends to `$GITHUB_STEP_SUMMARY`: the totals, a table of the spec files and
/// the failures (at most 50, each message on one line), so that a run's result reads on its summary page.
public struct StepSummaryWriter: Sendable {
    public var redactor: Redactor
    static let failureLimit = 50

    public init(redactor: Redactor = Redactor()) {
        self.redactor = redactor
    }

    public func render(_ report: RunReport) -> String {
        let failed = report.failures + report.errors
        var lines = [
            "### azspec: \(failed == 0 && report.tests > 0 ? "✅" : "❌") \(Plural.count(report.passed, "test")) passed, \(failed) failed"
                + (report.skipped > 0 ? ", \(report.skipped) skipped" : ""),
            "",
            "| | spec file | suite | passed | failed | skipped | time |",
            "| --- | --- | --- | ---: | ---: | ---: | ---: |",
        ]
        for suite in report.suites {
            let bad = suite.failures + suite.errors
            lines.append(
                "| \(bad > 0 ? "❌" : "✅") | \(cell(suite.file)) | \(cell(suite.name)) | \(suite.passed) | \(bad) | \(suite.skipped) | "
                    + String(format: "%.2f s", suite.duration) + " |")
        }
        let failures = report.suites.flatMap { suite in suite.cases.compactMap { test in test.outcome.problem.map { (suite, test, $0) } } }
        if !failures.isEmpty {
            lines += ["", "#### Failures", ""]
            for (suite, test, problem) in failures.prefix(Self.failureLimit) {
                let place = test.line > 0 ? "\(suite.file):\(test.line)" : suite.file
                lines.append("- **\(cell(suite.name)) › \(cell(test.name))** (`\(code(place))`): \(cell(clip(problem.message)))")
            }
            if failures.count > Self.failureLimit { lines.append("- … and \(failures.count - Self.failureLimit) more (see the report)") }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// One table cell: redacted, on one line, with Markdown and HTML that would break the table made plain.
    private func cell(_ text: String) -> String {
        var result = ""
        for character in TerminalText.visible(redactor.redact(text), keepingColours: false) {
            switch character {
            case "\n", "\r": result += " "
            case "|": result += "\\|"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "*", "_", "`", "[", "]", "#", "\\": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    private func code(_ text: String) -> String {
        redactor.redact(text).replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }

    private func clip(_ text: String) -> String {
        text.count > 300 ? String(text.prefix(299)) + "…" : text
    }
}
