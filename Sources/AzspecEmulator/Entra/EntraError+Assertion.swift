import HTTPTypes

/// Client assertion (certificate and federated credential) failures (azure-protocol.md §1.5, §2).
extension EntraError {
    private static func invalidClient(_ code: Int, _ text: String) -> EntraError {
        EntraError(status: .unauthorized, error: "invalid_client", code: code, text: text)
    }

    /// Not three base64url JSON parts, an unsupported `alg`, or a required claim missing. Text seen in real
    /// replies (panva/openid-client #348, for an array `aud`); the status is a guess.
    static let malformedAssertion = invalidClient(50027, "JWT token is invalid or malformed.")

    static let unsupportedAssertionType = invalidClient(
        7_000_216,
        "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type."
    )

    /// No registered certificate has the assertion's `x5t#S256` / `x5t` thumbprint.
    static func certificateNotRegistered(thumbprint: String?, clientId: String, objectId: String) -> EntraError {
        let thumbprintText = thumbprint.map { "Thumbprint of key used by client: '\($0)', " } ?? ""
        return invalidClient(
            700027,
            "The certificate with identifier used to sign the client assertion is not registered on application. "
                + "[Reason - The key was not found., \(thumbprintText)Please visit the Azure Portal, Graph Explorer or "
                + "directly use MS Graph to see configured keys for app Id '\(clientId)'. Review the documentation at "
                + "https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint "
                + "and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to "
                + "build a query request URL, such as 'https://graph.microsoft.com/beta/applications/\(objectId)']."
        )
    }

    static let assertionSignatureInvalid = invalidClient(700027, "Client assertion failed signature validation.")

    /// `sub` differs from `iss` (msal-java #430 quotes this text).
    static let assertionSubjectMismatch = invalidClient(
        50048, "Subject must match the issuer claim in the client assertion.")

    /// `aud` is not this tenant's token URL: the composite error of azure-protocol.md §1.4 (today's Entra answers
    /// AADSTS700023 "Client assertion audience claim does not match Realm issuer.").
    static let assertionAudienceMismatch = EntraError(
        status: .unauthorized,
        error: "invalid_client",
        code: 70002,
        text: "Error validating credentials. AADSTS50012: Client assertion audience claim does not match Realm issuer.",
        additionalCodes: [50012]
    )

    /// Outside `nbf`…`exp` (with clock skew); a missing `nbf` prints as 1970 like Entra does.
    static func assertionOutsideValidTime(now: Double, notBefore: Double?, expires: Double) -> EntraError {
        invalidClient(
            700024,
            "Client assertion is not within its valid time range. Current time: \(UTCTime.roundTripInstant(now)), "
                + "assertion valid from \(UTCTime.roundTripInstant(notBefore ?? 0)), expiry time of assertion "
                + "\(UTCTime.roundTripInstant(expires)). Review the documentation at "
                + "https://learn.microsoft.com/entra/identity-platform/certificate-credentials ."
        )
    }

    /// A `jti` this client already used (Entra's code for replays is not documented; this is a guess).
    static func assertionReplayed(_ jti: String) -> EntraError {
        invalidClient(
            50013, "Assertion is invalid. The client assertion with identifier (jti) '\(jti)' has already been used.")
    }

    /// No federated credential of the application trusts the assertion's issuer (Azure/azure-workload-identity #1200).
    static func noFederatedCredentialForIssuer(_ issuer: String) -> EntraError {
        invalidClient(
            700211,
            "No matching federated identity record found for presented assertion issuer '\(issuer)'. Please check "
                + "your federated identity credential Subject, Audience and Issuer against the presented assertion. "
                + "https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation"
        )
    }

    /// The issuer matches but no credential lists the assertion's audience (code by analogy with 700211/700213).
    static func noFederatedCredentialForAudience(_ audience: String) -> EntraError {
        invalidClient(
            700212,
            "No matching federated identity record found for presented assertion audience '\(audience)'. Please check "
                + "your federated identity credential Subject, Audience and Issuer against the presented assertion. "
                + "https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation"
        )
    }

    /// Issuer and audience match but the subject does not (azure-protocol.md §1.5, 2024+).
    static func noFederatedCredentialForSubject(_ subject: String) -> EntraError {
        invalidClient(
            700213,
            "No matching federated identity record found for presented assertion subject '\(subject)'. Check your "
                + "federated identity credential Subject, Audience and Issuer against the presented assertion. "
                + "https://learn.microsoft.com/entra/workload-id/workload-identity-federation"
        )
    }
}
