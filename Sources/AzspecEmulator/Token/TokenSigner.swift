import _CryptoExtras
import Crypto
import Foundation
import JSONPath

/// Signs access tokens (RS256, RSA 2048, PKCS #1 v1.5) with a key generated per emulator instance,
/// and verifies them.
struct TokenSigner: Sendable {
    private let privateKey: _RSA.Signing.PrivateKey
    private let publicKey: _RSA.Signing.PublicKey
    /// The `kid` header value (also served in the JWKS).
    let keyId: String
    private let encodedHeader: String

    init() throws {
        privateKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        publicKey = privateKey.publicKey
        keyId = Base64URL.encode(Array(SHA256.hash(data: publicKey.derRepresentation)).prefix(20))
        let header: JSONValue = .object(["typ": "JWT", "alg": "RS256", "kid": .string(keyId)])
        encodedHeader = Base64URL.encode(header.serialized)
    }

    /// A compact JWS: `header.payload.signature`.
    func sign(claims: JSONValue) throws -> String {
        let signingInput = encodedHeader + "." + Base64URL.encode(claims.serialized)
        let signature = try privateKey.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
    }

    /// The token's claims when it is a well-formed RS256 JWT signed by this instance's key; nil otherwise.
    /// Expiry and audience are checked by the caller.
    func verify(_ token: String) -> AccessToken? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let headerBytes = Base64URL.decode(parts[0]),
            let header = JSONValue.parsed(headerBytes),
            header["alg"]?.stringValue == "RS256",
            let payloadBytes = Base64URL.decode(parts[1]),
            let signatureBytes = Base64URL.decode(parts[2])
        else { return nil }
        let signingInput = token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count)
        let signature = _RSA.Signing.RSASignature(rawRepresentation: signatureBytes)
        guard publicKey.isValidSignature(signature, for: Data(signingInput), padding: .insecurePKCS1v1_5),
            let payload = JSONValue.parsed(payloadBytes)
        else { return nil }
        return AccessToken(payload: payload)
    }

    /// The public key as a JSON Web Key (for the discovery `keys` endpoint).
    var jsonWebKey: JSONValue {
        let primitives = try? publicKey.getKeyPrimitives()
        return .object([
            "kty": "RSA",
            "use": "sig",
            "kid": .string(keyId),
            "n": .string(Base64URL.encode(Array(primitives?.modulus ?? Data()))),
            "e": .string(Base64URL.encode(Array(primitives?.publicExponent ?? Data()))),
        ])
    }
}
