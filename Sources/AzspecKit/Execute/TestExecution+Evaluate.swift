import AzspecCore
import JSONPath

/// Stage 4: the response against `expect`: status, headers, body and JSON.
extension TestExecution {
    enum Evaluation {
        /// What did not hold (empty when everything did), the JSON around each failed path, and where the first
        /// failing assertion stands (the JUnit `line` of the failure, where annotations point).
        case evaluated(mismatches: [String], excerpts: [String], location: SourceLocation?)
        /// The test errs: the spec cannot be evaluated (an undefined name) or the response is not what it can check.
        case errored(CaseReport)
    }

    /// `earlier` says whether an earlier stage already found a problem (a token claim): then a body that is not JSON
    /// is one more problem, not an error.
    func evaluate(_ exchange: Exchange, in scope: TemplateScope, earlier: Bool) -> Evaluation {
        let response = exchange.response
        let body = exchange.body
        var problems: [String] = []
        var excerpts: [String] = []
        var first: SourceLocation?
        func failedAt(_ location: SourceLocation?) {
            if first == nil, let location { first = location }
        }
        do {
            if let status = test.expect.status, !status.accepts(response.status) {
                problems.append("status: expected \(status), got \(ARMErrorBody.status(response.status, body))")
                failedAt(status.location)
            }
            if let time = test.expect.time {
                let broken = time.broken(by: response.elapsed)
                log.add("time: \(DurationText.describe(response.elapsed)) (this response alone, expected \(time.summary))")
                if !broken.isEmpty {
                    problems.append(
                        "time: the response took \(DurationText.describe(response.elapsed)), not \(broken.joined(separator: " and "))")
                    failedAt(time.location)
                }
            }
            if let denied = test.expect.denied, let problem = Self.deniedProblem(response.status, body) {
                problems.append(problem)
                failedAt(denied)
            }
            for expectation in test.expect.headers {
                let subject = MatchSubject.value(response.header(expectation.name).map { .string($0) })
                if let mismatch = try expectation.matcher.mismatch(for: subject, scope: scope) {
                    problems.append("header \(expectation.name): \(mismatch)")
                    failedAt(expectation.location)
                }
            }
            if let matcher = test.expect.body, let mismatch = try matcher.mismatch(for: .value(.string(body.text)), scope: scope) {
                problems.append("body: \(mismatch)")
                failedAt(test.expect.bodyLocation)
            }
            if !test.expect.json.isEmpty {
                switch body.parsed {
                case .failure(let reason):
                    let problem = "the response body is not JSON (\(reason))"
                    guard !problems.isEmpty || earlier else {
                        collectSecrets(of: exchange, captured: [], parsing: true)
                        return .errored(errored(problem, type: "InvalidResponse", details: problem, exchange: exchange))
                    }
                    problems.append(problem + ", so the JSON assertions were not checked")
                case .success(let document):
                    for expectation in test.expect.json {
                        let nodes = expectation.path.values(in: document)
                        let subject = MatchSubject(nodes: nodes, singular: expectation.path.isSingular)
                        if let mismatch = try expectation.matcher.mismatch(for: subject, scope: scope) {
                            problems.append("\(expectation.path): \(mismatch)")
                            failedAt(expectation.location)
                            excerpts.append(
                                Self.excerpt(of: document, at: expectation.path, nodes: nodes, redactor: context.secrets.redactor))
                        }
                    }
                }
            }
        } catch {
            collectSecrets(of: exchange, captured: [], parsing: true)
            return .errored(errored("\(error.reference.location): \(error)", type: "InvalidSpec", details: "\(error)", exchange: exchange))
        }
        return .evaluated(mismatches: problems, excerpts: excerpts, location: first)
    }

    /// `expect.denied`: ARM refused for want of permission, or why not.
    static func deniedProblem(_ status: Int, _ body: ResponseBody) -> String? {
        let error = ARMErrorBody(body)
        if status == 403, let code = error?.code, ARMErrorBody.authorizationCodes.contains(code) { return nil }
        if (200..<300).contains(status) {
            return
                "denied: expected ARM to refuse the request (403 AuthorizationFailed), but it answered \(status): the identity may do this"
        }
        return "denied: expected 403 AuthorizationFailed, got \(ARMErrorBody.status(status, body))"
            + (error.map { ": \($0.message)" } ?? "")
    }

    /// The JSON around an asserted path: the selected value, or the members of the document when nothing matched.
    static func excerpt(of document: JSONValue, at path: JSONPathQuery, nodes: [JSONValue], redactor: Redactor) -> String {
        if nodes.count > 1 {
            let shown = nodes.prefix(20).enumerated().map { index, node in
                "[\(index)] " + redactor.truncate(redactor.redact(node.serialized), to: 160)
            }
            let more = nodes.count > 20 ? ["… and \(nodes.count - 20) more"] : []
            return "\(path) selected \(nodes.count) nodes:\n" + Transcript.indent((shown + more).joined(separator: "\n"))
        }
        if let first = nodes.first {
            return "\(path) selected:\n" + Transcript.indent(redactor.clip(first.prettyPrinted(), lines: 12, characters: 800))
        }
        if case .object(let object) = document {
            return "\(path) selected nothing; the body's top-level members are: \(object.keys.prefix(20).joined(separator: ", "))"
        }
        return "\(path) selected nothing; the body is \(document.typeName == "array" ? "an array" : "a \(document.typeName)")"
    }
}

extension TestExecution {
    /// Bodies from this size on are built only as far as the test reads them.
    static let projectedBodySize = 8 * 1024 * 1024

    /// What a large JSON body is built of (``JSONProjection``): what the test's JSONPaths select, in whole, and the
    /// members azspec reads itself (token fields to mask, ARM's `error`, an operation's `status`). Nil, the whole
    /// body, under ``projectedBodySize``, with `-v` (which prints the body) and for polled or paged requests (which read
    /// each answer's own members).
    func bodyProjection(for response: HTTPResponse) -> JSONProjection? {
        guard response.body.count >= Self.projectedBodySize, !context.verbose, test.request?.poll == nil, test.request?.paginate == nil
        else { return nil }
        var projection = JSONProjection.none
        for expectation in test.expect.json { projection = projection.union(expectation.path.projection) }
        for capture in test.captures {
            if case .json(let path) = capture.source { projection = projection.union(path.projection) }
        }
        for key in SecretPolicy.tokenFields + ["keys", "error", "status"] {
            projection = projection.union(JSONProjection(path: [.member(key)]))
        }
        for key in ["provisioningState", "error"] {
            projection = projection.union(JSONProjection(path: [.member("properties"), .member(key)]))
        }
        return projection
    }
}
