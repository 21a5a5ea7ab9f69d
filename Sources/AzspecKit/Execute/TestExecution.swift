import Foundation
import JSONPath

/// Sends one test's request and checks its response.
struct TestExecution {
    let test: TestSpec
    let scope: TemplateScope
    let configuration: RunConfiguration
    let transport: HTTPTransport
    let secrets: SecretStore
    let warnings: RunWarnings
    let verbose: Bool
    /// The identity whose token the test sends (and whose claims `expect.token` checks), if any.
    let credential: Credential?

    /// An identity bound to the run's token cache.
    struct Credential: Sendable {
        let identity: IdentitySpec
        let cloud: CloudEndpoints
        let tokens: TokenCache
        let acquirer: TokenAcquirer

        var cacheKey: String { "\(identity.location)#\(identity.name)|\(cloud.audience)" }

        func token() async throws(AcquisitionError) -> AccessToken {
            try await tokens.token(for: cacheKey) { () async throws(AcquisitionError) -> AccessToken in try await acquirer.acquire() }
        }
    }

    /// Runs the test; on success its captures are added to `scope` for the tests after it.
    func run(capturingInto scope: inout TemplateScope) async -> CaseReport {
        var token: AccessToken?
        if let credential {
            do {
                token = try await credential.token()
            } catch {
                return errored(error.description, type: "AuthenticationError", details: error.description)
            }
        }
        var problems: [String] = []
        if let token {
            do {
                problems += try claimProblems(of: token, scope: scope)
            } catch {
                return errored("\(error.reference.location): \(error)", type: "InvalidSpec", details: "\(error)")
            }
        }
        guard let requestSpec = test.request else {
            return problems.isEmpty
                ? CaseReport(name: test.name, line: test.location.line, duration: 0, outcome: .passed)
                : failed(problems, excerpts: [], request: nil, response: nil)
        }
        var request: PreparedRequest
        do {
            request = try HTTPRequestBuilder.prepare(requestSpec, in: scope, defaultTimeout: configuration.defaultTimeout)
        } catch {
            return errored("\(error)", type: "InvalidSpec", details: "\(error)")
        }
        if let credential, let token {
            let host = TokenRouting.host(of: request.url) ?? request.url
            guard TokenRouting.accepts(host, identity: credential.identity, cloud: credential.cloud) else {
                let message = "identity '\(credential.identity.name)' sends its token only to the cloud's Resource Manager host and the hosts it lists; '\(host)' is neither, so nothing was sent"
                return errored(message, type: "InvalidSpec", details: message + "\nrequest: \(request.line)")
            }
            request.headers.append(("Authorization", "Bearer \(token.value)"))
        }
        learnSecrets(from: request)
        if let host = request.plainHTTPHost {
            warnings.add("plain http:// to '\(host)' sends requests and credentials unencrypted; use https://")
        }
        var response: HTTPResponse
        do {
            response = try await transport.send(request)
            if let credential, let token, Self.refusesToken(response) {
                // The server says the token is no longer good: get a new one and try once more.
                await credential.tokens.invalidate(credential.cacheKey, token: token.value)
                let fresh = try await credential.token()
                request.headers.removeAll { $0.name == "Authorization" }
                request.headers.append(("Authorization", "Bearer \(fresh.value)"))
                learnSecrets(from: request)
                response = try await transport.send(request)
            }
        } catch let error as AcquisitionError {
            return errored(error.description, type: "AuthenticationError", details: error.description, request: request)
        } catch {
            let details = "\(error)\nrequest: \(request.line)"
            return errored("\(error)", type: "ConnectionError", details: details, request: request)
        }
        let body = ResponseBody(bytes: response.body)
        let needsJSON = !test.expect.json.isEmpty || test.captures.contains { if case .json = $0.source { true } else { false } }
        if needsJSON || verbose, let json = body.json { learnSecrets(from: json) }
        let captured = captureValues(from: response, body: body)
        learnSecrets(from: captured)

        var excerpts: [String] = []
        var invalidResponse: String?
        do {
            if let status = test.expect.status, !status.accepts(response.status) {
                problems.append("status: expected \(status), got \(response.status)")
            }
            for expectation in test.expect.headers {
                let subject = MatchSubject.value(response.header(expectation.name).map { .string($0) })
                if let mismatch = try expectation.matcher.mismatch(for: subject, scope: scope) {
                    problems.append("header \(expectation.name): \(mismatch)")
                }
            }
            if let matcher = test.expect.body {
                if let mismatch = try matcher.mismatch(for: .value(.string(body.text)), scope: scope) {
                    problems.append("body: \(mismatch)")
                }
            }
            if !test.expect.json.isEmpty {
                switch body.parsed {
                case .failure(let reason):
                    if problems.isEmpty { invalidResponse = "the response body is not JSON (\(reason))" } else {
                        problems.append("the response body is not JSON (\(reason)), so the JSON assertions were not checked")
                    }
                case .success(let document):
                    for expectation in test.expect.json {
                        let nodes = expectation.path.values(in: document)
                        let subject = MatchSubject(nodes: nodes, singular: expectation.path.isSingular)
                        if let mismatch = try expectation.matcher.mismatch(for: subject, scope: scope) {
                            problems.append("\(expectation.path): \(mismatch)")
                            excerpts.append(Self.excerpt(of: document, at: expectation.path, nodes: nodes, redactor: secrets.redactor))
                        }
                    }
                }
            }
        } catch {
            if let json = body.json { learnSecrets(from: json) }
            return errored("\(error.reference.location): \(error)", type: "InvalidSpec", details: "\(error)", request: request, response: response)
        }
        if let invalidResponse {
            if let json = body.json { learnSecrets(from: json) }
            return errored(invalidResponse, type: "InvalidResponse", details: invalidResponse, request: request, response: response)
        }
        if problems.isEmpty {
            if let problem = captureProblem(captured, body: body) {
                problems.append(problem)
            } else {
                for (capture, value) in zip(test.captures, captured) { scope.values[capture.name] = value }
            }
        }
        if !problems.isEmpty || verbose, let json = body.json { learnSecrets(from: json) }
        guard !problems.isEmpty else {
            let transcript = Transcript(request: request, response: response, verbose: verbose).text(secrets.redactor)
            return CaseReport(name: test.name, line: test.location.line, duration: 0, outcome: .passed, output: transcript)
        }
        return failed(problems, excerpts: excerpts, request: request, response: response)
    }

    private func failed(_ problems: [String], excerpts: [String], request: PreparedRequest?, response: HTTPResponse?) -> CaseReport {
        let redactor = secrets.redactor
        var details = problems.joined(separator: "\n")
        if !excerpts.isEmpty { details += "\n\n" + excerpts.joined(separator: "\n") }
        if let request, let response {
            details += "\n\n" + Transcript.summary(request: request, response: response, redactor: redactor)
        }
        let transcript = request.map { Transcript(request: $0, response: response, verbose: verbose).text(redactor) }
        let message = problems.count == 1 ? problems[0] : "\(problems[0]) (and \(problems.count - 1) more)"
        return CaseReport(
            name: test.name, line: test.location.line, duration: 0,
            outcome: .failed(Problem(message: redactor.redact(message), type: "AssertionFailure", details: redactor.redact(details))),
            output: transcript)
    }

    /// `expect.token`: the claims of the identity's token, decoded without checking the signature.
    private func claimProblems(of token: AccessToken, scope: TemplateScope) throws(TemplateError) -> [String] {
        guard !test.expect.token.isEmpty else { return [] }
        guard let claims = JWT.decode(token.value)?.claims else {
            return ["token: the identity's token is not a JWT, so its claims cannot be checked"]
        }
        return try ClaimMatcher.problems(test.expect.token, in: claims, scope: scope).map { "token claim \($0)" }
    }

    /// A 401 whose `WWW-Authenticate` says `error="invalid_token"`: the token expired or was revoked.
    static func refusesToken(_ response: HTTPResponse) -> Bool {
        response.status == 401 && (response.header("WWW-Authenticate")?.contains("error=\"invalid_token\"") ?? false)
    }

    /// What each capture selects in this response (nil when nothing, or when the body is not JSON), worked out once:
    /// for the scope when the test passes, and for redaction whether it passes or not.
    private func captureValues(from response: HTTPResponse, body: ResponseBody) -> [JSONValue?] {
        test.captures.map { capture in
            switch capture.source {
            case .header(let name):
                return response.header(name).map { .string($0) }
            case .json(let path):
                guard let document = body.json else { return nil }
                let nodes = path.values(in: document)
                return path.isSingular ? nodes.first : (nodes.isEmpty ? nil : .array(nodes))
            }
        }
    }

    /// Why the captures cannot be kept (the first that selected nothing), or nil.
    private func captureProblem(_ values: [JSONValue?], body: ResponseBody) -> String? {
        guard let index = values.firstIndex(where: { $0 == nil }) else { return nil }
        let capture = test.captures[index]
        switch capture.source {
        case .header(let name): return "capture '\(capture.name)': header \(name) selected nothing"
        case .json(let path):
            if body.json == nil { return "capture '\(capture.name)': the response body is not JSON" }
            return "capture '\(capture.name)': \(path.text) selected nothing"
        }
    }

    /// Values of captures marked `secret: true` are secrets whether the test passes (and keeps them) or not: a
    /// failure prints the body they are in.
    private func learnSecrets(from captured: [JSONValue?]) {
        for (capture, value) in zip(test.captures, captured) where capture.secret {
            guard let value else { continue }
            let values = if case .array(let nodes) = value { nodes } else { [value] }
            for value in values { secrets.add(value.stringValue ?? value.serialized) }
        }
    }

    private func learnSecrets(from request: PreparedRequest) {
        for (name, value) in request.headers where name.lowercased() == "authorization" {
            secrets.add(value)
            if let space = value.firstIndex(of: " ") { secrets.add(String(value[value.index(after: space)...])) }
        }
        if case .form = test.request?.body, let body = request.body {
            for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, SecretPolicy.isCredentialField(String(parts[0])) else { continue }
                let value = String(parts[1]).removingPercentEncoding ?? String(parts[1])
                secrets.add(value)
                secrets.add(String(parts[1]))
            }
        }
    }

    /// Token fields of a JSON response (`access_token` and friends) are secrets whether captured or not.
    private func learnSecrets(from json: JSONValue) {
        guard case .object(let object) = json else { return }
        for key in SecretPolicy.tokenFields {
            if let token = object[key]?.stringValue { secrets.add(token) }
        }
    }

    private func errored(
        _ message: String, type: String, details: String, request: PreparedRequest? = nil, response: HTTPResponse? = nil
    ) -> CaseReport {
        let redactor = secrets.redactor
        var text = details
        if let request, let response { text += "\n\n" + Transcript.summary(request: request, response: response, redactor: redactor) }
        let output = request.map { Transcript(request: $0, response: response, verbose: verbose).text(redactor) }
        return CaseReport(
            name: test.name, line: test.location.line, duration: 0,
            outcome: .errored(Problem(message: redactor.redact(message), type: type, details: redactor.redact(text))),
            output: output)
    }

    /// The JSON around an asserted path: the selected value, or the members of the document when nothing matched.
    static func excerpt(of document: JSONValue, at path: JSONPathQuery, nodes: [JSONValue], redactor: Redactor) -> String {
        if let first = nodes.first {
            let text = redactor.redact(first.prettyPrinted())
            return "\(path) selected:\n" + Transcript.indent(redactor.clip(text, lines: 12, characters: 800))
        }
        if case .object(let object) = document {
            return "\(path) selected nothing; the body's top-level members are: \(object.keys.prefix(20).joined(separator: ", "))"
        }
        return "\(path) selected nothing; the body is \(document.typeName == "array" ? "an array" : "a \(document.typeName)")"
    }
}

/// A response body, decoded to text and parsed as JSON at most once, and only when something needs it.
final class ResponseBody {
    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private(set) lazy var text: String = String(decoding: bytes, as: UTF8.self)

    /// The body as JSON, or why it is not JSON.
    private(set) lazy var parsed: Result<JSONValue, BodyNotJSON> = {
        guard !bytes.isEmpty else { return .failure(BodyNotJSON(reason: "the body is empty")) }
        do throws(JSONParseError) {
            return .success(try JSONValue(parsing: bytes))
        } catch {
            return .failure(BodyNotJSON(reason: error.description))
        }
    }()

    var json: JSONValue? { try? parsed.get() }
}

/// Why a body could not be read as JSON.
struct BodyNotJSON: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
