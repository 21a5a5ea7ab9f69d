public import Foundation

/// The result of one spec file (one suite).
public struct SuiteReport: Sendable {
    /// The suite's `name:` (or the file name when the file could not be read).
    public var name: String
    /// The spec file's path as given on the command line, relative where possible (e.g. `specs/token/v1.yaml`).
    public var file: String
    /// When the suite started (UTC).
    public var timestamp: Date
    /// Seconds the suite took.
    public var duration: TimeInterval
    public var cases: [CaseReport]

    public init(name: String, file: String, timestamp: Date, duration: TimeInterval, cases: [CaseReport]) {
        self.name = name
        self.file = file
        self.timestamp = timestamp
        self.duration = duration
        self.cases = cases
    }

    public var passed: Int { cases.filter { $0.outcome.isPassed }.count }
    public var failures: Int { cases.filter { $0.outcome.isFailure }.count }
    public var errors: Int { cases.filter { $0.outcome.isError }.count }
    public var skipped: Int { cases.filter { $0.outcome.isSkipped }.count }
}
