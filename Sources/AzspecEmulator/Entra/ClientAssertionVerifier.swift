import AzspecCore
import _CryptoExtras

/// Verifies the `client_assertion` of a token request (azure-protocol.md §2): a JWT the application signed with a
/// registered certificate (`iss` = `sub` = client id), or a token from a federated issuer that one of the
/// application's federated credentials trusts (workload identity federation).
struct ClientAssertionVerifier: Sendable {
    /// How far `exp` and `nbf` may be off, in seconds.
    static let clockSkew = 300.0

    let directory: Directory
    /// Keys of the configured federated issuers and the built-in test issuer.
    let issuers: [Directory.FederatedIssuer]
    let state: EmulatorState

    /// Throws the Entra error for the first check that fails.
    func verify(
        _ assertion: String, principal: Directory.Principal, tenantId: String, baseURL: String, now: Double
    ) async throws(EntraError) {
        guard let jwt = CompactJWT(assertion), let algorithm = jwt.algorithm, let issuer = jwt.string("iss") else {
            throw .malformedAssertion
        }
        if issuer.lowercased() == principal.clientId {
            try await verifyCertificateAssertion(
                jwt, algorithm: algorithm, principal: principal, tenantId: tenantId, baseURL: baseURL, now: now)
        } else {
            try verifyFederatedAssertion(
                jwt, algorithm: algorithm, issuer: issuer, principal: principal, baseURL: baseURL, now: now)
        }
    }

    // MARK: Certificates

    private func verifyCertificateAssertion(
        _ jwt: CompactJWT, algorithm: CompactJWT.Algorithm, principal: Directory.Principal, tenantId: String,
        baseURL: String, now: Double
    ) async throws(EntraError) {
        let (certificate, thumbprint) = Self.certificate(named: jwt.header, in: principal.certificates)
        guard let certificate else {
            throw .certificateNotRegistered(
                thumbprint: thumbprint, clientId: principal.clientId, objectId: principal.objectId)
        }
        guard jwt.isSigned(by: certificate.publicKey, algorithm: algorithm) else { throw .assertionSignatureInvalid }
        guard jwt.string("sub") == jwt.string("iss") else { throw .assertionSubjectMismatch }
        guard let audiences = jwt.audiences, audiences.count == 1, let audience = audiences.first else {
            throw .malformedAssertion
        }
        guard isTokenURL(audience, tenantId: tenantId, baseURL: baseURL) else { throw .assertionAudienceMismatch }
        let expires = try Self.checkTime(jwt, now: now)
        if let jti = jwt.string("jti") {
            let fresh = await state.claimAssertionId(
                jti, clientId: principal.clientId, expires: expires + Self.clockSkew, now: now)
            guard fresh else { throw .assertionReplayed(jti) }
        }
    }

    /// The registered certificate the header's `x5t#S256` (preferred) or `x5t` names, and the thumbprint as
    /// Entra prints it (upper-case hex) for the error when none matches.
    static func certificate(
        named header: JSONObject, in certificates: [RegisteredCertificate]
    ) -> (RegisteredCertificate?, String?) {
        if let text = header["x5t#S256"]?.stringValue {
            guard let digest = Base64URL.decode(text) else { return (nil, text) }
            return (certificates.first { $0.sha256Thumbprint == digest }, hex(digest))
        }
        if let text = header["x5t"]?.stringValue {
            guard let digest = Base64URL.decode(text) else { return (nil, text) }
            return (certificates.first { $0.sha1Thumbprint == digest }, hex(digest))
        }
        return (nil, nil)
    }

    /// True for this tenant's v1 or v2 token URL on the emulator (tenant id or domain; `localhost` or `127.0.0.1`).
    func isTokenURL(_ audience: String, tenantId: String, baseURL: String) -> Bool {
        for suffix in ["/oauth2/v2.0/token", "/oauth2/token"] where audience.hasSuffix(suffix) {
            let prefix = audience.dropLast(suffix.count)
            guard let slash = prefix.lastIndex(of: "/") else { continue }
            let tenantName = prefix[prefix.index(after: slash)...]
            if EmulatorAddress.isOwnURL(prefix[..<slash], baseURL: baseURL),
                directory.tenant(String(tenantName))?.id == tenantId
            {
                return true
            }
        }
        return false
    }

    // MARK: Federated credentials

    private func verifyFederatedAssertion(
        _ jwt: CompactJWT, algorithm: CompactJWT.Algorithm, issuer: String, principal: Directory.Principal,
        baseURL: String, now: Double
    ) throws(EntraError) {
        let trusting = principal.federatedCredentials.filter {
            EmulatorAddress.resolvingPlaceholder($0.issuer, baseURL: baseURL) == issuer
        }
        guard !trusting.isEmpty,
            let key = issuers.first(where: {
                EmulatorAddress.resolvingPlaceholder($0.issuer, baseURL: baseURL) == issuer
            })?.publicKey
        else { throw .noFederatedCredentialForIssuer(issuer) }
        guard jwt.isSigned(by: key, algorithm: algorithm) else { throw .assertionSignatureInvalid }
        _ = try Self.checkTime(jwt, now: now)
        guard let audiences = jwt.audiences, let subject = jwt.string("sub") else { throw .malformedAssertion }
        let forAudience = trusting.filter { credential in credential.audiences.contains { audiences.contains($0) } }
        guard !forAudience.isEmpty else {
            throw .noFederatedCredentialForAudience(audiences.joined(separator: ", "))
        }
        guard forAudience.contains(where: { $0.subject == subject }) else {
            throw .noFederatedCredentialForSubject(subject)
        }
    }

    // MARK: Shared checks

    /// `exp` must be present; `now` must lie within `nbf`…`exp` give or take ``clockSkew``. Returns `exp`.
    static func checkTime(_ jwt: CompactJWT, now: Double) throws(EntraError) -> Double {
        guard let expires = jwt.time("exp") else { throw .malformedAssertion }
        let notBefore = jwt.time("nbf")
        if now > expires + clockSkew || (notBefore.map { now + clockSkew < $0 } ?? false) {
            throw .assertionOutsideValidTime(now: now, notBefore: notBefore, expires: expires)
        }
        return expires
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
