import AzspecCore
import Foundation
import JSONPath

/// **Unverified** decoding of compact JWS tokens.
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
            parts[2].isEmpty || Base64URL.decode(parts[2], allowingStandardAlphabet: false) != nil
        else { return nil }
        return (header, claims)
    }

    /// The JSON object base64url `part` encodes, else nil.
    private static func object(_ part: String) -> JSONValue? {
        guard let bytes = Base64URL.decode(part, allowingStandardAlphabet: false), let value = try? JSONValue(parsing: bytes),
            value.objectValue != nil
        else { return nil }
        return value
    }
}
