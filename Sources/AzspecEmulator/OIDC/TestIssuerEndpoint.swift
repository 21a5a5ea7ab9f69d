import AzspecCore
import Hummingbird
import NIOCore

/// HTTP routes of the built-in test issuer below `/_azspec/oidc` (see ``TestIssuer``).
struct TestIssuerEndpoint: Sendable {
    /// Bounds of the `lifetime` form field (negative values make already expired tokens, for tests).
    static let lifetimeRange = -86_400...86_400
    static let defaultLifetime = 600

    let issuer: TestIssuer

    /// Handles `/_azspec/oidc/<rest>`; nil when `rest` names no route.
    func handle(_ request: Request, rest: [String], baseURL: String) async -> Response? {
        switch rest {
        case ["token"]:
            return await mint(request, baseURL: baseURL)
        case ["github"]:
            return github(request, baseURL: baseURL)
        case [".well-known", "openid-configuration"]:
            let issuerURL = TestIssuer.issuerURL(baseURL: baseURL)
            return JSONResponse.make(
                .ok,
                .object([
                    "issuer": .string(issuerURL),
                    "jwks_uri": .string(issuerURL + "/keys"),
                    "subject_types_supported": ["public"],
                    "response_types_supported": ["id_token"],
                    "claims_supported": ["sub", "aud", "exp", "iat", "iss", "jti", "nbf"],
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "scopes_supported": ["openid"],
                ]))
        case ["keys"]:
            return JSONResponse.make(.ok, .object(["keys": [issuer.signer.jsonWebKey]]))
        default:
            return nil
        }
    }

    /// `POST /_azspec/oidc/token` with form fields `subject`, `audience`, `lifetime` → `{"token": "<jwt>"}`.
    private func mint(_ request: Request, baseURL: String) async -> Response {
        guard request.method == .post else {
            return Self.error(.methodNotAllowed, "use POST with form fields subject, audience and lifetime")
        }
        var request = request
        let body = try? await request.collectBody(upTo: 64 * 1024)
        let form = TokenRequest(headers: request.headers, body: body)
        guard let subject = form["subject"] else {
            return Self.error(.badRequest, "the form field 'subject' is required")
        }
        var lifetime = Self.defaultLifetime
        if let text = form["lifetime"] {
            guard let value = Int(text), Self.lifetimeRange.contains(value) else {
                return Self.error(.badRequest, "'lifetime' must be whole seconds between -86400 and 86400")
            }
            lifetime = value
        }
        let audience = form["audience"] ?? TestIssuer.defaultAudience
        do {
            let token = try issuer.token(
                subject: subject, audience: audience, lifetime: lifetime, baseURL: baseURL, now: UTCTime.now())
            return JSONResponse.make(.ok, .object(["token": .string(token)]))
        } catch {
            return Self.error(.internalServerError, "cannot sign the token: \(error)")
        }
    }

    /// `GET /_azspec/oidc/github?audience=…` with `Authorization: Bearer <request token>` → `{"value": "<jwt>"}`,
    /// as GitHub Actions' `ACTIONS_ID_TOKEN_REQUEST_URL` answers.
    private func github(_ request: Request, baseURL: String) -> Response {
        guard request.method == .get else { return Self.error(.methodNotAllowed, "use GET") }
        guard request.headers[.authorization] == "Bearer \(issuer.githubRequestToken)" else {
            return JSONResponse.make(.unauthorized, .object(["message": "Bad credentials"]))
        }
        let subject = issuer.githubSubject
        let audience = QueryParameters(request)["audience"] ?? TestIssuer.githubDefaultAudience(subject: subject)
        do {
            let token = try issuer.token(
                subject: subject,
                audience: audience,
                lifetime: Self.defaultLifetime,
                extraClaims: TestIssuer.githubClaims(subject: subject),
                baseURL: baseURL,
                now: UTCTime.now()
            )
            return JSONResponse.make(.ok, .object(["value": .string(token)]))
        } catch {
            return Self.error(.internalServerError, "cannot sign the token: \(error)")
        }
    }

    private static func error(_ status: HTTPResponse.Status, _ description: String) -> Response {
        JSONResponse.make(status, .object(["error": "invalid_request", "error_description": .string(description)]))
    }
}
