/// The text record of one exchange: short (request line, status, Azure request ids) or, with `--verbose`,
/// every header and the start of each body. Always redacted before it leaves.
struct Transcript {
    let request: PreparedRequest
    let response: HTTPResponse?
    let verbose: Bool

    /// Response headers worth keeping in every report: they let Azure support find the request.
    static let requestIDHeaders = ["x-ms-request-id", "x-ms-correlation-request-id", "client-request-id"]
    static let verboseBodyLimit = 4096
    static let summaryBodyLimit = 1000

    func text(_ redactor: Redactor) -> String {
        var lines = ["> \(request.line)"]
        if verbose {
            for (name, value) in request.headers {
                lines.append("> \(name): \(SecretPolicy.isCredentialHeader(name) ? Redactor.mask : value)")
            }
            if let body = request.body, !body.isEmpty {
                lines.append(">")
                lines.append(redactor.clip(String(decoding: body, as: UTF8.self), lines: 40, characters: Self.verboseBodyLimit))
            }
        }
        if let response {
            lines.append("< \(response.status) \(response.reason)")
            for (name, value) in response.headers where verbose || Self.requestIDHeaders.contains(name.lowercased()) {
                lines.append("< \(name): \(SecretPolicy.isCredentialHeader(name) ? Redactor.mask : value)")
            }
            if verbose, !response.body.isEmpty {
                lines.append("<")
                lines.append(redactor.clip(String(decoding: response.body, as: UTF8.self), lines: 60, characters: Self.verboseBodyLimit))
            }
        }
        return redactor.redact(lines.joined(separator: "\n"))
    }

    /// The lines a failure carries: request line, status, request ids and the start of the body.
    /// Secrets are masked before the body is cut, so that a cut cannot leave half a token behind.
    static func summary(request: PreparedRequest, response: HTTPResponse, redactor: Redactor) -> String {
        var lines = ["request: \(request.line)", "response: \(response.status) \(response.reason)"]
        for name in requestIDHeaders {
            if let value = response.header(name) { lines.append("\(name): \(value)") }
        }
        for (name, value) in response.headers where name.lowercased().hasPrefix("x-ms-ratelimit-remaining-") {
            lines.append("\(name.lowercased()): \(value)")
        }
        if !response.body.isEmpty {
            lines.append("body: " + redactor.clip(String(decoding: response.body, as: UTF8.self), lines: 20, characters: summaryBodyLimit))
        }
        return redactor.redact(lines.joined(separator: "\n"))
    }

    static func indent(_ text: String, by prefix: String = "  ") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
    }
}
