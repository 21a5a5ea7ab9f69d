extension String {
    /// The text without leading and trailing whitespace (any Unicode white space, as `Character.isWhitespace`), in
    /// pure Swift: Foundation's `trimmingCharacters(in:)` bridges through `NSString`, too slow for a per-request path.
    public var trimmingWhitespace: String {
        // Nearly always nothing to trim: an ASCII letter or digit at both ends says so without Unicode properties.
        if let first = utf8.first, let last = utf8.last, Self.isASCIIWord(first), Self.isASCIIWord(last) { return self }
        var text = self[...]
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    private static func isASCIIWord(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
