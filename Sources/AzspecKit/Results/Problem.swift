/// Why a test failed or errored: a one-line message, a type for CI systems and the full detail text.
public struct Problem: Sendable {
    /// One line, e.g. `status: expected 200, got 403`.
    public var message: String
    /// A short machine-readable kind, e.g. `AssertionFailure`, `ConnectionError`, `InvalidSpec`.
    public var type: String
    /// Multi-line detail: expected vs actual, request line, response status, request ids, body excerpt.
    public var details: String

    public init(message: String, type: String, details: String) {
        self.message = message
        self.type = type
        self.details = details
    }
}
