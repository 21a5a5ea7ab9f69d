/// A JSONPath query that is not well-formed or not valid (RFC 9535 §2.1).
///
/// `offset` is the 0-based `Character` offset into the query text where the
/// problem was found.
public struct JSONPathSyntaxError: Error, Sendable, CustomStringConvertible {
    /// 0-based Character offset into the query.
    public var offset: Int
    /// What went wrong, e.g. `expected ']'`.
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// For example `at offset 7: expected ']'`.
    public var description: String {
        "at offset \(offset): \(message)"
    }
}
