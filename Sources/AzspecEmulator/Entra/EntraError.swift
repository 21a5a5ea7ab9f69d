import AzspecCore
import Hummingbird

/// An Entra ID token-endpoint error: HTTP status, OAuth `error`, AADSTS code and text (azure-protocol.md §1.4–1.5).
struct EntraError: Error, Sendable {
    var status: HTTPResponse.Status
    var error: String
    var code: Int
    /// Text after `AADSTS<code>: `; composite errors name their other codes in it.
    var text: String
    /// Further codes of a composite error (`"error_codes":[70002,50012]`).
    var additionalCodes: [Int] = []

    /// The body in Entra's key order, with CRLF-separated trace lines in `error_description`.
    func body(traceId: String, correlationId: String, now: Double, baseURL: String) -> String {
        let timestamp = UTCTime(epochSeconds: Int(now)).entraTimestamp
        let description =
            "AADSTS\(code): \(text)\r\nTrace ID: \(traceId)\r\nCorrelation ID: \(correlationId)\r\n"
            + "Timestamp: \(timestamp)"
        let body: JSONValue = .object([
            "error": .string(error),
            "error_description": .string(description),
            "error_codes": .array(([code] + additionalCodes).map(JSONValue.int)),
            "timestamp": .string(timestamp),
            "trace_id": .string(traceId),
            "correlation_id": .string(correlationId),
            "error_uri": .string("\(baseURL)/error?code=\(code)"),
        ])
        return body.serialized
    }

    static func missingParameter(_ name: String) -> EntraError {
        EntraError(
            status: .badRequest,
            error: "invalid_request",
            code: 900144,
            text: "The request body must contain the following parameter: '\(name)'."
        )
    }

    static func postRequired(_ method: HTTPRequest.Method) -> EntraError {
        EntraError(
            status: .badRequest,
            error: "invalid_request",
            code: 900561,
            text: "The endpoint only accepts POST requests. Received a \(method.rawValue) request."
        )
    }

    static func tenantNotFound(_ tenant: String) -> EntraError {
        EntraError(
            status: .badRequest,
            error: "invalid_request",
            code: 90002,
            text: "Tenant '\(tenant)' not found. This may happen if there are no active subscriptions for the tenant. "
                + "Check to make sure you have the correct tenant ID. Check with your subscription administrator."
        )
    }

    static func unsupportedGrantType(_ grantType: String) -> EntraError {
        EntraError(
            status: .badRequest,
            error: "unsupported_grant_type",
            code: 70003,
            text: "The app requested an unsupported grant type '\(grantType)'."
        )
    }

    static func applicationNotFound(clientId: String, tenant: String) -> EntraError {
        EntraError(
            status: .badRequest,
            error: "unauthorized_client",
            code: 700016,
            text: "Application with identifier '\(clientId)' was not found in the directory '\(tenant)'. This can "
                + "happen if the application has not been installed by the administrator of the tenant or consented "
                + "to by any user in the tenant. You may have sent your authentication request to the wrong tenant."
        )
    }

    static let missingCredential = EntraError(
        status: .unauthorized,
        error: "invalid_client",
        code: 7_000_216,
        text: "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type."
    )

    static func invalidSecret(clientId: String) -> EntraError {
        EntraError(
            status: .unauthorized,
            error: "invalid_client",
            code: 7_000_215,
            text: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret "
                + "value, not the client secret ID, for a secret added to app '\(clientId)'."
        )
    }

    static func expiredSecret(clientId: String) -> EntraError {
        EntraError(
            status: .unauthorized,
            error: "invalid_client",
            code: 7_000_222,
            text: "The provided client secret keys for app '\(clientId)' are expired. Visit the Azure portal to "
                + "create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate "
                + "credentials for added security: https://aka.ms/certCreds."
        )
    }

    static func scopeWithoutDefault(_ scope: String) -> EntraError {
        EntraError(
            status: .badRequest,
            error: "invalid_scope",
            code: 1_002_012,
            text: "The provided value for scope \(scope) is not valid. Client credential flows must have a scope "
                + "value with /.default suffixed to the resource identifier (application ID URI)."
        )
    }

    static func invalidScope(_ scope: String) -> EntraError {
        EntraError(
            status: .badRequest,
            error: "invalid_scope",
            code: 70011,
            text: "The provided value for the input parameter 'scope' is not valid. The scope \(scope) is not valid."
        )
    }

    static func resourceNotFound(_ resource: String, tenant: String) -> EntraError {
        EntraError(
            status: .badRequest,
            error: "invalid_resource",
            code: 500011,
            text: "The resource principal named \(resource) was not found in the tenant named \(tenant). This can "
                + "happen if the application has not been installed by the administrator of the tenant or consented "
                + "to by any user in the tenant. You might have sent your authentication request to the wrong tenant."
        )
    }

    static let resourceParameterNotSupported = EntraError(
        status: .badRequest,
        error: "invalid_request",
        code: 901002,
        text: "The 'resource' request parameter is not supported."
    )
}
