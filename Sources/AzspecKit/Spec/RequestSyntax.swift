/// What may stand in a URL, a header name and a header value. Checked when a spec is validated (the parts written
/// in the file) and again before sending (values known only at run time), so that a CR or LF can never forge a
/// header or a line in a report. Messages never repeat the value: it may be a secret.
package enum RequestSyntax {
    /// Why `url` cannot be sent: white space or a control character in it.
    static func urlProblem(_ url: String) -> String? {
        // Nearly every URL is clean: one pass over the bytes says so (C1 controls are C2 80–C2 9F in UTF-8).
        guard url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
        guard let bad = url.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) else {
            return nil
        }
        return "the URL contains \(name(of: bad)); percent-encode it (%\(hex(bad.value))) or use query:"
    }

    /// Why `name` cannot be a header name (RFC 9110 §5.1: a token of visible ASCII without separators).
    package static func headerNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "a header name cannot be empty" }
        let separators = Set("()<>@,;:\\\"/[]?={}".unicodeScalars)
        guard let bad = name.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value >= 0x7F || separators.contains($0) }) else {
            return nil
        }
        return "a header name cannot contain \(Self.name(of: bad))"
    }

    /// Why a header's value cannot be sent (RFC 9110 §5.5: no CR, LF, NUL or other control character but tab).
    package static func headerValueProblem(_ value: String) -> String? {
        guard value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else { return nil }
        guard let bad = value.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) else {
            return nil
        }
        return "contains \(name(of: bad)), which no header value may hold"
    }

    private static func name(of scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\r": "a carriage return (U+000D)"
        case "\n": "a line feed (U+000A)"
        case " ": "a space"
        case "\t": "a tab"
        case "\0": "a NUL (U+0000)"
        default:
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                ? "the control character U+\(hex(scalar.value, width: 4))" : "'\(scalar)'"
        }
    }

    private static func hex(_ value: UInt32, width: Int = 2) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
