/// Turns arbitrary text into text that an XML 1.0 parser accepts and a CI system can display.
///
/// Two steps, always in this order:
/// 1. ``sanitized(_:)`` removes terminal colouring and makes forbidden characters visible:
///    - ANSI escape sequences are dropped: CSI (`ESC [` parameter bytes, intermediate bytes, final byte),
///      OSC (`ESC ]` … `BEL` or `ESC \`) and any other, lone `ESC`.
///    - Every other character XML 1.0 forbids anywhere (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
///      U+FFFE, U+FFFF) becomes the six visible characters `\uXXXX` (NUL → `\u0000`, U+FFFF → `\uFFFF`).
///      They cannot be written as character references (`&#0;` is just as illegal), and one of them makes
///      Jenkins and Azure DevOps reject the whole file.
/// 2. ``escapedText(_:)`` / ``escapedAttribute(_:)`` write `&`, `<`, `>`, `"` as entity references. Attribute
///    values also get newline, tab and carriage return as `&#10;`, `&#9;`, `&#13;` (a parser would otherwise turn
///    them into spaces); text keeps newlines and tabs but writes carriage return as `&#13;` so it survives.
///
/// No CDATA is used, so `]]>` needs no special treatment: its `>` is escaped like any other.
/// Work is done on Unicode scalars, not `Character`s, because `"\r\n"` is a single `Character`.
enum XMLEscaping {

    /// The text without ANSI escape sequences and with every character XML 1.0 forbids replaced by `\uXXXX`.
    static func sanitized(_ text: String) -> String {
        // Nearly every string is clean already: one pass over the bytes says so without building anything.
        // (Bytes below 0x20 stand for themselves in UTF-8; U+FFFE and U+FFFF are EF BF BE / EF BF BF.)
        if !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }) {
            return text
        }
        return ANSISequence.cleaned(text, foldingCarriageReturns: false, allowed: isAllowedInXML)
    }

    /// Sanitized text, escaped for use between tags.
    static func escapedText(_ text: String) -> String {
        escaped(sanitized(text), inAttribute: false)
    }

    /// Sanitized text, escaped for use inside a double-quoted attribute value.
    static func escapedAttribute(_ text: String) -> String {
        escaped(sanitized(text), inAttribute: true)
    }

    /// Whether XML 1.0 allows the character anywhere in a document (`Char` production, minus surrogates,
    /// which a Swift `String` cannot hold).
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    private static func escaped(_ text: String, inAttribute: Bool) -> String {
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
                || $0 == 0x0D || (inAttribute && ($0 == 0x0A || $0 == 0x09))
        }
        if !text.utf8.contains(where: special) { return text }
        // Byte by byte: every character escaped here is ASCII, and UTF-8 never uses an ASCII byte inside another
        // character, so the bytes between them are copied as they are.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for byte in text.utf8 {
            guard special(byte) else {
                result.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            case 0x0D: result.append(contentsOf: "&#13;".utf8)
            case 0x0A: result.append(contentsOf: "&#10;".utf8)
            default: result.append(contentsOf: "&#9;".utf8)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
