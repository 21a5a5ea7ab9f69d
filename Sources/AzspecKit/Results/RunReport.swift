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
