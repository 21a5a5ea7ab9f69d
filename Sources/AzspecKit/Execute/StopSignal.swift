import AzspecCore
import Synchronization

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
