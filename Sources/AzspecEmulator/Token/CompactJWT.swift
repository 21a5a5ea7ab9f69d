import AzspecCore
import Foundation
import JSONPath
import _CryptoExtras

/// A JWT in compact form (`header.payload.signature`), decoded but not yet trusted.
struct CompactJWT: Sendable {
    /// The signature algorithms the emulator verifies (RSA with SHA-256).
    enum Algorithm: String, Sendable {
        case rs256 = "RS256"
        case ps256 = "PS256"

        var padding: _RSA.Signing.Padding {
            switch self {
            case .rs256: .insecurePKCS1v1_5
            case .ps256: .PSS
            }
        }
    }

    let header: JSONObject
    let claims: JSONObject
    private let signingInput: Data
    private let signature: Data

    /// Nil unless `text` has three base64url parts whose first two are JSON objects.
    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let headerBytes = Base64URL.decode(parts[0]),
            let header = JSONValue.parsed(headerBytes)?.objectValue,
            let claimBytes = Base64URL.decode(parts[1]),
            let claims = JSONValue.parsed(claimBytes)?.objectValue,
            let signature = Base64URL.decode(parts[2])
        else { return nil }
        self.header = header
        self.claims = claims
        self.signingInput = Data(text.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        self.signature = Data(signature)
    }

    /// The header's `alg` when it is one the emulator verifies.
    var algorithm: Algorithm? {
        header["alg"]?.stringValue.flatMap(Algorithm.init(rawValue:))
    }

    /// True when the signature verifies with `key` under `algorithm`.
    func isSigned(by key: _RSA.Signing.PublicKey, algorithm: Algorithm) -> Bool {
        key.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: signature), for: signingInput, padding: algorithm.padding)
    }

    /// A string claim.
    func string(_ name: String) -> String? {
        claims[name]?.stringValue
    }

    /// A NumericDate claim (`exp`, `nbf`, `iat`) in epoch seconds; fractions are allowed.
    func time(_ name: String) -> Double? {
        claims[name]?.numberValue
    }

    /// `aud` as a list: one string or an array of strings (nil when it is neither).
    var audiences: [String]? {
        switch claims["aud"] {
        case .string(let audience): [audience]
        case .array(let items): items.allSatisfy { $0.stringValue != nil } ? items.compactMap(\.stringValue) : nil
        default: nil
        }
    }
}
