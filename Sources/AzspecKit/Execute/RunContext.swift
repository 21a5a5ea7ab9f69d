import AzspecCore

/// Sends a prepared request and returns the whole response: the one thing the engine needs from HTTP.
/// ``HTTPTransport`` is the real one; tests of the run stages may give a stand-in that needs no socket.
protocol HTTPSending: Sendable {
    func send(_ request: PreparedRequest) async throws(TransportError) -> HTTPResponse
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
    /// Set by the first SIGINT/SIGTERM: no new test starts but those marked `always` (cleanups).
    var stop = StopSignal()
}

/// The first interrupt: a flag every suite reads between tests.
final class StopSignal: Sendable {
    private let reason = LockedBox<String?>(nil)

    func raise(_ why: String) {
        reason.withLock { if $0 == nil { $0 = why } }
    }

    var raised: String? { reason.withLock { $0 } }
}
