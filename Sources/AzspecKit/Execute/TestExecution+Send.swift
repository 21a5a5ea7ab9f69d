/// Stages 2 and 3: the request prepared and checked, then sent, with one new token and one retry when the server
/// refuses the token.
extension TestExecution {
    func prepare(_ spec: RequestSpec, in scope: TemplateScope, token: AccessToken?) -> Result<PreparedRequest, StageEnd> {
        var request: PreparedRequest
        do {
            request = try HTTPRequestBuilder.prepare(spec, in: scope, defaultTimeout: context.configuration.defaultTimeout)
        } catch {
            return .failure(StageEnd(errored("\(error)", type: "InvalidSpec", details: "\(error)")))
        }
        if let credential, let token {
            let host = TokenRouting.host(of: request.url) ?? request.url
            guard TokenRouting.accepts(host, identity: credential.identity, cloud: credential.cloud) else {
                let message =
                    "identity '\(credential.identity.name)' sends its token only to \(TokenRouting.allowedHosts(of: credential.identity, cloud: credential.cloud)); '\(host)' is neither, so nothing was sent"
                return .failure(StageEnd(errored(message, type: "InvalidSpec", details: message + "\nrequest: \(request.line)")))
            }
            if let problem = tokenProblem(token) { return .failure(StageEnd(problem)) }
            request.headers.append(("Authorization", "Bearer \(token.value)"))
        }
        if let host = request.plainHTTPHost {
            context.warnings.add("plain http:// to '\(host)' sends requests and credentials unencrypted; use https://")
        }
        return .success(request)
    }

    func send(_ request: inout PreparedRequest, token: AccessToken?) async -> Result<HTTPResponse, StageEnd> {
        collectSecrets(of: request)
        do {
            var response = try await context.transport.send(request)
            if let credential, let token, Self.refusesToken(response) {
                // The server says the token is no longer good: get a new one and try once more.
                await credential.tokens.invalidate(credential.cacheKey, token: token.value)
                let fresh = try await credential.token()
                if let problem = tokenProblem(fresh) { return .failure(StageEnd(problem)) }
                request.headers.removeAll { $0.name == "Authorization" }
                request.headers.append(("Authorization", "Bearer \(fresh.value)"))
                collectSecrets(of: request)
                response = try await context.transport.send(request)
            }
            return .success(response)
        } catch let error as AcquisitionError {
            return .failure(StageEnd(errored(error.description, type: "AuthenticationError", details: error.description, request: request)))
        } catch {
            let details = "\(error)\nrequest: \(request.line)"
            return .failure(StageEnd(errored("\(error)", type: "ConnectionError", details: details, request: request)))
        }
    }

    /// A token that cannot stand in a header (a control character in what the token endpoint sent): the test errs
    /// before anything is sent, and the message does not repeat the token.
    private func tokenProblem(_ token: AccessToken) -> CaseReport? {
        guard let problem = RequestSyntax.headerValueProblem(token.value) else { return nil }
        let message = "the identity's token cannot be sent in an Authorization header: it \(problem); nothing was sent"
        return errored(message, type: "AuthenticationError", details: message)
    }

    /// A 401 whose `WWW-Authenticate` says `error="invalid_token"`: the token expired or was revoked.
    static func refusesToken(_ response: HTTPResponse) -> Bool {
        response.status == 401 && (response.header("WWW-Authenticate")?.contains("error=\"invalid_token\"") ?? false)
    }
}

/// The report of a test that ended at a stage before the last.
struct StageEnd: Error {
    let report: CaseReport

    init(_ report: CaseReport) {
        self.report = report
    }
}
