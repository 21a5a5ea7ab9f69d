import AzspecCore
import Foundation

/// The tests that failed or errored in an earlier run's JSON report, for `run --rerun-failed`. The report is read
/// as any input: bounded, and only its names and outcomes are taken (never as code, paths to open or requests).
public struct FailedTests: Sendable {
    /// `suite file` → test names (a repetition's name too, `read [rg-a]`).
    public let byFile: [String: Set<String>]
    /// `file › test`, in report order, for saying what was chosen.
    public let names: [String]

    /// The report's size cap.
    static let kind = InputFile.Kind(name: "JSON report", limit: 64 << 20)

    /// Reads `path`; throws a message when it is missing, too large, not JSON or not an azspec report.
    public init(report path: String) throws(FailedTestsError) {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, as: Self.kind)
        } catch {
            throw FailedTestsError("--rerun-failed: \(error) (run once with --report json to write it)")
        }
        guard let report = try? JSONValue(parsing: InputFile.withoutByteOrderMark(bytes)),
            report["format"]?.stringValue == "azspec-report", let suites = report["suites"]?.arrayValue
        else {
            throw FailedTestsError("--rerun-failed: \(path) is not an azspec JSON report (--report json writes one)")
        }
        var byFile: [String: Set<String>] = [:]
        var names: [String] = []
        for suite in suites {
            guard let file = suite["file"]?.stringValue else { continue }
            for test in suite["tests"]?.arrayValue ?? [] {
                guard let name = test["name"]?.stringValue, ["failed", "errored"].contains(test["outcome"]?.stringValue ?? "") else {
                    continue
                }
                byFile[file, default: []].insert(name)
                names.append("\(file) › \(name)")
            }
        }
        self.byFile = byFile
        self.names = names
    }

    public init(byFile: [String: Set<String>]) {
        self.byFile = byFile
        names = byFile.sorted { $0.key < $1.key }.flatMap { file, tests in tests.sorted().map { "\(file) › \($0)" } }
    }

    /// Whether `test` of `suite` failed (a test repeated with forEach when one of its repetitions did).
    func contains(_ test: TestSpec, in suite: SuiteSpec) -> Bool {
        guard let tests = byFile[suite.file] else { return false }
        return tests.contains(test.name) || (test.forEach != nil && tests.contains { $0.hasPrefix(test.name + " [") })
    }
}

/// A report `--rerun-failed` cannot use.
public struct FailedTestsError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
