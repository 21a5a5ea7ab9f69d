import AzspecCore
import Hummingbird
import NIOCore

/// Microsoft Entra ID token endpoints: `POST /{tenant}/oauth2/token` (v1) and `/{tenant}/oauth2/v2.0/token` (v2),
/// client-credentials grant with a client secret (form field or HTTP Basic) or a client assertion (certificate or
/// federated credential).
struct TokenEndpoint: Sendable {
    enum Version: Sendable {
        case v1, v2
    }

    static let jwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    private static let reservedScopes: Set<String> = ["openid", "profile", "offline_access"]

    let directory: Directory
    let tokens: AccessTokenIssuer
    let assertions: ClientAssertionVerifier
    let state: EmulatorState

    func handle(
        _ request: Request, body: ByteBuffer?, tenant tenantName: String, version: Version, baseURL: String
    )
        async -> Response
    {
        let now = UTCTime.now()
        let traceId = GUID.random()
        let clientRequestId = request.headers[.clientRequestId]
        guard request.method == .post else {
            return EntraResponse.error(
                .postRequired(request.method), traceId: traceId, clientRequestId: clientRequestId, now: now,
                baseURL: baseURL)
        }
        let form = TokenRequest(headers: request.headers, body: body)
        await state.recordTokenRequest(clientId: form.clientId)
        do {
            let body = try await issue(form, tenantName: tenantName, version: version, now: now, baseURL: baseURL)
            return EntraResponse.success(body, traceId: traceId, clientRequestId: clientRequestId)
        } catch {
            return EntraResponse.error(
                error, traceId: traceId, clientRequestId: clientRequestId, now: now, baseURL: baseURL)
        }
    }

    /// Validates the request in Entra's order and returns the token response body.
    private func issue(
        _ form: TokenRequest, tenantName: String, version: Version, now: Double, baseURL: String
    ) async throws(EntraError) -> String {
        guard let tenant = directory.tenant(tenantName) else { throw .tenantNotFound(tenantName) }
        guard let grantType = form["grant_type"] else { throw .missingParameter("grant_type") }
        guard grantType == "client_credentials" else { throw .unsupportedGrantType(grantType) }
        guard let clientId = form.clientId else { throw .missingParameter("client_id") }
        let resource = try requestedResource(form, version: version)
        guard let principal = directory.principal(clientId: clientId, tenantId: tenant.id) else {
            throw .applicationNotFound(clientId: clientId, tenant: tenantName)
        }
        let authentication = try await authenticate(
            form, principal: principal, clientId: clientId, tenantId: tenant.id, baseURL: baseURL, now: now)
        guard let known = directory.resource(resource, baseURL: baseURL) else {
            throw .resourceNotFound(resource, tenant: tenant.displayName ?? tenant.id)
        }
        // The token's shape is the resource's choice; the response's (numbers as strings in v1) the endpoint's.
        let issued = try tokens.issue(
            for: known, requested: resource, principal: principal, authentication: authentication, now: now)
        switch version {
        case .v1:
            let body: JSONValue = .object([
                "token_type": "Bearer",
                "expires_in": .string(String(issued.lifetime)),
                "ext_expires_in": .string(String(issued.lifetime)),
                "expires_on": .string(String(issued.expiresOn)),
                "not_before": .string(String(issued.notBefore)),
                "resource": .string(resource),
                "access_token": .string(issued.accessToken),
            ])
            return body.serialized
        case .v2:
            let body: JSONValue = .object([
                "token_type": "Bearer",
                "expires_in": .int(issued.lifetime),
                "ext_expires_in": .int(issued.lifetime),
                "access_token": .string(issued.accessToken),
            ])
            return body.serialized
        }
    }

    /// v1: the `resource` field. v2: the single `scope` ending in `/.default`, without that suffix.
    private func requestedResource(_ form: TokenRequest, version: Version) throws(EntraError) -> String {
        switch version {
        case .v1:
            guard let resource = form["resource"] else { throw .missingParameter("resource") }
            return resource
        case .v2:
            guard form["resource"] == nil else { throw .resourceParameterNotSupported }
            guard let scope = form["scope"] else { throw .missingParameter("scope") }
            let scopes = scope.split(separator: " ").map(String.init).filter { !Self.reservedScopes.contains($0) }
            guard scopes.count == 1, let single = scopes.first else { throw .invalidScope(scope) }
            guard single.hasSuffix("/.default"), single.count > "/.default".count else {
                throw .scopeWithoutDefault(scope)
            }
            return String(single.dropLast("/.default".count))
        }
    }

    /// Client authentication: an unexpired secret of the principal, or a client assertion that verifies.
    private func authenticate(
        _ form: TokenRequest, principal: Directory.Principal, clientId: String, tenantId: String, baseURL: String,
        now: Double
    ) async throws(EntraError) -> TokenClaims.ClientAuthentication {
        guard let secret = form.clientSecret else {
            guard let assertion = form["client_assertion"] else { throw .missingCredential }
            guard let assertionType = form["client_assertion_type"] else {
                throw .missingParameter("client_assertion_type")
            }
            guard assertionType == Self.jwtBearerAssertionType else { throw .unsupportedAssertionType }
            try await assertions.verify(
                assertion, principal: principal, tenantId: tenantId, baseURL: baseURL, now: now)
            return .assertion
        }
        let matching = principal.secrets.filter { $0.value == secret }
        guard !matching.isEmpty else { throw .invalidSecret(clientId: clientId) }
        guard matching.contains(where: { ($0.expires ?? .infinity) > now }) else {
            throw .expiredSecret(clientId: clientId)
        }
        return .secret
    }

}
