import Foundation

/// Catches SIGINT and SIGTERM while a run goes on: calls `handler` (which writes the report) and exits 130.
// The sources are immutable after init and DispatchSource is thread-safe.
public final class InterruptTrap: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    public init(handler: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "azspec.signals")
        sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
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
