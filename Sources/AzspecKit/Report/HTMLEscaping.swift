/// Turns arbitrary text into text that can stand between HTML tags or inside a quoted attribute value.
///
/// Two steps, in this order, with redaction and cutting in between (see ``HTMLReportWriter``):
/// 1. ``sanitized(_:)`` removes terminal colouring and makes invisible trouble visible:
///    - ANSI escape sequences are dropped: CSI (`ESC [` parameter bytes, intermediate bytes, final byte),
///      OSC (`ESC ]` … `BEL` or `ESC \`) and any other, lone `ESC`.
///    - `\r\n` becomes `\n`, a lone `\r` becomes `\n`; newline and tab stay.
///    - Every other C0 control, DEL, every C1 control, U+FFFE, U+FFFF and the bidirectional overrides and isolates
///      (U+202A–U+202E, U+2066–U+2069, which can make a name read backwards) become the six visible characters
///      `\uXXXX`.
/// 2. ``escaped(_:)`` writes `&`, `<`, `>`, `"` and `'` as character references, so that the result is safe in text
///    and in single- or double-quoted attribute values alike.
///
/// Work is done on Unicode scalars, not `Character`s, because `"\r\n"` is a single `Character`.
enum HTMLEscaping {

    /// Sanitized and escaped: for text that needs neither redaction nor cutting.
    static func text(_ text: String) -> String {
        escaped(sanitized(text))
    }

    /// The text without ANSI escape sequences or carriage returns, and with every other control character replaced
    /// by `\uXXXX`.
    static func sanitized(_ text: String) -> String {
        // Nearly every string is clean already: one pass over the bytes says so without building anything.
        // Bytes below 0x20 and 0x7F stand for themselves in UTF-8; C1 controls start with 0xC2, the bidirectional
        // controls with 0xE2, U+FFFE and U+FFFF with 0xEF. Text with any of those goes through the scalars.
        let suspicious: (UInt8) -> Bool = {
            ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF
        }
        if !text.utf8.contains(where: suspicious) { return text }
        return ANSISequence.cleaned(text, foldingCarriageReturns: true) { !isTroublesome($0) }
    }

    /// `&`, `<`, `>`, `"` and `'` as `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`; everything else as it was.
    static func escaped(_ text: String) -> String {
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
                || $0 == UInt8(ascii: "'")
        }
        if !text.utf8.contains(where: special) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether the scalar must not reach the page as it is (newline and tab may; carriage return and ESC are
    /// handled before this is asked).
    static func isTroublesome(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        case 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
