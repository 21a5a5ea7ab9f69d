extension StringProtocol {
    /// Equal when ASCII letters are compared without regard to case (header names, RFC 9110 §5.1; URL schemes and
    /// query names), byte by byte: no Unicode case folding and no `NSString` on a per-request path.
    @inlinable public func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        utf8.elementsEqual(other.utf8) { Self.foldsEqual($0, $1) }
    }

    /// The first occurrence of `needle`, ASCII letters compared without regard to case.
    @inlinable public func rangeIgnoringASCIICase(of needle: some StringProtocol) -> Range<Index>? {
        let bytes = utf8
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return startIndex..<startIndex }
        var start = bytes.startIndex
        while start != bytes.endIndex {
            if Self.foldsEqual(bytes[start], first) {
                var position = start
                var matched = 0
                while matched < pattern.count, position != bytes.endIndex, Self.foldsEqual(bytes[position], pattern[matched]) {
                    matched += 1
                    position = bytes.index(after: position)
                }
                if matched == pattern.count { return start..<position }
            }
            start = bytes.index(after: start)
        }
        return nil
    }

    /// Whether `needle` occurs, ASCII letters compared without regard to case.
    @inlinable public func containsIgnoringASCIICase(_ needle: some StringProtocol) -> Bool {
        rangeIgnoringASCIICase(of: needle) != nil
    }

    @inlinable static func foldsEqual(_ a: UInt8, _ b: UInt8) -> Bool {
        // Letters differ only in the 0x20 bit between cases; anything else must match exactly.
        a == b || (a | 0x20 == b | 0x20 && (0x61...0x7A).contains(a | 0x20))
    }
}
