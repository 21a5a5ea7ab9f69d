import AzspecCore
import Foundation

/// `--report json`: the whole run as one JSON document, in the versioned shape that `azspec schema report` publishes
/// (`format: "azspec-report"`, `version: 1`). Every string from the run passes through the redactor before it is
/// escaped; numbers are azspec's own.
public struct JSONReportWriter: Sendable {
    /// The shape's version: a field removed or changed in meaning raises it; fields may be added within one.
    public static let version = 1

    public var redactor: Redactor

    public init(redactor: Redactor = Redactor()) {
        self.redactor = redactor
    }

    /// The document, pretty-printed, ending with a newline.
    public func render(_ report: RunReport) -> String {
        var members: [(String, JSONValue)] = [
            ("$schema", .string(ReportSchema.id)),
            ("format", "azspec-report"),
            ("version", .int(Self.version)),
            ("azspec", .string(AzspecVersion.current)),
        ]
        if let commit = AzspecVersion.commit { members.append(("azspecCommit", .string(commit))) }
        members += [
            ("startedAt", .string(Self.timestamp(report.startedAt))),
            ("duration", seconds(report.duration)),
            (
                "totals",
                totals(
                    tests: report.tests, passed: report.passed, failed: report.failures, errored: report.errors,
                    skipped: report.skipped, files: report.suites.count)
            ),
            ("diagnostics", .array(report.diagnostics.map(diagnostic))),
            ("suites", .array(report.suites.map(suite))),
        ]
        return JSONValue.object(JSONObject(members)).prettyPrinted() + "\n"
    }

    private func suite(_ suite: SuiteReport) -> JSONValue {
        .object(
            JSONObject([
                ("name", text(suite.name)),
                ("file", text(suite.file)),
                ("startedAt", .string(Self.timestamp(suite.timestamp))),
                ("duration", seconds(suite.duration)),
                (
                    "totals",
                    totals(
                        tests: suite.cases.count, passed: suite.passed, failed: suite.failures, errored: suite.errors,
                        skipped: suite.skipped, files: nil)
                ),
                ("tests", .array(suite.cases.map(test))),
            ]))
    }

    private func test(_ test: CaseReport) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", text(test.name)),
            ("line", .int(test.line)),
            ("column", .int(test.column)),
            ("outcome", .string(Self.outcome(test.outcome))),
            ("duration", seconds(test.duration)),
        ]
        switch test.outcome {
        case .passed: break
        case .skipped(let reason): members.append(("reason", text(reason)))
        case .failed(let problem), .errored(let problem):
            members.append(
                (
                    "problem",
                    .object(
                        JSONObject([("type", text(problem.type)), ("message", text(problem.message)), ("details", text(problem.details))]))
                ))
        }
        members.append(("requests", .array(test.requests.map(request))))
        members.append(("output", test.output.map(text) ?? .null))
        return .object(JSONObject(members))
    }

    private func request(_ request: RequestRecord) -> JSONValue {
        .object(
            JSONObject([
                ("method", text(request.method)),
                ("url", text(request.url)),
                ("status", request.status.map { JSONValue.int($0) } ?? .null),
                ("duration", seconds(request.duration)),
                ("attempt", .int(request.attempt)),
            ]))
    }

    private func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object(
            JSONObject([
                ("severity", .string(diagnostic.severity.rawValue)),
                ("file", text(diagnostic.location.file)),
                ("line", .int(diagnostic.location.line)),
                ("column", .int(diagnostic.location.column)),
                ("message", text(diagnostic.message)),
            ]))
    }

    private func totals(tests: Int, passed: Int, failed: Int, errored: Int, skipped: Int, files: Int?) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("tests", .int(tests)), ("passed", .int(passed)), ("failed", .int(failed)), ("errored", .int(errored)),
            ("skipped", .int(skipped)),
        ]
        if let files { members.append(("files", .int(files))) }
        return .object(JSONObject(members))
    }

    private func text(_ value: String) -> JSONValue { .string(redactor.redact(value)) }

    /// Seconds, rounded to the microsecond (no float noise such as 0.30000000000000004).
    private func seconds(_ value: TimeInterval) -> JSONValue {
        .number(value.isFinite && value > 0 ? (value * 1_000_000).rounded() / 1_000_000 : 0)
    }

    static func outcome(_ outcome: CaseOutcome) -> String {
        switch outcome {
        case .passed: "passed"
        case .failed: "failed"
        case .errored: "errored"
        case .skipped: "skipped"
        }
    }

    /// ISO 8601 in UTC with milliseconds: `2026-12-04T17:37:16.123Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
