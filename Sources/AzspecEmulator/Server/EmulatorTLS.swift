import AzspecCore
import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// How the emulator serves HTTPS: with a certificate it makes at start, or with one given as PEM files.
///
/// Azure's SDKs refuse authorities that are not `https://`, so SDK clients need this; azspec itself can talk plain
/// HTTP to loopback. A generated identity is a small CA (`azspec emulator CA`) and a server certificate it signed
/// for `localhost`, `127.0.0.1` and `::1`: trust the CA (``caCertificatePEM``, `azspec run --ca-cert FILE`,
/// `REQUESTS_CA_BUNDLE` for Python) and the server is verified like any other.
public struct EmulatorTLS: Sendable {
    /// PEM of the certificate chain the server presents (leaf first).
    let chainPEM: String
    /// PEM of the server's private key.
    let keyPEM: String
    /// The root a client must trust; nil when the certificate was given (its issuer is the user's business).
    public let caCertificatePEM: String?

    /// Makes a CA and a server certificate for loopback names, valid from an hour ago for `days` days.
    public static func generate(days: Int = 30) throws -> EmulatorTLS {
        let now = Date()
        let notBefore = now.addingTimeInterval(-3600)
        let notAfter = now.addingTimeInterval(Double(days) * 86_400)
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName {
            OrganizationName("azspec")
            CommonName("azspec emulator CA")
        }
        let caCertificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(caKey.publicKey),
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: caName,
            subject: caName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: Certificate.PublicKey(caKey.publicKey))
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey)
        )
        let serverKey = P256.Signing.PrivateKey()
        let serverCertificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(serverKey.publicKey),
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: caName,
            subject: try DistinguishedName {
                OrganizationName("azspec")
                CommonName("localhost")
            },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .dnsName("localhost"),
                    .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
                ])
                AuthorityKeyIdentifier(
                    keyIdentifier: SubjectKeyIdentifier(hash: Certificate.PublicKey(caKey.publicKey)).keyIdentifier)
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey)
        )
        let caPEM = try caCertificate.serializeAsPEM().pemString + "\n"
        return EmulatorTLS(
            chainPEM: try serverCertificate.serializeAsPEM().pemString + "\n" + caPEM,
            keyPEM: serverKey.pemRepresentation + "\n",
            caCertificatePEM: caPEM
        )
    }

    /// Serves the certificate chain and key in these PEM files. Throws ``EmulatorError`` when either is unreadable.
    public static func files(certificate: String, key: String) throws -> EmulatorTLS {
        func read(_ path: String, _ what: String) throws -> String {
            do {
                return try InputFile.readText(path, as: InputFile.Kind(name: "\(what) file", limit: InputFile.Kind.certificate.limit))
            } catch {
                throw EmulatorError.unreadableTLS(path: path, reason: error.description)
            }
        }
        let tls = EmulatorTLS(
            chainPEM: try read(certificate, "certificate"), keyPEM: try read(key, "key"), caCertificatePEM: nil)
        _ = try tls.configuration(certificatePath: certificate, keyPath: key)
        return tls
    }

    /// The server side TLS configuration; paths name the files in errors only.
    func configuration(
        certificatePath: String = "<generated>", keyPath: String = "<generated>"
    ) throws
        -> TLSConfiguration
    {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(Array(chainPEM.utf8))
        } catch {
            throw EmulatorError.unreadableTLS(path: certificatePath, reason: "not a PEM certificate chain (\(error))")
        }
        guard !chain.isEmpty else {
            throw EmulatorError.unreadableTLS(path: certificatePath, reason: "no PEM certificate found")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem)
        } catch {
            throw EmulatorError.unreadableTLS(path: keyPath, reason: "not an unencrypted PEM private key (\(error))")
        }
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}
