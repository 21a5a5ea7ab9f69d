import AzspecCore
import JSONPath

/// Stage 5, and the exchange's secrets: what each capture selects, worked out once (for the scope when the test
/// passes, and for redaction whether it passes or not), and every secret the exchange carries, registered before
/// anything about the exchange is written.
extension TestExecution {
    /// What each capture selects in this response (nil when nothing, or when the body is not JSON).
    func captureValues(from exchange: Exchange) -> [JSONValue?] {
        test.captures.map { capture in
            switch capture.source {
            case .header(let name):
                return exchange.response.header(name).map { .string($0) }
            case .json(let path):
                guard let document = exchange.body.json else { return nil }
                let nodes = path.values(in: document)
                return path.isSingular ? nodes.first : (nodes.isEmpty ? nil : .array(nodes))
            }
        }
    }

    /// Why the captures cannot be kept (the first that selected nothing), or nil.
    func captureProblem(_ values: [JSONValue?], body: ResponseBody) -> String? {
        guard let index = values.firstIndex(where: { $0 == nil }) else { return nil }
        let capture = test.captures[index]
        switch capture.source {
        case .header(let name): return "capture '\(capture.name)': header \(name) selected nothing"
        case .json(let path):
            if body.json == nil { return "capture '\(capture.name)': the response body is not JSON" }
            return "capture '\(capture.name)': \(path.text) selected nothing"
        }
    }

    /// The secrets a request carries: the credential in its `Authorization` header (the part after the scheme, which
    /// masks the whole header too) and the credential fields of a form body.
    func collectSecrets(of request: PreparedRequest) {
        let secrets = context.secrets
        for (name, value) in request.headers where SecretPolicy.isCredentialHeader(name) {
            if let space = value.firstIndex(of: " ") {
                secrets.add(String(value[value.index(after: space)...]))
            } else {
                secrets.add(value)
            }
        }
        if case .form = test.request?.body, let body = request.body {
            for (name, value) in PercentEncoding.pairs(String(decoding: body, as: UTF8.self), plusAsSpace: true)
            where SecretPolicy.isCredentialField(name) {
                secrets.add(value)
            }
        }
    }

    /// The secrets a response carries: the values of captures marked `secret: true` (a failure prints the body they
    /// are in) and, when the body is JSON that is or may be shown (`parsing`), its token fields, captured or not.
    func collectSecrets(of exchange: Exchange, captured: [JSONValue?], parsing: Bool) {
        let secrets = context.secrets
        for (capture, value) in zip(test.captures, captured) where capture.secret {
            guard let value else { continue }
            let values = if case .array(let nodes) = value { nodes } else { [value] }
            for value in values { secrets.add(value.stringValue ?? value.serialized) }
        }
        guard parsing, case .object(let object)? = exchange.body.json else { return }
        for key in SecretPolicy.tokenFields {
            if let token = object[key]?.stringValue { secrets.add(token) }
        }
        for value in SecretPolicy.listedKeys(in: object) { secrets.add(value) }
    }
}
