import AzspecCore
import Foundation

/// Failures as the CI systems' own log commands, so that they show on the pull request and in the run's summary:
/// GitHub Actions' `::error file=…,line=…,col=…,title=…::message` and Azure Pipelines'
/// `##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…]message`. One line per failing or
/// errored test and per spec diagnostic. Text is redacted first, then escaped for the command.
public struct CIAnnotations: Sendable {
    public enum System: Sendable {
        case github
        case azurePipelines
    }

    public let system: System
    public var redactor: Redactor

    public init(_ system: System, redactor: Redactor = Redactor()) {
        self.system = system
        self.redactor = redactor
    }

    /// The log commands for the run, in report order.
    public func lines(for report: RunReport) -> [String] {
        var lines: [String] = []
        for diagnostic in report.diagnostics where diagnostic.severity != .note {
            lines.append(
                annotation(
                    error: diagnostic.severity == .error, file: diagnostic.location.file, line: diagnostic.location.line,
                    column: diagnostic.location.column, title: diagnostic.severity == .error ? "spec error" : "spec warning",
                    message: diagnostic.message))
        }
        for suite in report.suites {
            for test in suite.cases {
                guard let problem = test.outcome.problem else { continue }
                // An invalid spec's case repeats its diagnostics, which are annotated already.
                if problem.type == "InvalidSpec", !report.diagnostics.isEmpty { continue }
                lines.append(
                    annotation(
                        error: true, file: suite.file, line: test.line, column: test.column, title: "\(suite.name) › \(test.name)",
                        message: problem.message))
            }
        }
        if system == .azurePipelines, report.failures + report.errors > 0 || report.tests == 0 {
            let failed = report.failures + report.errors
            lines.append("##vso[task.complete result=Failed;]azspec: \(failed) of \(report.tests) tests failed")
        }
        return lines
    }

    private func annotation(error: Bool, file: String, line: Int, column: Int, title: String, message: String) -> String {
        let file = redactor.redact(file)
        let title = redactor.redact(title)
        let message = redactor.redact(message)
        switch system {
        case .github:
            var properties: [String] = []
            if !file.isEmpty { properties.append("file=\(Self.githubProperty(file))") }
            if line > 0 { properties.append("line=\(line)") }
            if column > 0 { properties.append("col=\(column)") }
            properties.append("title=\(Self.githubProperty(title))")
            return "::\(error ? "error" : "warning") \(properties.joined(separator: ","))::\(Self.githubData(message))"
        case .azurePipelines:
            var properties = ["type=\(error ? "error" : "warning")"]
            if !file.isEmpty { properties.append("sourcepath=\(Self.azureProperty(file))") }
            if line > 0 { properties.append("linenumber=\(line)") }
            if column > 0 { properties.append("columnnumber=\(column)") }
            properties.append("code=\(Self.azureProperty(title))")
            return "##vso[task.logissue \(properties.joined(separator: ";"))]\(Self.azureData(message))"
        }
    }

    /// The escaping of `@actions/core`'s `escapeData`.
    static func githubData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// `escapeProperty`: the data escaping plus `:` and `,`.
    static func githubProperty(_ text: String) -> String {
        githubData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// The escaping of `azure-pipelines-task-lib`'s `escapedata`.
    static func azureData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%AZP25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// `escape` for properties: the data escaping plus `;` and `]`.
    static func azureProperty(_ text: String) -> String {
        azureData(text).replacingOccurrences(of: ";", with: "%3B").replacingOccurrences(of: "]", with: "%5D")
    }
}
