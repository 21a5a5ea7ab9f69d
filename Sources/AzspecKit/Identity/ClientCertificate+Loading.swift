import AzspecCore
import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

extension ClientCertificate {
    /// The parsed content of a PEM: the private key and the certificates, the key's own first.
    struct Loaded {
        /// One certificate of the file.
        struct Entry {
            let certificate: Certificate
            let der: [UInt8]
        }

        let key: _RSA.Signing.PrivateKey
        /// Never empty; `chain[0]` is the certificate of `key`.
        let chain: [Entry]

        init(pem: String, source: String, password: String?) throws(CertificateError) {
            func fail(_ message: String, line: Int? = nil) -> CertificateError {
                CertificateError(description: "\(source):\(line.map { "\($0):" } ?? "") \(message)")
            }
            guard !pem.allSatisfy(\.isWhitespace) else {
                throw fail("the file is empty; expected a PEM file with a CERTIFICATE block and its PRIVATE KEY")
            }
            let blocks: [PEMBlock]
            do {
                blocks = try PEMBlock.blocks(in: pem)
            } catch {
                throw fail(error.description, line: error.line)
            }
            guard !blocks.isEmpty else {
                throw fail(
                    "not a PEM file: no '-----BEGIN …-----' line; expected a CERTIFICATE block and its PRIVATE KEY")
            }
            let found = "found: " + blocks.map(\.label).joined(separator: ", ")
            let combine = "put both in one file, e.g. `cat cert.pem key.pem > client.pem`"

            let certificateBlocks = blocks.filter { $0.label == "CERTIFICATE" || $0.label == "X509 CERTIFICATE" }
            guard !certificateBlocks.isEmpty else {
                throw fail(
                    "no CERTIFICATE block (\(found)); the certificate must be in the file with its key: \(combine)")
            }
            var certificates: [Entry] = []
            for block in certificateBlocks {
                guard let certificate = try? Certificate(derEncoded: block.der) else {
                    throw fail("the CERTIFICATE block is not a valid X.509 certificate", line: block.line)
                }
                certificates.append(Entry(certificate: certificate, der: block.der))
            }

            let keyBlocks = blocks.filter { $0.label.hasSuffix("PRIVATE KEY") }
            guard let keyBlock = keyBlocks.first else {
                throw fail(
                    "no private key block (\(found)); the certificate's private key must be in the file: \(combine)")
            }
            guard keyBlocks.count == 1 else {
                let lines = keyBlocks.map { String($0.line) }.joined(separator: ", ")
                throw fail("\(keyBlocks.count) private key blocks (lines \(lines)); expected exactly one")
            }
            key = try Self.rsaKey(keyBlock, password: password, fail: fail)

            let keyDER = key.publicKey.derRepresentation
            guard
                let own = certificates.firstIndex(where: {
                    _RSA.Signing.PublicKey($0.certificate.publicKey)?.derRepresentation == keyDER
                })
            else {
                let which =
                    certificates.count == 1
                    ? "the certificate '\(certificates[0].certificate.subject)'"
                    : "any of the \(certificates.count) certificates"
                throw fail("the private key does not match \(which): their public keys differ")
            }
            chain = [certificates[own]] + certificates.enumerated().filter { $0.offset != own }.map(\.element)
        }

        /// The RSA key of `block`, or the error saying why it is none.
        private static func rsaKey(
            _ block: PEMBlock, password: String?, fail: (String, Int?) -> CertificateError
        ) throws(CertificateError) -> _RSA.Signing.PrivateKey {
            if block.isEncrypted {
                let decrypt =
                    block.label == "ENCRYPTED PRIVATE KEY"
                    ? "`openssl pkcs8 -in key.pem -out plain.pem`" : "`openssl rsa -in key.pem -out plain.pem`"
                let advice = "decrypt it with \(decrypt) and put the decrypted key in the file with the certificate"
                if password == nil {
                    throw fail(
                        "the private key is encrypted and no password was given; azspec reads unencrypted keys only: "
                            + advice, block.line)
                }
                throw fail(
                    "the private key is encrypted; encrypted private keys are not supported, even with a password: "
                        + advice, block.line)
            }
            let notRSA = "not an RSA key; Microsoft Entra ID certificate credentials need an RSA key"
            switch block.label {
            case "PRIVATE KEY", "RSA PRIVATE KEY":
                break
            case "OPENSSH PRIVATE KEY":
                throw fail(
                    "the private key is in OpenSSH format, which is not supported; convert it to PEM with "
                        + "`ssh-keygen -p -m PEM -f key`", block.line)
            default:
                throw fail(
                    "the private key is \(keyKind(block.der) ?? "a '\(block.label)' block"), \(notRSA)", block.line)
            }
            guard let key = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: block.der) else {
                if let kind = keyKind(block.der) {
                    throw fail("the private key is \(kind), \(notRSA)", block.line)
                }
                throw fail("the \(block.label) block is not a readable private key", block.line)
            }
            guard key.keySizeInBits >= 2048 else {
                throw fail(
                    "the RSA private key has \(key.keySizeInBits) bits; Microsoft Entra ID needs at least 2048",
                    block.line)
            }
            return key
        }

        /// What kind of (non-RSA) key `der` is, e.g. "an EC P-256 key", or nil when unknown.
        private static func keyKind(_ der: [UInt8]) -> String? {
            if (try? P256.Signing.PrivateKey(derRepresentation: der)) != nil { return "an EC P-256 key" }
            if (try? P384.Signing.PrivateKey(derRepresentation: der)) != nil { return "an EC P-384 key" }
            if (try? P521.Signing.PrivateKey(derRepresentation: der)) != nil { return "an EC P-521 key" }
            let pkcs8 = try? Certificate.PrivateKey(derBytes: der)
            if let pkcs8, Curve25519.Signing.PublicKey(pkcs8.publicKey) != nil { return "an Ed25519 key" }
            return nil
        }
    }

    /// The text of the PEM file at `path`, or the error saying why there is none.
    static func readPEMText(_ path: String) throws(CertificateError) -> String {
        func fail(_ message: String) -> CertificateError { CertificateError(description: "\(path): \(message)") }
        let data: [UInt8]
        do {
            data = try InputFile.read(path, as: .certificate)
        } catch {
            throw fail("\(error.problem); expected a PEM file with the client certificate and its private key")
        }
        guard !data.contains(0), let text = PercentEncoding.validUTF8(data) else {
            throw fail(
                "not a PEM file (binary content: a .pfx/.p12 or DER file?); convert it to PEM, e.g. "
                    + "`openssl pkcs12 -in cert.pfx -out client.pem -nodes`")
        }
        return text
    }
}
