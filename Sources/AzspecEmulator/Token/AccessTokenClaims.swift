import AzspecCore

/// The claims of a verified emulator access token that ARM needs.
struct AccessTokenClaims: Sendable {
    /// `aud`: the resource the token was requested for.
    let audience: String
    /// `iss`: `https://sts.windows.net/{tid}/` (v1) or `https://login.microsoftonline.com/{tid}/v2.0` (v2).
    let issuer: String
    /// `tid`, lower-cased.
    let tenantId: String
    /// `oid`, lower-cased.
    let objectId: String
    /// `appid` (v1) or `azp` (v2).
    let appId: String
    /// `exp` in epoch seconds.
    let expires: Int
    /// `roles`: the application permissions granted to the client (none when absent).
    let roles: [String]

    /// Reads the claims from a JWT payload; nil when a required claim is missing.
    init?(payload: JSONValue) {
        guard let audience = payload["aud"]?.stringValue,
            let issuer = payload["iss"]?.stringValue,
            let tenantId = payload["tid"]?.stringValue,
            let objectId = payload["oid"]?.stringValue,
            let appId = payload["appid"]?.stringValue ?? payload["azp"]?.stringValue,
            let expires = payload["exp"]?.intValue
        else { return nil }
        self.audience = audience
        roles = payload["roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
        self.issuer = issuer
        self.tenantId = tenantId.lowercased()
        self.objectId = objectId.lowercased()
        self.appId = appId
        self.expires = expires
    }
}
