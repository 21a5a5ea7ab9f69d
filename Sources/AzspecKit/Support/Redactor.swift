import Foundation

/// Replaces every occurrence of known secret values with `***`.
///
/// Every piece of text that leaves azspec (console, `--verbose`, JUnit) passes through one redactor that holds
/// the run's secrets: client secrets from `env`, values captured from `access_token`, `Authorization` headers.
public struct Redactor: Sendable {
    /// The text that stands in for a secret.
    public static let mask = "***"
    /// Values shorter than this are not treated as secrets (they would mask ordinary words).
    public static let minimumLength = 4

    private var secrets: [String]

    public init(secrets: some Sequence<String> = []) {
        self.secrets = []
        for secret in secrets { add(secret) }
    }

    /// Remembers a secret value; later `redact` calls mask it.
    public mutating func add(_ secret: String) {
        guard secret.count >= Self.minimumLength, !secrets.contains(secret) else { return }
        secrets.append(secret)
        // Longest first so that a secret containing another is masked whole.
        secrets.sort { $0.count > $1.count }
    }

    public var isEmpty: Bool { secrets.isEmpty }

    /// The text with every known secret replaced by ``mask``.
    public func redact(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.mask)
        }
        return result
    }
}
