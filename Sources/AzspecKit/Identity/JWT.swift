import Foundation
import JSONPath

/// Compact JWS helpers: base64url (RFC 4648 §5, no padding) and **unverified** decoding.
///
/// ``decode(_:)`` does not check the signature, the algorithm or any time claim: it only reads what a
/// token says, for `expect.token` claim assertions on tokens azspec itself just received over TLS.
/// Never use it to decide whether to trust a token.
enum JWT {
    /// The header and claims of a compact JWS (`header.claims.signature`, each base64url, the first two
    /// JSON objects), or nil when `token` is not one. The signature is not verified.
    static func decode(_ token: String) -> (header: JSONValue, claims: JSONValue)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let header = object(String(parts[0])),
            let claims = object(String(parts[1])),
            parts[2].isEmpty || base64URLDecode(String(parts[2])) != nil
        else { return nil }
        return (header, claims)
    }

    /// `bytes` in base64url without padding.
    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    /// The bytes of base64url `text` (padding optional), or nil when it has characters outside the
    /// base64url alphabet or an impossible length.
    static func base64URLDecode(_ text: String) -> [UInt8]? {
        var unpadded = Substring(text)
        while unpadded.hasSuffix("=") { unpadded.removeLast() }
        guard unpadded.count % 4 != 1, unpadded.utf8.allSatisfy(isBase64URLCharacter) else { return nil }
        var standard = unpadded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        guard let data = Data(base64Encoded: standard) else { return nil }
        return Array(data)
    }

    /// The JSON object base64url `part` encodes, else nil.
    private static func object(_ part: String) -> JSONValue? {
        guard let bytes = base64URLDecode(part), let value = try? JSONValue(parsing: bytes),
            value.objectValue != nil
        else { return nil }
        return value
    }

    private static func isBase64URLCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
