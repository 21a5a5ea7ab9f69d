import AzspecCore
import Foundation

/// The forms a secret can take in what azspec writes: as it is, and as it reads once a server, a serializer or a
/// formatter has encoded it. The redactor masks each of them.
///
/// - JSON-escaped: `"` `\` and control characters escaped, with and without `/` as `\/` (PHP, older .NET), and with
///   every non-ASCII character as `\uXXXX` (Python's `ensure_ascii`), hex in either case;
/// - percent-encoded (RFC 3986, upper- and lower-case hex) and form-encoded (space as `+`);
/// - Swift-escaped, as `String(reflecting:)` and `debugDescription` print it;
/// - base64 and base64url at each of the three byte alignments a secret can have inside a longer encoded value
///   (the middle of `base64(prefix + secret + suffix)` that does not depend on the neighbours).
enum SecretForms {
    /// Base64 forms shorter than this are not masked: they would mask ordinary text.
    static let minimumEncodedLength = 8

    /// Every distinct form of `secret`, itself first.
    static func all(of secret: String) -> [String] {
        var forms = [secret]
        func add(_ form: String) {
            if form.utf8.count >= Redactor.minimumLength, !forms.contains(form) { forms.append(form) }
        }
        for form in jsonEscaped(secret) { add(form) }
        add(PercentEncoding.encode(secret))
        add(PercentEncoding.encode(secret).lowercasedHexEscapes())
        add(formEncoded(secret))
        let debug = String(reflecting: secret)
        add(String(debug.dropFirst().dropLast()))
        for form in base64Cores(of: Array(secret.utf8)) { add(form) }
        return forms
    }

    /// JSON string escapes of `secret` (without the quotes).
    static func jsonEscaped(_ secret: String) -> [String] {
        var minimal = "", slashes = "", ascii = "", asciiUpper = ""
        for scalar in secret.unicodeScalars {
            switch scalar {
            case "\"": minimal += "\\\""; slashes += "\\\""; ascii += "\\\""; asciiUpper += "\\\""
            case "\\": minimal += "\\\\"; slashes += "\\\\"; ascii += "\\\\"; asciiUpper += "\\\\"
            case "/": minimal += "/"; slashes += "\\/"; ascii += "/"; asciiUpper += "/"
            case "\n": minimal += "\\n"; slashes += "\\n"; ascii += "\\n"; asciiUpper += "\\n"
            case "\r": minimal += "\\r"; slashes += "\\r"; ascii += "\\r"; asciiUpper += "\\r"
            case "\t": minimal += "\\t"; slashes += "\\t"; ascii += "\\t"; asciiUpper += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let escaped = unicodeEscape(scalar.value)
                    minimal += escaped; slashes += escaped; ascii += escaped; asciiUpper += escaped.uppercased()
                } else if scalar.isASCII {
                    minimal.unicodeScalars.append(scalar); slashes.unicodeScalars.append(scalar)
                    ascii.unicodeScalars.append(scalar); asciiUpper.unicodeScalars.append(scalar)
                } else {
                    minimal.unicodeScalars.append(scalar); slashes.unicodeScalars.append(scalar)
                    for unit in String(scalar).utf16 {
                        ascii += unicodeEscape(UInt32(unit))
                        asciiUpper += "\\u" + String(unicodeEscape(UInt32(unit)).dropFirst(2)).uppercased()
                    }
                }
            }
        }
        return [minimal, slashes, ascii, asciiUpper]
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `application/x-www-form-urlencoded`: unreserved characters kept, space as `+`, the rest `%XX`.
    static func formEncoded(_ secret: String) -> String {
        secret.split(separator: " ", omittingEmptySubsequences: false).map { PercentEncoding.encode(String($0)) }
            .joined(separator: "+")
    }

    /// For each alignment (0, 1, 2 bytes before the secret), the characters of its base64 and base64url encodings
    /// that depend on the secret's bytes alone.
    static func base64Cores(of bytes: [UInt8]) -> [String] {
        guard bytes.count >= 6 else { return [] }
        var cores: [String] = []
        for offset in 0..<3 {
            let padded = [UInt8](repeating: 0, count: offset) + bytes
            let encoded = Array(Data(padded).base64EncodedString().utf8)
            // Characters fully determined by the secret: skip those touched by the padding bytes before it…
            let first = (offset * 8 + 5) / 6
            // …and by whatever follows it (the last partial group).
            let last = (padded.count * 8) / 6
            guard last - first >= minimumEncodedLength else { continue }
            let core = String(decoding: encoded[first..<last], as: UTF8.self)
            cores.append(core)
            cores.append(core.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"))
        }
        return cores
    }
}

extension String {
    /// `%2F` → `%2f`: some encoders write lower-case hex.
    fileprivate func lowercasedHexEscapes() -> String {
        var result = ""
        var pending = 0
        for character in self {
            if character == "%" {
                pending = 2
                result.append(character)
            } else if pending > 0 {
                pending -= 1
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
