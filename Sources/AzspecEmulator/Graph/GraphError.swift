import AzspecCore
import Hummingbird

/// An error as Microsoft Graph answers it: `{"error": {"code", "message", "innerError": {"date", "request-id",
/// "client-request-id"}}}`.
struct GraphError: Error {
    let status: HTTPResponse.Status
    let code: String
    let message: String

    /// 401 for a token Graph does not take, in Graph's words.
    static func unauthenticated(_ error: ARMError) -> GraphError {
        let message =
            switch error.code {
            case "AuthenticationFailed": "Access token is empty."
            case "ExpiredAuthenticationToken": "Lifetime validation failed, the token is expired."
            case "InvalidAuthenticationTokenAudience": "Access token validation failure. Invalid audience."
            default: "Access token validation failure."
            }
        return GraphError(status: .unauthorized, code: "InvalidAuthenticationToken", message: message)
    }

    /// 403 for a caller whose token holds none of the permissions the call needs.
    static let denied = GraphError(
        status: .forbidden, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.")

    static func notFound(_ id: String) -> GraphError {
        GraphError(
            status: .notFound, code: "Request_ResourceNotFound",
            message: "Resource '\(id)' does not exist or one of its queried reference-property objects are not present.")
    }

    static func badRequest(_ code: String, _ message: String) -> GraphError {
        GraphError(status: .badRequest, code: code, message: message)
    }

    static func unknownPath(_ method: String, _ path: String) -> GraphError {
        GraphError(status: .badRequest, code: "BadRequest", message: "Resource not found for the segment in \(method) \(path).")
    }

    func json(call: GraphService.Call) -> JSONValue {
        var inner: JSONObject = [
            "date": .string(String(UTCTime.roundTripInstant(UTCTime.now()).prefix(19))), "request-id": .string(call.requestId),
        ]
        if let client = call.clientRequestId { inner["client-request-id"] = .string(client) }
        return .object(["error": .object(["code": .string(code), "message": .string(message), "innerError": .object(inner)])])
    }
}
