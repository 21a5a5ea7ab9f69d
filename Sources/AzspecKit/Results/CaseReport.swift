public import Foundation

/// The result of one test in a suite.
public struct CaseReport: Sendable {
    public var name: String
    /// Line of the test in its spec file (1-based), 0 when unknown.
    public var line: Int
    /// Seconds the test took.
    public var duration: TimeInterval
    public var outcome: CaseOutcome
    /// Redacted transcript of the exchange (request line, status, ids), shown as the case's system-out.
    public var output: String?
    /// Column of what failed (the failing assertion's), 0 when unknown; with `line`, where annotations point.
    public var column = 0
    /// Every request the test sent (each attempt, page and poll), for the JSON and HTML reports.
    public var requests: [RequestRecord] = []

    public init(name: String, line: Int, duration: TimeInterval, outcome: CaseOutcome, output: String? = nil) {
        self.name = name
        self.line = line
        self.duration = duration
        self.outcome = outcome
        self.output = output
    }
}
