import Synchronization

/// Warnings raised while a run goes on (e.g. plain http:// to a remote host), each kept once.
public final class RunWarnings: Sendable {
    private let state = Mutex<[String]>([])

    public init() {}

    public func add(_ warning: String) {
        state.withLock { warnings in if !warnings.contains(warning) { warnings.append(warning) } }
    }

    /// Every warning so far, in the order first raised.
    public var all: [String] { state.withLock { $0 } }
}
