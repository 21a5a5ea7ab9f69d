import AzspecCore

/// ARM's error body, `{"error":{"code":…,"message":…}}` (azure-protocol.md §5.1): what failures show beside a status.
struct ARMErrorBody: Sendable {
    /// The codes of a 403 for want of permission.
    static let authorizationCodes: Set<String> = ["AuthorizationFailed", "LinkedAuthorizationFailed"]

    let code: String
    let message: String

    init?(_ body: ResponseBody) {
        guard let error = body.json?["error"], let code = error["code"]?.stringValue, !code.isEmpty else { return nil }
        self.code = code
        message = error["message"]?.stringValue ?? ""
    }

    /// `403 AuthorizationFailed` when the body is an ARM error, else `403`.
    static func status(_ status: Int, _ body: ResponseBody) -> String {
        guard status >= 400, let error = ARMErrorBody(body) else { return String(status) }
        return "\(status) \(error.code)"
    }
}
