import AzspecCore
import Crypto
import Foundation
import X509
import _CryptoExtras

/// A certificate and its RSA private key, read from one PEM file (as azure-identity's
/// `AZURE_CLIENT_CERTIFICATE_PATH` takes), and the client assertions (RFC 7523 JWTs) it signs for
/// Microsoft Entra ID's `client_credentials` grant.
///
/// The file may hold the key and the certificate in either order, plus further certificates (the
/// chain, sent in `x5c` when asked) and text between blocks. The certificate used is the one whose
/// public key matches the private key. Encrypted keys are refused with a way to decrypt them.
struct ClientCertificate: Sendable {
    /// base64url (no padding) SHA-1 of the DER certificate: the `x5t` header.
    let thumbprintSHA1: String
    /// base64url (no padding) SHA-256 of the DER certificate: the `x5t#S256` header.
    let thumbprintSHA256: String
    /// The certificate's DER bytes (for `x5c`, standard base64).
    let certificateDER: [UInt8]
    /// The DER bytes of every certificate in the file, ``certificateDER`` first, then the others in
    /// file order: the `x5c` chain.
    let chainDER: [[UInt8]]
    /// The certificate's notValidAfter, to warn about expiring certificates.
    let expires: Date
    /// The certificate's subject, e.g. `CN=azspec-reader`.
    let subject: String
    /// Where the PEM came from (a path), as errors name it.
    let source: String
    private let privateKey: _RSA.Signing.PrivateKey

    /// The private key as text could show it: its PEM lines (PKCS #1 and PKCS #8) and its DER in base64. The run
    /// registers them as secrets, so that no output can hold a piece of the key.
    var keyMaterial: [String] {
        let pems = [privateKey.pemRepresentation, privateKey.pkcs8PEMRepresentation]
        let lines = pems.flatMap { $0.split(separator: "\n").filter { !$0.hasPrefix("-----") }.map(String.init) }
        return [privateKey.derRepresentation.base64EncodedString()] + lines
    }

    /// Reads `path`. Errors name the file and say what is wrong and how to fix it.
    init(pemFile path: String, password: String? = nil) throws(CertificateError) {
        try self.init(pem: Self.readPEMText(path), source: path, password: password)
    }

    /// Reads PEM text; `source` names it in errors. `password` only changes the advice given for an
    /// encrypted key: encrypted keys are not supported.
    init(pem: String, source: String, password: String? = nil) throws(CertificateError) {
        let loaded = try Loaded(pem: pem, source: source, password: password)
        let der = loaded.chain[0].der
        certificateDER = der
        chainDER = loaded.chain.map(\.der)
        thumbprintSHA1 = Base64URL.encode(Insecure.SHA1.hash(data: der))
        thumbprintSHA256 = Base64URL.encode(SHA256.hash(data: der))
        expires = loaded.chain[0].certificate.notValidAfter
        subject = loaded.chain[0].certificate.subject.description
        self.source = source
        privateKey = loaded.key
    }

    /// A signed client assertion: header `{"alg":"RS256","typ":"JWT","x5t":…,"x5t#S256":…}` (plus
    /// `"x5c":[base64 DER, …]`, this certificate first, when `includeChain`), claims
    /// `{"aud":audience,"iss":clientId,"sub":clientId,"jti":jti,"nbf":now,"iat":now,"exp":now+lifetime}`
    /// (whole seconds since 1970). `audience` is the token endpoint URL.
    func assertion(
        clientId: String,
        audience: String,
        now: Date = Date(),
        lifetime: TimeInterval = 600,
        jti: String = UUID().uuidString.lowercased(),
        includeChain: Bool = false
    ) throws(CertificateError) -> String {
        guard lifetime > 0 else {
            throw CertificateError(description: "a client assertion lifetime must be positive, not \(lifetime) s")
        }
        var header: [(String, JSONValue)] = [
            ("alg", "RS256"), ("typ", "JWT"), ("x5t", .string(thumbprintSHA1)), ("x5t#S256", .string(thumbprintSHA256)),
        ]
        if includeChain {
            header.append(("x5c", .array(chainDER.map { .string(Data($0).base64EncodedString()) })))
        }
        let issued = now.timeIntervalSince1970.rounded(.down)
        let claims: [(String, JSONValue)] = [
            ("aud", .string(audience)), ("iss", .string(clientId)), ("sub", .string(clientId)), ("jti", .string(jti)),
            ("nbf", .number(issued)), ("iat", .number(issued)), ("exp", .number((issued + lifetime).rounded(.down))),
        ]
        let signingInput = CompactJWT.signingInput(header: JSONObject(header), claims: JSONObject(claims))
        let signature: _RSA.Signing.RSASignature
        do {
            signature = try privateKey.signature(
                for: SHA256.hash(data: Data(signingInput.utf8)), padding: .insecurePKCS1v1_5)
        } catch {
            throw CertificateError(description: "\(source): could not sign a client assertion with the private key")
        }
        return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
    }
}

extension ClientCertificate: CustomStringConvertible, CustomDebugStringConvertible {
    /// The subject, thumbprint and source; never the key.
    var description: String { "certificate '\(subject)' (x5t#S256 \(thumbprintSHA256)) from \(source)" }
    var debugDescription: String { "ClientCertificate(\(description))" }
}

/// Why a client certificate could not be loaded or used. The description names the file, says what is
/// wrong and how to fix it, and never contains key material.
struct CertificateError: Error, Sendable, CustomStringConvertible {
    let description: String
}
