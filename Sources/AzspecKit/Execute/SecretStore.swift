import Synchronization

/// The run's secrets, learned as they appear (client secrets sent, tokens received), shared by every suite.
public final class SecretStore: Sendable {
    private let state = Mutex(Redactor())

    public init(_ secrets: some Sequence<String> = []) {
        state.withLock { redactor in for secret in secrets { redactor.add(secret) } }
    }

    public func add(_ secret: String) {
        state.withLock { $0.add(secret) }
    }

    /// A redactor that masks every secret known so far.
    public var redactor: Redactor { state.withLock { $0 } }

    /// Environment variables whose names say they hold a credential.
    public static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["SECRET", "PASSWORD", "TOKEN", "CREDENTIAL", "KEY", "ASSERTION", "IDENTITY_HEADER"].contains { upper.contains($0) }
    }
}
