import AzspecCore
import Hummingbird

/// One ARM request in flight: what the handlers read from it and the ids its response carries.
struct ARMCall: Sendable {
    let method: HTTPRequest.Method
    /// The decoded path without a trailing slash, echoed as `scope` in AuthorizationFailed messages.
    let path: String
    let segments: [String]
    let query: [(String, String)]
    let authorization: String?
    let baseURL: String
    let requestId: String
    let correlationId: String
    let clientRequestIdEcho: String?
    let now: Double

    init(request: Request, segments: [String], baseURL: String, now: Double) {
        method = request.method
        self.segments = segments
        path = "/" + segments.joined(separator: "/")
        query = request.uri.query.map { PercentEncoding.pairs($0, plusAsSpace: false) } ?? []
        authorization = request.headers[.authorization]
        self.baseURL = baseURL
        self.now = now
        requestId = GUID.random()
        let correlation = request.headers[.msCorrelationRequestId].flatMap { $0.isEmpty || $0.count > 128 ? nil : $0 }
        correlationId = correlation ?? requestId
        if request.headers[.msReturnClientRequestId]?.lowercased() == "true" {
            clientRequestIdEcho = request.headers[.msClientRequestId]
        } else {
            clientRequestIdEcho = nil
        }
    }

    /// The first query value for `name` (names compare case-insensitively, as ARM's do).
    func query(_ name: String) -> String? {
        query.first { $0.0.lowercased() == name }?.1
    }

    var apiVersion: String? { query("api-version") }

    var isHead: Bool { method == .head }
}

/// A successful ARM answer before headers are added.
struct ARMReply: Sendable {
    var status: HTTPResponse.Status
    /// JSON text; nil for responses without a body (204, 202, HEAD).
    var body: String?
    var extraHeaders: [(HeaderName, String)] = []
    /// What remains of the rate-limit counter this request consumed.
    var remaining: Int
}
