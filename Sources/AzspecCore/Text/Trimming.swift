extension StringProtocol {
    /// The text without leading and trailing whitespace (any Unicode white space, as `Character.isWhitespace`), in
    /// pure Swift: Foundation's `trimmingCharacters(in:)` bridges through `NSString`, too slow for a per-request path.
    public var trimmingWhitespace: String {
        var text = self[...]
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
