import AzspecCore
import AzspecTesting
import Crypto
import Foundation
import SwiftASN1
import Testing
import X509
import _CryptoExtras

@testable import AzspecKit

/// A self-signed RSA certificate and its key, generated once per test run.
private enum CertificateFixture {
    /// Whole seconds: X.509 validity has no fractions.
    static let expiry = Date(timeIntervalSince1970: 1_900_000_000)
    static let main = Result { try SelfSignedCertificate(commonName: "azspec-test", notValidAfter: expiry) }
    static let other = Result { try SelfSignedCertificate(commonName: "someone-else", notValidAfter: expiry) }
}

/// Calls `body` with the path of a file holding `contents` in a fresh temporary folder, then removes the folder.
private func withTemporaryFile<T>(_ contents: some DataProtocol, _ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("azspec-cert-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("client.pem")
    try Data(contents).write(to: url)
    return try body(url.path)
}

/// The description of the error loading `pem` (from a file) throws, or nil when it loads.
private func loadError(_ pem: String, password: String? = nil) throws -> (message: String, path: String)? {
    try withTemporaryFile(Data(pem.utf8)) { path -> (message: String, path: String)? in
        do {
            _ = try ClientCertificate(pemFile: path, password: password)
            return nil
        } catch {
            return ("\(error)", path)
        }
    }
}

private func base64Body(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
}

@Suite struct ClientCertificateTests {
    @Test(arguments: [false, true])
    func loadsKeyAndCertificateInEitherOrder(keyFirst: Bool) throws {
        let fixture = try CertificateFixture.main.get()
        let pem =
            keyFirst ? joined(fixture.keyPEM, fixture.certificatePEM) : joined(fixture.certificatePEM, fixture.keyPEM)
        let loaded = try withTemporaryFile(Data(pem.utf8)) { path in try ClientCertificate(pemFile: path) }
        #expect(loaded.certificateDER == fixture.der)
        #expect(loaded.thumbprintSHA1 == Base64URL.encode(Insecure.SHA1.hash(data: fixture.der)))
        #expect(loaded.thumbprintSHA256 == Base64URL.encode(SHA256.hash(data: fixture.der)))
        #expect(loaded.thumbprintSHA1.count == 27)  // 20 bytes
        #expect(loaded.thumbprintSHA256.count == 43)  // 32 bytes
        #expect(!loaded.thumbprintSHA256.contains("=") && !loaded.thumbprintSHA256.contains("+"))
        #expect(loaded.expires == CertificateFixture.expiry)
        #expect(loaded.subject == "CN=azspec-test")
    }

    @Test func readsPKCS1KeysCRLFAndTextBetweenBlocks() throws {
        let fixture = try CertificateFixture.main.get()
        let pem =
            "Bag Attributes\n    localKeyID: 01 00 00 00\nsubject=CN=azspec-test\n" + fixture.certificatePEM
            + "\nKey Attributes: <No Attributes>\n" + fixture.rsaKeyPEM + "\n"
        let loaded = try ClientCertificate(pem: pem.replacingOccurrences(of: "\n", with: "\r\n"), source: "inline")
        #expect(loaded.certificateDER == fixture.der)
    }

    @Test func assertionIsASignedRS256JWTWithEveryClaim() throws {
        let fixture = try CertificateFixture.main.get()
        let loaded = try ClientCertificate(pem: joined(fixture.certificatePEM, fixture.keyPEM), source: "inline")
        let audience = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token"
        let now = Date(timeIntervalSince1970: 1_750_000_000.75)
        let token = try loaded.assertion(
            clientId: "00001111-aaaa-2222-bbbb-3333cccc4444", audience: audience, now: now, lifetime: 300, jti: "jti-1")

        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        try #require(parts.count == 3)
        let decoded = try #require(CompactJWT(token))
        let header = decoded.header
        #expect(header.keys == ["alg", "typ", "x5t", "x5t#S256"])
        #expect(header["alg"] == "RS256")
        #expect(header["typ"] == "JWT")
        #expect(header["x5t"]?.stringValue == Base64URL.encode(Insecure.SHA1.hash(data: fixture.der)))
        #expect(header["x5t#S256"]?.stringValue == Base64URL.encode(SHA256.hash(data: fixture.der)))

        let claims = decoded.claims
        #expect(claims.keys == ["aud", "iss", "sub", "jti", "nbf", "iat", "exp"])
        #expect(claims["aud"]?.stringValue == audience)
        #expect(claims["iss"] == "00001111-aaaa-2222-bbbb-3333cccc4444")
        #expect(claims["sub"] == "00001111-aaaa-2222-bbbb-3333cccc4444")
        #expect(claims["jti"] == "jti-1")
        #expect(claims["nbf"] == 1_750_000_000)
        #expect(claims["iat"] == 1_750_000_000)
        #expect(claims["exp"] == 1_750_000_300)
        // Integral numbers, compact JSON: exactly what the wire carries.
        let claimsText = String(decoding: try #require(Base64URL.decode(parts[1], allowingStandardAlphabet: false)), as: UTF8.self)
        #expect(claimsText.contains(#""nbf":1750000000,"iat":1750000000,"exp":1750000300}"#))

        let publicKey = try #require(_RSA.Signing.PublicKey(fixture.certificate.publicKey))
        let signature = _RSA.Signing.RSASignature(
            rawRepresentation: try #require(Base64URL.decode(parts[2], allowingStandardAlphabet: false)))
        let signingInput = Data((parts[0] + "." + parts[1]).utf8)
        #expect(
            publicKey.isValidSignature(signature, for: SHA256.hash(data: signingInput), padding: .insecurePKCS1v1_5))
        let tampered = Data((parts[0] + "." + parts[1] + "x").utf8)
        #expect(!publicKey.isValidSignature(signature, for: SHA256.hash(data: tampered), padding: .insecurePKCS1v1_5))
        #expect(!publicKey.isValidSignature(signature, for: SHA256.hash(data: signingInput), padding: .PSS))
    }

    @Test func assertionDefaultsAndChain() throws {
        let fixture = try CertificateFixture.main.get()
        let other = try CertificateFixture.other.get()
        // The key's certificate is not first in the file; x5c still starts with it.
        let pem = joined(other.certificatePEM, fixture.keyPEM, fixture.certificatePEM)
        let loaded = try ClientCertificate(pem: pem, source: "inline")
        #expect(loaded.certificateDER == fixture.der)
        #expect(loaded.chainDER == [fixture.der, other.der])

        let before = Date().timeIntervalSince1970.rounded(.down)
        let token = try loaded.assertion(clientId: "app", audience: "https://aud", includeChain: true)
        let decoded = try #require(CompactJWT(token))
        #expect(decoded.header.keys == ["alg", "typ", "x5t", "x5t#S256", "x5c"])
        let x5c = try #require(decoded.header["x5c"]?.arrayValue)
        #expect(
            x5c == [.string(Data(fixture.der).base64EncodedString()), .string(Data(other.der).base64EncodedString())])
        let iat = try #require(decoded.claims["iat"]?.numberValue)
        #expect(iat >= before && iat <= before + 60)
        #expect(decoded.claims["exp"]?.numberValue == iat + 600)
        let jti = try #require(decoded.claims["jti"]?.stringValue)
        #expect(UUID(uuidString: jti) != nil && jti == jti.lowercased())
        let second = try loaded.assertion(clientId: "app", audience: "https://aud")
        #expect(CompactJWT(second)?.claims["jti"] != decoded.claims["jti"])
        #expect(CompactJWT(second)?.header["x5c"] == nil)
    }

    @Test func descriptionNamesTheCertificateNotTheKey() throws {
        let fixture = try CertificateFixture.main.get()
        let loaded = try ClientCertificate(pem: joined(fixture.keyPEM, fixture.certificatePEM), source: "inline")
        #expect(String(describing: loaded).contains("CN=azspec-test"))
        #expect(!String(reflecting: loaded).contains(keyBody(fixture.keyPEM)))
    }

    // MARK: - Errors

    @Test func missingFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("azspec-\(UUID().uuidString).pem").path
        #expect(throws: AzspecKit.CertificateError.self) { try ClientCertificate(pemFile: path) }
        do {
            _ = try ClientCertificate(pemFile: path)
        } catch {
            #expect(error.description == "\(path): does not exist; expected a PEM file with the client certificate and its private key")
        }
    }

    @Test func directoryInsteadOfFile() throws {
        try withTemporaryFile(Data()) { path in
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                _ = try ClientCertificate(pemFile: folder)
                Issue.record("a directory loaded")
            } catch {
                #expect(
                    "\(error)"
                        == "\(folder): is a folder, not a file; expected a PEM file with the client certificate and its private key"
                )
            }
        }
    }

    @Test(arguments: ["", "\n  \n"])
    func emptyFile(_ text: String) throws {
        let failure = try #require(try loadError(text))
        #expect(failure.message.hasPrefix("\(failure.path): the file is empty"))
    }

    @Test func garbage() throws {
        let failure = try #require(try loadError("hello, this is not a certificate\n"))
        #expect(failure.message.hasPrefix("\(failure.path): not a PEM file: no '-----BEGIN …-----' line"))
    }

    @Test func binaryFile() throws {
        let fixture = try CertificateFixture.main.get()
        try withTemporaryFile(fixture.der) { path in
            do {
                _ = try ClientCertificate(pemFile: path)
                Issue.record("a DER file loaded")
            } catch {
                #expect("\(error)".hasPrefix("\(path): not a PEM file (binary content"))
                #expect("\(error)".contains("openssl pkcs12"))
            }
        }
    }

    @Test func brokenBlocks() throws {
        let unterminated = try #require(try loadError("junk\n-----BEGIN CERTIFICATE-----\nMIIB\n"))
        #expect(
            unterminated.message
                == "\(unterminated.path):2: the CERTIFICATE block has no '-----END CERTIFICATE-----' line")
        let notBase64 = try #require(try loadError("-----BEGIN CERTIFICATE-----\n#!*\n-----END CERTIFICATE-----\n"))
        #expect(notBase64.message == "\(notBase64.path):1: the body of the CERTIFICATE block is not valid base64")
        let notX509 = try #require(try loadError("-----BEGIN CERTIFICATE-----\nAQIDBA==\n-----END CERTIFICATE-----\n"))
        #expect(notX509.message == "\(notX509.path):1: the CERTIFICATE block is not a valid X.509 certificate")
    }

    @Test func certificateWithoutKey() throws {
        let fixture = try CertificateFixture.main.get()
        let failure = try #require(try loadError(fixture.certificatePEM))
        #expect(failure.message.hasPrefix("\(failure.path): no private key block (found: CERTIFICATE)"))
        #expect(failure.message.contains("cat cert.pem key.pem > client.pem"))
    }

    @Test func keyWithoutCertificate() throws {
        let fixture = try CertificateFixture.main.get()
        let failure = try #require(try loadError(fixture.keyPEM))
        #expect(failure.message.hasPrefix("\(failure.path): no CERTIFICATE block (found: PRIVATE KEY)"))
        #expect(!failure.message.contains(keyBody(fixture.keyPEM)))
    }

    @Test func ecKeyInsteadOfRSA() throws {
        let fixture = try CertificateFixture.main.get()
        let ecKey = P256.Signing.PrivateKey()
        let pkcs8 = try #require(try loadError(joined(fixture.certificatePEM, ecKey.pemRepresentation)))
        #expect(
            pkcs8.message == "\(pkcs8.path):\(lineAfter(fixture.certificatePEM)): the private key is an EC P-256 key, "
                + "not an RSA key; Microsoft Entra ID certificate credentials need an RSA key")
        #expect(!pkcs8.message.contains(keyBody(ecKey.pemRepresentation)))
        let sec1PEM =
            "-----BEGIN EC PRIVATE KEY-----\n" + base64Body(Array(ecKey.derRepresentation))
            + "\n-----END EC PRIVATE KEY-----\n"
        let sec1 = try #require(try loadError(joined(fixture.certificatePEM, sec1PEM)))
        #expect(sec1.message.contains("the private key is an EC P-256 key, not an RSA key"))
    }

    @Test func ed25519KeyInsteadOfRSA() throws {
        let fixture = try CertificateFixture.main.get()
        let keyPEM = try Certificate.PrivateKey(Curve25519.Signing.PrivateKey()).serializeAsPEM().pemString
        let failure = try #require(try loadError(joined(fixture.certificatePEM, keyPEM)))
        #expect(failure.message.contains("the private key is an Ed25519 key, not an RSA key"))
    }

    @Test func rsaKeyShorterThan2048Bits() throws {
        let fixture = try CertificateFixture.main.get()
        let small = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024))
        let failure = try #require(try loadError(joined(fixture.certificatePEM, small.pemRepresentation)))
        #expect(failure.message.hasSuffix("the RSA private key has 1024 bits; Microsoft Entra ID needs at least 2048"))
    }

    @Test func keyOfAnotherCertificate() throws {
        let fixture = try CertificateFixture.main.get()
        let other = try CertificateFixture.other.get()
        let failure = try #require(try loadError(joined(fixture.certificatePEM, other.keyPEM)))
        #expect(
            failure.message
                == "\(failure.path): the private key does not match the certificate 'CN=azspec-test': their public keys differ"
        )
        #expect(!failure.message.contains(keyBody(other.keyPEM)))
    }

    @Test func twoKeys() throws {
        let fixture = try CertificateFixture.main.get()
        let failure = try #require(try loadError(joined(fixture.certificatePEM, fixture.keyPEM, fixture.rsaKeyPEM)))
        #expect(failure.message.contains("2 private key blocks"))
    }

    @Test(arguments: [nil, "hunter2"] as [String?])
    func encryptedPKCS8Key(password: String?) throws {
        let fixture = try CertificateFixture.main.get()
        let encrypted =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + base64Body(Array(repeating: 0x5A, count: 300))
            + "\n-----END ENCRYPTED PRIVATE KEY-----\n"
        let failure = try #require(try loadError(joined(fixture.certificatePEM, encrypted), password: password))
        let line = lineAfter(fixture.certificatePEM)
        #expect(failure.message.hasPrefix("\(failure.path):\(line): the private key is encrypted"))
        #expect(failure.message.contains("`openssl pkcs8 -in key.pem -out plain.pem`"))
        if password == nil {
            #expect(failure.message.contains("no password was given"))
        } else {
            #expect(failure.message.contains("encrypted private keys are not supported, even with a password"))
            #expect(!failure.message.contains("hunter2"))
        }
    }

    @Test(arguments: [nil, "hunter2"] as [String?])
    func encryptedTraditionalKey(password: String?) throws {
        let fixture = try CertificateFixture.main.get()
        let encrypted =
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
            + "DEK-Info: AES-256-CBC,4E0D8B9FA183F2ADF29F270F2DD850E6\n\n"
            + base64Body(Array(repeating: 0xA5, count: 300))
            + "\n-----END RSA PRIVATE KEY-----\n"
        let failure = try #require(try loadError(joined(encrypted, fixture.certificatePEM), password: password))
        #expect(failure.message.hasPrefix("\(failure.path):1: the private key is encrypted"))
        #expect(failure.message.contains("`openssl rsa -in key.pem -out plain.pem`"))
        #expect(
            failure.message.contains(password == nil ? "no password was given" : "not supported, even with a password"))
    }

    @Test func errorsNeverShowTheKey() throws {
        let fixture = try CertificateFixture.main.get()
        let other = try CertificateFixture.other.get()
        let broken =
            "-----BEGIN PRIVATE KEY-----\n" + base64Body(Array(fixture.key.derRepresentation.prefix(200)))
            + "\n-----END PRIVATE KEY-----\n"
        let cases = [
            fixture.keyPEM, joined(other.certificatePEM, fixture.keyPEM), joined(fixture.certificatePEM, broken),
            joined(fixture.keyPEM, fixture.rsaKeyPEM, fixture.certificatePEM),
            joined(fixture.keyPEM, "-----BEGIN CERTIFICATE-----"),
        ]
        for pem in cases {
            let failure = try #require(try loadError(pem))
            for secret in [keyBody(fixture.keyPEM), keyBody(fixture.rsaKeyPEM)] {
                #expect(!failure.message.contains(secret))
                for line in secret.split(separator: "\n") { #expect(!failure.message.contains(line)) }
            }
        }
        let brokenFailure = try #require(try loadError(joined(fixture.certificatePEM, broken)))
        #expect(brokenFailure.message.hasSuffix("the PRIVATE KEY block is not a readable private key"))
    }

    // MARK: - JWT

    @Test func jwtDecodeReadsHeaderAndClaims() throws {
        let header = Base64URL.encode(Data(#"{"alg":"RS256","typ":"JWT"}"#.utf8))
        let claims = Base64URL.encode(Data(#"{"aud":"https://management.azure.com","roles":["a"],"exp":1750000000}"#.utf8))
        let decoded = try #require(CompactJWT("\(header).\(claims).c2ln"))
        #expect(decoded.header["alg"] == "RS256")
        #expect(decoded.claims["aud"] == "https://management.azure.com")
        #expect(decoded.claims["roles"] == ["a"])
        #expect(decoded.claims["exp"]?.numberValue == 1_750_000_000)
        #expect(CompactJWT("\(header).\(claims).") != nil)  // unsecured JWS: empty signature
    }

    @Test(arguments: [
        "", "abc", "a.b", "a.b.c.d.e", "..",
        "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",  // claims not JSON
        "eyJhbGciOiJSUzI1NiJ9.WzEsMl0.c2ln",  // claims an array
        "eyJhbGciOiJSUzI1NiJ9.e30.c2!n",  // signature not base64url
        "eyJhbGciOiJSUzI1NiJ9.e30+.c2ln",  // '+' is standard base64, not base64url
        "IkpXVCI.e30.c2ln",  // header a string
    ])
    func jwtDecodeRejects(_ token: String) {
        #expect(CompactJWT(token) == nil)
    }

    @Test func base64URLRoundTrips() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 251) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text, allowingStandardAlphabet: false) == bytes)
        }
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.decode("-_8=", allowingStandardAlphabet: false) == [0xFB, 0xFF])
        #expect(Base64URL.decode("a", allowingStandardAlphabet: false) == nil)
        #expect(Base64URL.decode("ab/c", allowingStandardAlphabet: false) == nil)
        #expect(Base64URL.decode("", allowingStandardAlphabet: false) == [])
    }
}

/// PEM blocks one after the other, each on its own lines.
private func joined(_ blocks: String...) -> String {
    blocks.map { $0.trimmingCharacters(in: .newlines) }.joined(separator: "\n") + "\n"
}

/// The line number of the first line after `pem` in ``joined(_:)``.
private func lineAfter(_ pem: String) -> Int {
    pem.split(separator: "\n").count + 1
}

/// The base64 body of a PEM block (its lines between BEGIN and END), joined by newlines.
private func keyBody(_ pem: String) -> String {
    pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined(separator: "\n")
}
