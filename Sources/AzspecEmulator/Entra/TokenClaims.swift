import AzspecCore

/// The claims of an app-only access token, in the order Entra ID writes them.
enum TokenClaims {
    /// How the client proved its identity: the `appidacr` / `azpacr` claim.
    enum ClientAuthentication: String, Sendable {
        case secret = "1"
        /// A certificate or federated client assertion; managed identities too.
        case assertion = "2"
    }

    static func make(
        version: TokenEndpoint.Version,
        resource: String,
        roles: [String],
        principal: Directory.Principal,
        authentication: ClientAuthentication,
        issuedAt: Int,
        lifetime: Int
    ) -> JSONValue {
        let tenantId = principal.tenantId
        var claims: [(String, JSONValue)] = [("aud", .string(resource))]
        switch version {
        case .v1:
            claims += [
                ("iss", .string("https://sts.windows.net/\(tenantId)/")),
                ("iat", .int(issuedAt)),
                ("nbf", .int(issuedAt - 300)),
                ("exp", .int(issuedAt + lifetime)),
                ("appid", .string(principal.clientId)),
                ("appidacr", .string(authentication.rawValue)),
                ("idp", .string("https://sts.windows.net/\(tenantId)/")),
            ]
        case .v2:
            claims += [
                ("iss", .string("https://login.microsoftonline.com/\(tenantId)/v2.0")),
                ("iat", .int(issuedAt)),
                ("nbf", .int(issuedAt - 300)),
                ("exp", .int(issuedAt + lifetime)),
                ("azp", .string(principal.clientId)),
                ("azpacr", .string(authentication.rawValue)),
            ]
        }
        claims += [
            ("idtyp", "app"),
            ("oid", .string(principal.objectId)),
            ("rh", .string("0.AAAA" + uniqueTokenId() + ".")),
        ]
        if !roles.isEmpty {
            claims.append(("roles", .array(roles.map(JSONValue.string))))
        }
        claims += [
            ("sub", .string(principal.objectId)),
            ("tid", .string(tenantId)),
            ("uti", .string(uniqueTokenId())),
            ("ver", .string(version == .v1 ? "1.0" : "2.0")),
        ]
        if let resourceId = principal.managedIdentityResourceId, !resourceId.isEmpty {
            claims.append(("xms_mirid", .string(resourceId)))
        }
        return .object(JSONObject(claims))
    }

    /// 22 base64url characters, like Entra's `uti`.
    private static func uniqueTokenId() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
