import AzspecCore
import Foundation

/// The report kinds `--report` takes, and where each goes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case junit
    case json
    case html
    case tap
    /// GitHub Actions: `::error` annotations on standard output and a Markdown table in `$GITHUB_STEP_SUMMARY`.
    case github
    /// Azure Pipelines: `##vso[task.logissue]` lines and `##vso[task.complete result=Failed]` on standard output.
    case azurePipelines = "azure-pipelines"

    /// Where the JUnit report goes unless `--junit` says otherwise.
    public static let defaultJUnitPath = "reports/junit.xml"

    /// Where a file report goes when `--report` names no path.
    var defaultPath: String? {
        switch self {
        case .junit: Self.defaultJUnitPath
        case .json: "reports/azspec.json"
        case .html: "reports/azspec.html"
        case .tap: "reports/azspec.tap"
        case .github, .azurePipelines: nil
        }
    }
}

/// One `--report KIND[=PATH]`.
public struct ReportTarget: Sendable, Equatable {
    public let format: ReportFormat
    /// For file reports, the file (`-` for standard output, TAP only); for `github`, the step summary file.
    public let path: String?

    public init(format: ReportFormat, path: String? = nil) {
        self.format = format
        self.path = path
    }

    /// Parses `json`, `json=out/run.json`; throws a message naming the kinds.
    public init(parsing text: String) throws(ReportTargetError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0]).lowercased()
        guard let format = ReportFormat(rawValue: name) else {
            let names = ReportFormat.allCases.map(\.rawValue)
            throw ReportTargetError(
                "--report '\(text)': unknown report kind '\(parts[0])'\(Suggestion.hint(for: name, in: names)); "
                    + "use \(names.joined(separator: ", ")), each optionally =PATH")
        }
        var path = parts.count > 1 ? String(parts[1]) : nil
        if path?.isEmpty == true { path = nil }
        if format == .azurePipelines, path != nil {
            throw ReportTargetError("--report '\(text)': azure-pipelines writes to standard output; it takes no path")
        }
        if path == "-", format != .tap {
            throw ReportTargetError("--report '\(text)': only tap can go to standard output (-)")
        }
        self.init(format: format, path: path)
    }

    /// The file a file report is written to (nil for the CI formats and for standard output).
    var file: String? {
        guard let defaultPath = format.defaultPath else { return nil }
        let path = path ?? defaultPath
        return path == "-" ? nil : path
    }
}

/// A `--report` value that cannot be used.
public struct ReportTargetError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
