public import Foundation
import SwiftASN1
public import X509
public import _CryptoExtras

/// A self-signed RSA certificate and its key, as a service principal's certificate credential would hold them.
public struct SelfSignedCertificate: Sendable {
    public let key: _RSA.Signing.PrivateKey
    public let certificate: Certificate
    /// `-----BEGIN CERTIFICATE-----…`
    public let certificatePEM: String
    /// The DER bytes of the certificate (what `x5t` / `x5t#S256` thumbprints hash).
    public let der: [UInt8]
    /// The key as PKCS #8 PEM (`-----BEGIN PRIVATE KEY-----…`).
    public var keyPEM: String { key.pkcs8PEMRepresentation }
    /// The key as PKCS #1 PEM (`-----BEGIN RSA PRIVATE KEY-----…`).
    public var rsaKeyPEM: String { key.pemRepresentation }
    /// Certificate and key in one PEM, as `AZURE_CLIENT_CERTIFICATE_PATH` wants it.
    public var combinedPEM: String { certificatePEM + "\n" + keyPEM + "\n" }

    /// A new 2048-bit key and a certificate for it, valid from an hour ago until `notValidAfter` (a year by default).
    public init(commonName: String, notValidAfter: Date = Date().addingTimeInterval(86_400 * 365)) throws {
        key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let name = try DistinguishedName { CommonName(commonName) }
        certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: min(Date(), notValidAfter).addingTimeInterval(-3600),
            notValidAfter: notValidAfter,
            issuer: name,
            subject: name,
            signatureAlgorithm: .sha256WithRSAEncryption,
            extensions: Certificate.Extensions(),
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
        let document = try certificate.serializeAsPEM()
        certificatePEM = document.pemString
        der = document.derBytes
    }
}
