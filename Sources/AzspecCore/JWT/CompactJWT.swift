/// A JWT in compact JWS form (`header.claims.signature`, RFC 7515 §7.1), decoded but **not verified**.
///
/// Reading it checks only the shape: three base64url parts (strict alphabet, padding tolerated), the first two JSON
/// objects. The engine reads the claims of tokens it has just received; the emulator verifies the signature over
/// ``signingInput`` with the key it trusts before believing anything here.
public struct CompactJWT: Sendable {
    public let header: JSONObject
    public let claims: JSONObject
    /// The bytes the signature covers: `header.claims` as they appear in the token.
    public let signingInput: [UInt8]
    /// The decoded signature (empty for an unsecured JWS).
    public let signature: [UInt8]

    /// Nil unless `text` has three base64url parts whose first two are JSON objects.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 3,
            let header = Self.object(parts[0]),
            let claims = Self.object(parts[1]),
            let signature = Base64URL.decode(parts[2], allowingStandardAlphabet: false)
        else { return nil }
        self.header = header
        self.claims = claims
        self.signingInput = Array(text.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        self.signature = signature
    }

    /// `base64url(header).base64url(claims)`: what a signer signs, in member order.
    public static func signingInput(header: JSONObject, claims: JSONObject) -> String {
        Base64URL.encode(JSONValue.object(header).serialized) + "." + Base64URL.encode(JSONValue.object(claims).serialized)
    }

    /// A string claim.
    public func string(_ name: String) -> String? {
        claims[name]?.stringValue
    }

    /// A NumericDate claim (`exp`, `nbf`, `iat`) in epoch seconds; fractions are allowed.
    public func time(_ name: String) -> Double? {
        claims[name]?.numberValue
    }

    /// `aud` as a list: one string or an array of strings (nil when it is neither).
    public var audiences: [String]? {
        switch claims["aud"] {
        case .string(let audience): [audience]
        case .array(let items): items.allSatisfy { $0.stringValue != nil } ? items.compactMap(\.stringValue) : nil
        default: nil
        }
    }

    private static func object(_ part: some StringProtocol) -> JSONObject? {
        guard let bytes = Base64URL.decode(part, allowingStandardAlphabet: false) else { return nil }
        return (try? JSONValue(parsing: bytes))?.objectValue
    }
}
