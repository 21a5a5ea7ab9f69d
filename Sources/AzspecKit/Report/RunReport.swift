public import AzspecCore
public import Foundation

/// What a whole run produced: one suite report per spec file, in the order the files were given.
public struct RunReport: Sendable {
    public var suites: [SuiteReport]
    /// When the run started (UTC).
    public var startedAt: Date
    /// Wall-clock seconds for the whole run.
    public var duration: TimeInterval
    /// What loading and checking the specs found (warnings of a run that went ahead, errors of one that did not).
    public var diagnostics: [Diagnostic] = []

    public init(suites: [SuiteReport], startedAt: Date, duration: TimeInterval) {
        self.suites = suites
        self.startedAt = startedAt
        self.duration = duration
    }

    public var tests: Int { suites.reduce(0) { $0 + $1.cases.count } }
    public var passed: Int { suites.reduce(0) { $0 + $1.passed } }
    public var failures: Int { suites.reduce(0) { $0 + $1.failures } }
    public var errors: Int { suites.reduce(0) { $0 + $1.errors } }
    public var skipped: Int { suites.reduce(0) { $0 + $1.skipped } }
}

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

/// How a test ended. A failure is an assertion that did not hold; an error means the test could not run.
///
/// The problem cases are boxed (`indirect`): a run keeps every finished test's report, and a passed one then takes
/// a few bytes here rather than room for three strings.
public enum CaseOutcome: Sendable {
    case passed
    indirect case failed(Problem)
    indirect case errored(Problem)
    case skipped(reason: String)

    public var isPassed: Bool { if case .passed = self { true } else { false } }
    public var isFailure: Bool { if case .failed = self { true } else { false } }
    public var isError: Bool { if case .errored = self { true } else { false } }

    /// The failure or error, if any.
    public var problem: Problem? {
        switch self {
        case .failed(let problem), .errored(let problem): problem
        case .passed, .skipped: nil
        }
    }
    public var isSkipped: Bool { if case .skipped = self { true } else { false } }
}

/// Why a test failed or errored: a one-line message, a type for CI systems and the full detail text.
public struct Problem: Sendable {
    /// One line, e.g. `status: expected 200, got 403`.
    public var message: String
    /// A short machine-readable kind, e.g. `AssertionFailure`, `ConnectionError`, `InvalidSpec`.
    public var type: String
    /// Multi-line detail: expected vs actual, request line, response status, request ids, body excerpt.
    public var details: String

    public init(message: String, type: String, details: String) {
        self.message = message
        self.type = type
        self.details = details
    }
}

/// One HTTP request a test sent: each attempt, page and poll is one. The URL is as sent (reports redact it).
public struct RequestRecord: Sendable {
    public var method: String
    public var url: String
    /// Nil when no response came (a connection error or timeout).
    public var status: Int?
    /// Seconds from sending to the whole response.
    public var duration: TimeInterval
    /// 1-based; above 1 for a retry.
    public var attempt: Int

    public init(method: String, url: String, status: Int?, duration: TimeInterval, attempt: Int) {
        self.method = method
        self.url = url
        self.status = status
        self.duration = duration
        self.attempt = attempt
    }
}
