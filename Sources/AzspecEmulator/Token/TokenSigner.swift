import AzspecCore
import Crypto
import Foundation
import _CryptoExtras

/// Signs JWTs (RS256, RSA 2048, PKCS #1 v1.5) with a key generated per process, and verifies them.
/// The emulator has two: one for its access tokens, one for the built-in test OIDC issuer.
struct TokenSigner: Sendable {
    /// Which of the emulator's keys a signer holds.
    enum Role: Sendable {
        case accessTokens
        case testIssuer
    }

    /// Making an RSA key costs tens of milliseconds (far more in a debug build), so a process makes each of its
    /// two keys once, on first use, and every emulator it starts shares them.
    private static let accessTokenKey = Result { try _RSA.Signing.PrivateKey(keySize: .bits2048) }
    private static let testIssuerKey = Result { try _RSA.Signing.PrivateKey(keySize: .bits2048) }

    /// The signer for one of the process's keys.
    init(_ role: Role) throws {
        switch role {
        case .accessTokens: try self.init(key: Self.accessTokenKey.get())
        case .testIssuer: try self.init(key: Self.testIssuerKey.get())
        }
    }

    private let privateKey: _RSA.Signing.PrivateKey
    let publicKey: _RSA.Signing.PublicKey
    /// The `kid` header value (also served in the JWKS).
    let keyId: String
    private let encodedHeader: String

    private init(key: _RSA.Signing.PrivateKey) {
        privateKey = key
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
    func verify(_ token: String) -> AccessTokenClaims? {
        guard let jwt = CompactJWT(token), jwt.algorithm == .rs256, jwt.isSigned(by: publicKey, algorithm: .rs256)
        else { return nil }
        return AccessTokenClaims(payload: .object(jwt.claims))
    }

    /// The public key as a JSON Web Key (for the discovery `keys` endpoints).
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
