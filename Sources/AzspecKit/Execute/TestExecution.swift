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

    /// Runs the test; on success its captures are added to `scope` for the tests after it.
    func run(capturingInto scope: inout TemplateScope) async -> CaseReport {
        let request: PreparedRequest
        do {
            request = try HTTPRequestBuilder.prepare(test.request, in: scope, defaultTimeout: configuration.defaultTimeout)
        } catch {
            return errored("\(error)", type: "InvalidSpec", details: "\(error)")
        }
        learnSecrets(from: request)
        if let host = request.plainHTTPHost {
            warnings.add("plain http:// to '\(host)' sends requests and credentials unencrypted; use https://")
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            let details = "\(error)\nrequest: \(request.line)"
            return errored(error.description, type: "ConnectionError", details: details, request: request)
        }
        let body = ResponseBody(bytes: response.body)
        let needsJSON = !test.expect.json.isEmpty || test.captures.contains { if case .json = $0.source { true } else { false } }
        if needsJSON || verbose, let json = body.json { learnSecrets(from: json) }

        var problems: [String] = []
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
            switch capture(from: response, body: body) {
            case .success(let captured):
                for (name, value) in captured { scope.values[name] = value }
            case .failure(let problem):
                problems.append(problem.message)
            }
        }
        if !problems.isEmpty || verbose, let json = body.json { learnSecrets(from: json) }
        let redactor = secrets.redactor
        let transcript = Transcript(request: request, response: response, verbose: verbose).text(redactor)
        guard !problems.isEmpty else {
            return CaseReport(name: test.name, line: test.location.line, duration: 0, outcome: .passed, output: transcript)
        }
        var details = problems.joined(separator: "\n")
        if !excerpts.isEmpty { details += "\n\n" + excerpts.joined(separator: "\n") }
        details += "\n\n" + Transcript.summary(request: request, response: response, redactor: redactor)
        let message = problems.count == 1 ? problems[0] : "\(problems[0]) (and \(problems.count - 1) more)"
        return CaseReport(
            name: test.name, line: test.location.line, duration: 0,
            outcome: .failed(Problem(message: redactor.redact(message), type: "AssertionFailure", details: redactor.redact(details))),
            output: transcript)
    }

    private func capture(from response: HTTPResponse, body: ResponseBody) -> Result<[(String, JSONValue)], CaptureFailure> {
        var captured: [(String, JSONValue)] = []
        for capture in test.captures {
            let value: JSONValue?
            switch capture.source {
            case .header(let name):
                value = response.header(name).map { .string($0) }
            case .json(let path):
                guard case .success(let document) = body.parsed else {
                    return .failure(CaptureFailure(message: "capture '\(capture.name)': the response body is not JSON"))
                }
                let nodes = path.values(in: document)
                value = path.isSingular ? nodes.first : (nodes.isEmpty ? nil : .array(nodes))
            }
            guard let value else {
                let source: String = switch capture.source {
                case .header(let name): "header \(name)"
                case .json(let path): path.text
                }
                return .failure(CaptureFailure(message: "capture '\(capture.name)': \(source) selected nothing"))
            }
            if capture.secret, let text = value.stringValue { secrets.add(text) }
            captured.append((capture.name, value))
        }
        return .success(captured)
    }

    private func learnSecrets(from request: PreparedRequest) {
        for (name, value) in request.headers where name.lowercased() == "authorization" {
            secrets.add(value)
            if let space = value.firstIndex(of: " ") { secrets.add(String(value[value.index(after: space)...])) }
        }
        if case .form = test.request.body, let body = request.body {
            for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, SpecParser.looksSecret(String(parts[0])) else { continue }
                let value = String(parts[1]).removingPercentEncoding ?? String(parts[1])
                secrets.add(value)
                secrets.add(String(parts[1]))
            }
        }
    }

    /// Token fields of a JSON response (`access_token` and friends) are secrets whether captured or not.
    private func learnSecrets(from json: JSONValue) {
        guard case .object(let object) = json else { return }
        for key in ["access_token", "refresh_token", "id_token", "accessToken"] {
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
            return "\(path) selected:\n" + Transcript.indent(Transcript.clip(text, lines: 12, characters: 800))
        }
        if case .object(let object) = document {
            return "\(path) selected nothing; the body's top-level members are: \(object.keys.prefix(20).joined(separator: ", "))"
        }
        return "\(path) selected nothing; the body is \(document.typeName == "array" ? "an array" : "a \(document.typeName)")"
    }
}

private struct CaptureFailure: Error {
    let message: String
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
