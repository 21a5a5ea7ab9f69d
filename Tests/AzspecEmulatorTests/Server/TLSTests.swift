import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Testing

@testable import AzspecEmulator

/// HTTPS with a generated CA: verified by a client that trusts that CA, refused by one that does not.
@Suite("Emulator over HTTPS")
struct TLSTests {
    static func client(trusting caPEM: String?) throws -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caPEM {
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(caPEM.utf8)))
        }
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
    }

    @Test func aClientTrustingTheGeneratedCAGetsATokenOverHTTPS() async throws {
        let tls = try EmulatorTLS.generate()
        let caPEM = try #require(tls.caCertificatePEM)
        #expect(caPEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
        try await Emulator.withRunning(tls: tls) { endpoint in
            #expect(endpoint.baseURL == "https://127.0.0.1:\(endpoint.port)")
            #expect(endpoint.caCertificatePEM == caPEM)
            #expect(endpoint.environment["IDENTITY_ENDPOINT"]?.hasPrefix("https://127.0.0.1:") == true)
            for host in ["127.0.0.1", "localhost"] {
                let client = try Self.client(trusting: caPEM)
                var request = HTTPClientRequest(
                    url: "https://\(host):\(endpoint.port)/\(Fixture.tenantId)/v2.0/.well-known/openid-configuration")
                request.method = .GET
                do {
                    let response = try await client.execute(request, timeout: .seconds(15))
                    let body = try await response.body.collect(upTo: 1 << 20)
                    #expect(response.status == .ok, "\(host)")
                    #expect(String(buffer: body).contains("\"token_endpoint\":\"https://"), "\(host)")
                } catch {
                    try await client.shutdown()
                    throw error
                }
                try await client.shutdown()
            }
        }
    }

    @Test func aClientThatDoesNotTrustTheCAIsRefused() async throws {
        try await Emulator.withRunning(tls: try EmulatorTLS.generate()) { endpoint in
            let client = try Self.client(trusting: nil)
            var request = HTTPClientRequest(url: "\(endpoint.baseURL)/subscriptions?api-version=2021-01-01")
            request.method = .GET
            await #expect(throws: (any Error).self) {
                _ = try await client.execute(request, timeout: .seconds(15))
            }
            try await client.shutdown()
        }
    }

    @Test func givenFilesThatAreNotPEMAreReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("azspec-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bogus = folder.appendingPathComponent("cert.pem").path
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: bogus))
        let error = try #require(throws: EmulatorError.self) {
            try EmulatorTLS.files(certificate: bogus, key: bogus)
        }
        #expect(error.description.hasPrefix("\(bogus): error: cannot serve HTTPS with it:"), "\(error)")
        let missing = try #require(throws: EmulatorError.self) {
            try EmulatorTLS.files(certificate: folder.appendingPathComponent("nope.pem").path, key: bogus)
        }
        #expect(
            missing.description.hasSuffix(
                "cannot serve HTTPS with it: the certificate file \(folder.appendingPathComponent("nope.pem").path) does not exist"),
            "\(missing)")
    }
}
