import AzspecCore
import AzspecTesting
import Crypto
import Foundation
import _CryptoExtras

@testable import AzspecEmulator

/// A self-signed RSA certificate and its key, and client assertions signed with it, made by hand so that each
/// check of the emulator's verifier can be hit on its own.
struct TestCertificate: Sendable {
    let key: _RSA.Signing.PrivateKey
    let pem: String
    let sha1: [UInt8]
    let sha256: [UInt8]

    init(commonName: String = "azspec-test-client") throws {
        let generated = try SelfSignedCertificate(commonName: commonName)
        key = generated.key
        pem = generated.certificatePEM
        sha1 = Array(Insecure.SHA1.hash(data: generated.der))
        sha256 = Array(SHA256.hash(data: generated.der))
    }

    /// Made once per test process: RSA key generation is slow in debug builds.
    static let registered = Result { try TestCertificate() }
    static let unregistered = Result { try TestCertificate(commonName: "not-registered") }

    /// The thumbprint headers an assertion names the certificate by.
    enum Thumbprint {
        case sha256, sha1, none
    }

    /// A signed client assertion with the usual claims; `overrides` replace or add claims (nil values remove them).
    func assertion(
        clientId: String,
        audience: String,
        algorithm: CompactJWT.Algorithm = .rs256,
        thumbprint: Thumbprint = .sha256,
        signingKey: _RSA.Signing.PrivateKey? = nil,
        lifetime: Double = 600,
        overrides: [String: JSONValue?] = [:]
    ) throws -> String {
        var header: [(String, JSONValue)] = [("alg", .string(algorithm.rawValue)), ("typ", "JWT")]
        switch thumbprint {
        case .sha256: header.append(("x5t#S256", .string(Base64URL.encode(sha256))))
        case .sha1: header.append(("x5t", .string(Base64URL.encode(sha1))))
        case .none: break
        }
        let now = Date().timeIntervalSince1970.rounded(.down)
        var claims: [(String, JSONValue)] = [
            ("aud", .string(audience)), ("iss", .string(clientId)), ("sub", .string(clientId)),
            ("jti", .string(UUID().uuidString)), ("nbf", .number(now)), ("iat", .number(now)),
            ("exp", .number(now + lifetime)),
        ]
        for (name, value) in overrides {
            claims.removeAll { $0.0 == name }
            if let value { claims.append((name, value)) }
        }
        return try Self.sign(header: header, claims: claims, key: signingKey ?? key, algorithm: algorithm)
    }

    static func sign(
        header: [(String, JSONValue)], claims: [(String, JSONValue)], key: _RSA.Signing.PrivateKey,
        algorithm: CompactJWT.Algorithm
    ) throws -> String {
        let input = CompactJWT.signingInput(header: JSONObject(header), claims: JSONObject(claims))
        let signature = try key.signature(for: Data(input.utf8), padding: algorithm.padding)
        return input + "." + Base64URL.encode(signature.rawRepresentation)
    }
}
