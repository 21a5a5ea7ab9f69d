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
