import AzspecCore
import Foundation

/// Stages 2 and 3: the request prepared and checked, then sent: retried on 429, 503 and 504 (and a reset connection,
/// for idempotent methods) by the test's retry policy, and with one new token and one more try when the server
/// refuses the token.
extension TestExecution {
    func prepare(_ spec: RequestSpec, in scope: TemplateScope, token: AccessToken?) -> Result<PreparedRequest, StageEnd> {
        var request: PreparedRequest
        do {
            request = try HTTPRequestBuilder.prepare(
                spec, in: scope, defaultTimeout: context.configuration.defaultTimeout, defaults: defaults)
        } catch {
            return .failure(StageEnd(errored("\(error)", type: "InvalidSpec", details: "\(error)")))
        }
        let handWritten = request.headers.contains { $0.name.equalsIgnoringASCIICase("authorization") }
        // The URL as the builder parsed it, once: the origin of every credential check below.
        let origin = handWritten || token != nil ? request.parsedURL.flatMap(Origin.init) ?? Origin(url: request.url) : nil
        if handWritten,
            let problem = TokenRouting.problem(
                sending: request.url, origin: origin, credential: "a hand-written Authorization header goes", to: headerOrigins,
                hint: "a header written in a spec goes only to the cloud's endpoints and the origins of the suite's own URLs")
        {
            let message = problem + "; nothing was sent"
            return .failure(StageEnd(errored(message, type: "InvalidSpec", details: message + "\nrequest: \(request.line)")))
        }
        if let credential, let token {
            if let problem = TokenRouting.problem(
                sending: request.url, origin: origin, identity: credential.identity, patterns: credential.origins)
            {
                let message = problem + "; nothing was sent"
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
            var response = try await sendRetrying(request)
            if let credential, let token, Self.refusesToken(response) {
                // The server says the token is no longer good: get a new one and try once more.
                await credential.tokens.invalidate(credential.cacheKey, token: token.value)
                let fresh = try await credential.token()
                if let problem = tokenProblem(fresh) { return .failure(StageEnd(problem)) }
                request.headers.removeAll { $0.name == "Authorization" }
                request.headers.append(("Authorization", "Bearer \(fresh.value)"))
                collectSecrets(of: request)
                response = try await sendRetrying(request)
            }
            return .success(response)
        } catch let error as AcquisitionError {
            return .failure(StageEnd(errored(error.description, type: "AuthenticationError", details: error.description, request: request)))
        } catch {
            let details = "\(error)\nrequest: \(request.line)"
            return .failure(StageEnd(errored("\(error)", type: "ConnectionError", details: details, request: request)))
        }
    }

    /// One exchange under the retry policy; every attempt after the first, and why, goes to the test's attempt log.
    func sendRetrying(_ request: PreparedRequest) async throws(TransportError) -> HTTPResponse {
        let policy = retry
        let total = policy.retries + 1
        var attempt = 1
        var waited = 0.0
        let bucket = rateLimiter.flatMap { _ in RateLimiter.key(for: request, principal: credential?.identity.name) }
        while true {
            var response: HTTPResponse
            if let rateLimiter, let bucket {
                let wait = rateLimiter.take(bucket)
                if wait > .zero {
                    log.add(
                        "rate limit: waiting \(Self.seconds(wait.seconds)) so that ARM's \(bucket.kind) bucket keeps \(Int(rateLimiter.policy.margin)) tokens"
                    )
                    guard await Self.sleep(wait.seconds) else {
                        rateLimiter.answered(bucket, response: nil)
                        throw TransportError(CancellationError(), request: request)
                    }
                }
            }
            let sent = ContinuousClock.now
            do {
                response = try await context.transport.send(request)
                response.elapsed = (ContinuousClock.now - sent).seconds
                if let rateLimiter, let bucket { rateLimiter.answered(bucket, response: response) }
                record(request, status: response.status, since: sent, attempt: attempt)
            } catch {
                if let rateLimiter, let bucket { rateLimiter.answered(bucket, response: nil) }
                record(request, status: nil, since: sent, attempt: attempt)
                let delay = RetryPolicy.backOff(retry: attempt)
                guard attempt < total, error.isConnectionReset, RetryPolicy.idempotentMethods.contains(request.method),
                    waited + delay <= policy.within
                else {
                    if attempt > 1 { log.add("attempt \(attempt) of \(total): \(error)") }
                    throw error
                }
                log.add("attempt \(attempt) of \(total): \(error); retrying in \(Self.seconds(delay))")
                guard await Self.sleep(delay) else { throw error }
                waited += delay
                attempt += 1
                continue
            }
            let status = response.reason.isEmpty ? "\(response.status)" : "\(response.status) \(response.reason)"
            guard RetryPolicy.retriedStatuses.contains(response.status), attempt < total else {
                if attempt > 1 {
                    let outcome = RetryPolicy.retriedStatuses.contains(response.status) ? "no retries left" : "recovered"
                    log.add("attempt \(attempt) of \(total): \(status) (\(outcome))")
                }
                return response
            }
            let requested = RetryPolicy.requestedDelay(response)
            let delay = requested?.seconds ?? RetryPolicy.backOff(retry: attempt)
            let why = requested?.header ?? "exponential back-off"
            guard waited + delay <= policy.within else {
                log.add(
                    "attempt \(attempt) of \(total): \(status); the server asked to wait \(Self.seconds(delay)) (\(why)), "
                        + "beyond the retry budget of \(Self.seconds(policy.within)) in all: not retried")
                return response
            }
            log.add("attempt \(attempt) of \(total): \(status); waiting \(Self.seconds(delay)) (\(why))")
            guard await Self.sleep(delay) else { return response }
            waited += delay
            attempt += 1
        }
    }

    /// One attempt for the JSON and HTML reports, when the run makes either.
    private func record(_ request: PreparedRequest, status: Int?, since sent: ContinuousClock.Instant, attempt: Int) {
        guard context.configuration.recordsRequests else { return }
        log.record(
            RequestRecord(
                method: request.method, url: request.url, status: status, duration: (ContinuousClock.now - sent).seconds,
                attempt: attempt))
    }

    /// Sleeps; false when the run was cancelled (an interrupt) meanwhile.
    private static func sleep(_ seconds: Double) async -> Bool {
        do {
            try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded())))
            return true
        } catch {
            return false
        }
    }

    static func seconds(_ value: Double) -> String {
        String(format: value < 10 ? "%.1f s" : "%.0f s", value)
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
