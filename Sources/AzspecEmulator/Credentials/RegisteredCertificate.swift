import AzspecCore
import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// A certificate registered on a service principal: its thumbprints (how client assertions name it) and its
/// RSA public key (what verifies them).
/// (The engine's `ClientCertificate` is the other side: a client's certificate with its private key.)
struct RegisteredCertificate: Sendable {
    /// SHA-1 of the DER certificate: the `x5t` header, and the thumbprint Entra prints.
    let sha1Thumbprint: [UInt8]
    /// SHA-256 of the DER certificate: the `x5t#S256` header.
    let sha256Thumbprint: [UInt8]
    let publicKey: _RSA.Signing.PublicKey
    /// Its subject, as Graph's `keyCredentials[].displayName` shows it (`CN=…`).
    let subject: String
    /// Its validity: Graph's `startDateTime` and `endDateTime`.
    let notBefore: Double
    let notAfter: Double

    /// Reads the first `CERTIFICATE` block of PEM text (other blocks, such as a private key, are ignored).
    init(pem text: String) throws(CredentialError) {
        guard let der = try PEMSource.blocks(in: text).first(where: { $0.label == "CERTIFICATE" })?.der
        else {
            throw CredentialError("no PEM certificate (-----BEGIN CERTIFICATE-----) found")
        }
        try self.init(der: der)
    }

    /// Reads a DER certificate.
    init(der: [UInt8]) throws(CredentialError) {
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: der)
        } catch {
            throw CredentialError("not a valid X.509 certificate: \(error)")
        }
        guard let key = _RSA.Signing.PublicKey(certificate.publicKey) else {
            throw CredentialError("the certificate's key is not an RSA key of 2048 bits or more (Entra needs RS256/PS256)")
        }
        publicKey = key
        subject = certificate.subject.description
        notBefore = certificate.notValidBefore.timeIntervalSince1970
        notAfter = certificate.notValidAfter.timeIntervalSince1970
        sha1Thumbprint = Array(Insecure.SHA1.hash(data: der))
        sha256Thumbprint = Array(SHA256.hash(data: der))
    }
}

/// Reads the RSA public key of a federated issuer.
enum IssuerPublicKey {
    /// From a `PUBLIC KEY` (SPKI), `RSA PUBLIC KEY` (PKCS #1) or `CERTIFICATE` block.
    static func read(pem text: String) throws(CredentialError) -> _RSA.Signing.PublicKey {
        for block in try PEMSource.blocks(in: text) {
            switch block.label {
            case "PUBLIC KEY", "RSA PUBLIC KEY":
                do {
                    return try _RSA.Signing.PublicKey(derRepresentation: block.der)
                } catch {
                    throw CredentialError("not an RSA public key of 2048 bits or more: \(error)")
                }
            case "CERTIFICATE":
                return try RegisteredCertificate(der: block.der).publicKey
            default:
                continue
            }
        }
        throw CredentialError("no PEM public key (-----BEGIN PUBLIC KEY-----) or certificate found")
    }
}
