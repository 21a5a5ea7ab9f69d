import Synchronization

/// The run's secrets, learned as they appear (client secrets sent, tokens received), shared by every suite and
/// by the output sink. What counts as secret is ``SecretPolicy``'s to say.
public final class SecretStore: Sendable {
    private let state = Mutex(Redactor())

    /// The secrets of the run this task belongs to, for code that formats values far from the run's context
    /// (matcher messages cut a value to a readable length, and must redact it before they cut it).
    @TaskLocal public static var current: SecretStore?

    public init(_ secrets: some Sequence<String> = []) {
        state.withLock { redactor in for secret in secrets { redactor.add(secret) } }
    }

    public func add(_ secret: String) {
        state.withLock { $0.add(secret) }
    }

    /// A redactor that masks every secret known so far.
    public var redactor: Redactor { state.withLock { $0 } }
}
