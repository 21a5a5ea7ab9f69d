/// One secret as the redactor looks for it: each of its characters may stand as itself or in any of the escaped
/// forms a serializer, an encoder or a formatter writes, mixed freely in one occurrence:
///
/// - percent-encoded UTF-8 (`%2F` or `%2f`, RFC 3986 and form encoding alike), and `+` for a space;
/// - JSON escapes: `\"`, `\\`, `\/` (PHP, older .NET), `\n` `\r` `\t` `\b` `\f`, and `\uXXXX` in either case, with
///   surrogate pairs for characters beyond the BMP (Python's `ensure_ascii`);
/// - Swift's escapes as `String(reflecting:)` and `debugDescription` print them: `\0`, `\'`, `\u{1B}`.
///
/// So `client_secret=a%2Fb`, `{"token":"a\/b"}` and `"a\u{2F}b"` are all the secret `a/b`, whichever encoder wrote
/// them, and no list of encoders needs to be complete. Escapes are decoded where the text has them and compared
/// with the secret's character; nothing is precomputed per form, so adding a secret costs one pass over it.
struct SecretPattern: Sendable {
    /// The secret's characters.
    private let scalars: [Unicode.Scalar]
    /// The secret's UTF-8, and where each character starts in it (one more entry for the end).
    private let literal: [UInt8]
    private let offsets: [Int]
    /// Every byte an occurrence may start with.
    let firstBytes: Set<UInt8>
    /// How many characters the secret has.
    var count: Int { scalars.count }

    init(_ secret: String) {
        scalars = Array(secret.unicodeScalars)
        literal = Array(secret.utf8)
        var offsets = [0]
        for scalar in scalars { offsets.append((offsets.last ?? 0) + String(scalar).utf8.count) }
        self.offsets = offsets
        var first: Set<UInt8> = [UInt8(ascii: "%"), UInt8(ascii: "\\")]
        if let byte = literal.first { first.insert(byte) }
        if scalars.first == " " { first.insert(UInt8(ascii: "+")) }
        firstBytes = first
    }

    /// The length in bytes of an occurrence of the whole secret starting at `start`, or nil.
    func match(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var position = start
        for index in scalars.indices {
            guard let length = characterLength(index, in: bytes, at: position, end: bytes.count) else { return nil }
            position += length
        }
        return position - start
    }

    /// How many characters of the secret stand from `start` up to exactly `end` (an occurrence cut at `end`, perhaps
    /// inside an escape), or 0.
    func prefixLength(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var position = start
        for index in scalars.indices {
            if position == end { return index }
            guard let length = characterLength(index, in: bytes, at: position, end: end) else {
                // Cut inside this character's escape (`%2` of `%2F`): what is left starts an escape.
                let isEscape = bytes[position] == UInt8(ascii: "%") || bytes[position] == UInt8(ascii: "\\")
                return isEscape && end - position < 12 ? index : 0
            }
            position += length
        }
        return position == end ? scalars.count : 0
    }

    /// The bytes character `index` of the secret takes at `position` (before `end`), raw or escaped; nil when it
    /// is not there.
    private func characterLength(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> Int? {
        guard position < end else { return nil }
        let from = offsets[index]
        let length = offsets[index + 1] - from
        let scalar = scalars[index]
        // A character that itself starts an escape (`%`, `\\`, `+`) may be escaped: try that reading first.
        if scalar == "%" || scalar == "\\" || scalar == "+", let escaped = escapedLength(index, in: bytes, at: position, end: end) {
            return escaped
        }
        if position + length <= end {
            var equal = true
            for offset in 0..<length where bytes[position + offset] != literal[from + offset] {
                equal = false
                break
            }
            if equal { return length }
        }
        return escapedLength(index, in: bytes, at: position, end: end)
    }

    /// The bytes character `index` takes at `position` when it is escaped there, or nil.
    private func escapedLength(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> Int? {
        let from = offsets[index]
        let length = offsets[index + 1] - from
        let scalar = scalars[index]
        switch bytes[position] {
        case UInt8(ascii: "+"):
            return scalar == " " ? 1 : nil
        case UInt8(ascii: "%"):
            // Each UTF-8 byte of the character as %XX, either case.
            var cursor = position
            for offset in 0..<length {
                guard cursor + 2 < end, bytes[cursor] == UInt8(ascii: "%"),
                    let high = Self.hexValue(bytes[cursor + 1]), let low = Self.hexValue(bytes[cursor + 2]),
                    high << 4 | low == UInt32(literal[from + offset])
                else { return nil }
                cursor += 3
            }
            return cursor - position
        case UInt8(ascii: "\\"):
            return escapeLength(of: scalar, in: bytes, at: position, end: end)
        default:
            return nil
        }
    }

    /// The length of a JSON or Swift escape at `position` that stands for `scalar`, or nil.
    private func escapeLength(of scalar: Unicode.Scalar, in bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> Int? {
        guard position + 1 < end else { return nil }
        let simple: Unicode.Scalar? =
            switch bytes[position + 1] {
            case UInt8(ascii: "\""): "\""
            case UInt8(ascii: "\\"): "\\"
            case UInt8(ascii: "/"): "/"
            case UInt8(ascii: "'"): "'"
            case UInt8(ascii: "n"): "\n"
            case UInt8(ascii: "r"): "\r"
            case UInt8(ascii: "t"): "\t"
            case UInt8(ascii: "b"): "\u{08}"
            case UInt8(ascii: "f"): "\u{0C}"
            case UInt8(ascii: "0"): "\0"
            default: nil
            }
        if let simple { return simple == scalar ? 2 : nil }
        guard bytes[position + 1] == UInt8(ascii: "u") else { return nil }
        if position + 2 < end, bytes[position + 2] == UInt8(ascii: "{") {
            // Swift: \u{1B}, one to eight hex digits.
            var cursor = position + 3
            var value: UInt32 = 0
            while cursor < end, cursor - position < 12, let digit = Self.hexValue(bytes[cursor]) {
                value = value << 4 | digit
                cursor += 1
            }
            guard cursor < end, cursor > position + 3, bytes[cursor] == UInt8(ascii: "}") else { return nil }
            return value == scalar.value ? cursor + 1 - position : nil
        }
        // JSON: \uXXXX, a surrogate pair for a character beyond the BMP.
        guard let unit = Self.hex4(bytes, at: position + 2, end: end) else { return nil }
        if (0xD800..<0xDC00).contains(unit) {
            guard position + 11 < end, bytes[position + 6] == UInt8(ascii: "\\"), bytes[position + 7] == UInt8(ascii: "u"),
                let low = Self.hex4(bytes, at: position + 8, end: end), (0xDC00..<0xE000).contains(low)
            else { return nil }
            let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            return value == scalar.value ? 12 : nil
        }
        return unit == scalar.value ? 6 : nil
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> UInt32? {
        guard position + 4 <= end else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = hexValue(bytes[position + offset]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
