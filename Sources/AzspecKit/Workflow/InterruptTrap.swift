import AzspecCore
import Foundation

/// Catches SIGINT and SIGTERM while a run goes on. With `gracefully` set, the first signal calls `gracefully` (the
/// run then finishes its tests under way and its cleanups) and the second stops at once; otherwise the first does:
/// `handler` writes the report and the process exits 130.
// The sources are immutable after init and DispatchSource is thread-safe.
public final class InterruptTrap: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    public init(gracefully: (@Sendable (String) -> Void)? = nil, handler: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "azspec.signals")
        let received = LockedBox(0)
        sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                // Signals that arrive before the handler runs are coalesced: `data` says how many there were.
                let arrived = max(1, Int(source.data))
                let count = received.withLock { count in
                    count += arrived
                    return count
                }
                if let gracefully, count == 1 {
                    gracefully(name)
                    return
                }
                handler(name)
                exit(ExitStatus.interrupted.rawValue)
            }
            source.resume()
            return source
        }
    }

    /// Stops catching the signals and restores their default action.
    public func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
