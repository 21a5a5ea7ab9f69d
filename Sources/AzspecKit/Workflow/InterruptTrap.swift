import AzspecCore
import Foundation

/// Catches SIGINT and SIGTERM while a run goes on. With `gracefully` set, the first signal calls `gracefully` (the
/// run then finishes its tests under way and its cleanups) and the second stops at once; otherwise the first does:
/// `handler` writes the report and the process exits 130.
///
/// The signal sources are made once per process and never cancelled (libdispatch blocks a signal for its sources,
/// and one cancelled and made again can miss it); each trap is the current one from its creation to `cancel()`, and
/// with none current a signal ends the process as its default action would (128 + the signal's number).
public final class InterruptTrap: Sendable {
    private let id: Int

    public init(gracefully: (@Sendable (String) -> Void)? = nil, handler: @escaping @Sendable (String) -> Void) {
        id = SignalRouter.shared.push(gracefully: gracefully, handler: handler)
    }

    /// Stops being the current trap (the one before it, if any, is again).
    public func cancel() {
        SignalRouter.shared.remove(id)
    }
}

/// The process's SIGINT and SIGTERM sources, and the traps that take them (the latest first).
private final class SignalRouter: Sendable {
    static let shared = SignalRouter()

    struct Trap {
        let id: Int
        let gracefully: (@Sendable (String) -> Void)?
        let handler: @Sendable (String) -> Void
        var received = 0
    }

    private let traps = LockedBox<(next: Int, stack: [Trap])>((0, []))
    // DispatchSource is thread-safe; the sources live as long as the process.
    private nonisolated(unsafe) var sources: [any DispatchSourceSignal] = []

    private init() {
        let queue = DispatchQueue(label: "azspec.signals")
        sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                // Signals that arrive before the handler runs are coalesced: `data` says how many there were.
                self?.deliver(name, number: number, count: max(1, Int(source.data)))
            }
            source.resume()
            return source
        }
    }

    func push(gracefully: (@Sendable (String) -> Void)?, handler: @escaping @Sendable (String) -> Void) -> Int {
        traps.withLock { traps in
            traps.next += 1
            traps.stack.append(Trap(id: traps.next, gracefully: gracefully, handler: handler))
            return traps.next
        }
    }

    func remove(_ id: Int) {
        traps.withLock { traps in traps.stack.removeAll { $0.id == id } }
    }

    private func deliver(_ name: String, number: Int32, count: Int) {
        let current: Trap? = traps.withLock { traps in
            guard !traps.stack.isEmpty else { return nil }
            traps.stack[traps.stack.count - 1].received += count
            return traps.stack.last
        }
        guard let current else { exit(128 + number) }
        if let gracefully = current.gracefully, current.received == 1 {
            gracefully(name)
            return
        }
        current.handler(name)
        exit(ExitStatus.interrupted.rawValue)
    }
}
