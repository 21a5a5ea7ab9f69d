import AsyncHTTPClient
import AzspecCore
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// How HTTPS servers are trusted. Verification is on unless `--insecure` turns it off.
public struct TLSOptions: Sendable {
    /// False only with `--insecure` (which prints a warning).
    public var verifyCertificates: Bool
    /// PEM files of extra root certificates to trust (`--ca-cert`), e.g. the emulator's.
    public var additionalRoots: [String]
    /// Extra root certificates as PEM text (the CA of an in-process emulator serving HTTPS).
    public var additionalRootPEMs: [String]

    public init(verifyCertificates: Bool = true, additionalRoots: [String] = [], additionalRootPEMs: [String] = []) {
        self.verifyCertificates = verifyCertificates
        self.additionalRoots = additionalRoots
        self.additionalRootPEMs = additionalRootPEMs
    }

    /// Checks that every root file is a regular file of bounded size holding at least one PEM certificate; the
    /// error names the file.
    public func validate() throws(TLSOptionsError) {
        _ = try rootCertificates()
    }

    /// The certificates of every `--ca-cert` file, each read once (bounded, regular files only).
    private func rootCertificates() throws(TLSOptionsError) -> [NIOSSLCertificate] {
        var certificates: [NIOSSLCertificate] = []
        for path in additionalRoots {
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(path, as: .caCertificate)
            } catch {
                throw TLSOptionsError(description: error.description)
            }
            guard let found = try? NIOSSLCertificate.fromPEMBytes(bytes), !found.isEmpty else {
                throw TLSOptionsError(description: "the CA certificate file \(path) holds no PEM certificate")
            }
            certificates += found
        }
        return certificates
    }

    func configuration() throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !verifyCertificates { tls.certificateVerification = .none }
        let roots = try rootCertificates()
        if !roots.isEmpty { tls.additionalTrustRoots = [.certificates(roots)] }
        for pem in additionalRootPEMs {
            tls.additionalTrustRoots.append(.certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))))
        }
        return tls
    }
}

/// A `--ca-cert` file that cannot be used.
public struct TLSOptionsError: Error, CustomStringConvertible {
    public let description: String
}
