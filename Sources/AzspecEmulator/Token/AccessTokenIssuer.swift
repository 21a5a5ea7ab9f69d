import HTTPTypes

/// Signs access tokens for a principal or managed identity with the emulator's key.
struct AccessTokenIssuer: Sendable {
    /// A signed token and the times a response reports.
    struct Issued: Sendable {
        let accessToken: String
        let issuedAt: Int
        let lifetime: Int

        var expiresOn: Int { issuedAt + lifetime }
        /// Five minutes before issuance, like Entra's `not_before` and `nbf`.
        var notBefore: Int { issuedAt - 300 }
    }

    let signer: TokenSigner
    let lifetime: Int

    /// A token for `resource` asked for as `requested`: in the version the resource accepts, whichever endpoint was
    /// asked, with the principal's app roles on that resource only.
    func issue(
        for resource: Directory.Resource,
        requested: String,
        principal: Directory.Principal,
        authentication: TokenClaims.ClientAuthentication,
        now: Double
    ) throws(EntraError) -> Issued {
        let issuedAt = Int(now)
        let claims = TokenClaims.make(
            version: resource.version,
            resource: resource.audience(requested: requested),
            roles: principal.appRoles[resource.name] ?? [],
            principal: principal,
            authentication: authentication,
            issuedAt: issuedAt,
            lifetime: lifetime
        )
        do {
            return Issued(accessToken: try signer.sign(claims: claims), issuedAt: issuedAt, lifetime: lifetime)
        } catch {
            throw EntraError(status: .internalServerError, error: "server_error", code: 90033, text: "\(error)")
        }
    }
}
