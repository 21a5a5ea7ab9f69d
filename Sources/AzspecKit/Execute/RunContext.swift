import AzspecCore
import Synchronization

/// Sends a prepared request and returns the whole response: the one thing the engine needs from HTTP.
/// ``HTTPTransport`` is the real one; tests of the run stages may give a stand-in that needs no socket.
protocol HTTPSending: Sendable {
    func send(_ request: PreparedRequest) async throws(TransportError) -> HTTPResponse
    /// Executors for the suites' tasks, dealt round-robin (empty: Swift's global pool).
    var suiteExecutors: [EventLoopExecutor] { get }
}

extension HTTPSending {
    var suiteExecutors: [EventLoopExecutor] { [] }
}

/// What every suite and test of one run shares: built once per run, passed down whole.
struct RunContext: Sendable {
    let configuration: RunConfiguration
    let transport: any HTTPSending
    let secrets: SecretStore
    let warnings: RunWarnings
    /// Tokens by identity and audience, shared by every suite.
    let tokens: TokenCache
    let verbose: Bool
    /// `{{run.…}}`: made once, the same for every suite.
    var run = RunValues()
    /// Set by the first SIGINT/SIGTERM or, with `--fail-fast`, the first failure: no new test starts but those marked
    /// `always` (cleanups).
    var stop = StopSignal()
    /// ARM's token buckets as the run sees them, shared by every suite.
    var limiters = RateLimiters()
    /// Spec lines shown under failures: each file read once per run, not once per failing test.
    var excerpts = SourceExcerpts()
    /// Role definitions and deny-assignment lists, read once per identity and URL by all the run's permission checks.
    var authorizationReads = AuthorizationReads()
}

/// The run's one ``DiagnosticRenderer``, behind a lock: a failure's assertion line with a caret under it.
final class SourceExcerpts: Sendable {
    private let renderer = Mutex(DiagnosticRenderer())

    func excerpt(at location: SourceLocation) -> String? {
        renderer.withLock { $0.excerpt(at: location) }
    }
}

/// The first interrupt or `--fail-fast` failure: a flag every suite reads between tests.
final class StopSignal: Sendable {
    private struct Stop {
        /// Why the tests not started are skipped.
        var reason: String
        var interrupted: Bool
    }

    private let state = LockedBox<Stop?>(nil)

    /// The first reason stands; an interrupt after a `--fail-fast` stop still counts as one.
    func raise(_ reason: String, interrupted: Bool) {
        state.withLock { stop in
            if stop == nil { stop = Stop(reason: reason, interrupted: interrupted) } else if interrupted { stop?.interrupted = true }
        }
    }

    /// The skip reason of the tests that do not start, once the run stops.
    var raised: String? { state.withLock { $0?.reason } }

    var interrupted: Bool { state.withLock { $0?.interrupted ?? false } }
}
