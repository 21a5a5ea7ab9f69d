import AzspecCore
import Synchronization

/// The run's one ``DiagnosticRenderer``, behind a lock: a failure's assertion line with a caret under it.
final class SourceExcerpts: Sendable {
    private let renderer = Mutex(DiagnosticRenderer())

    func excerpt(at location: SourceLocation) -> String? {
        renderer.withLock { $0.excerpt(at: location) }
    }
}
