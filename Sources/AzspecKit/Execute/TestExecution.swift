import AzspecCore

/// Runs one test through the stages of an exchange, each in a file of its own:
/// authorize (the identity's token, its claims, where it may go) → prepare (templates filled in, the request
/// checked) → send (with one retry on a refused token) → evaluate (status, headers, body, JSON) → capture.
/// Every stage ends the test with a report when it cannot go on; secrets are collected once per exchange, before
/// anything about it is written.
struct TestExecution {
    let test: TestSpec
    let context: RunContext
    /// The identity whose token the test sends (and whose claims `expect.token` checks), if any.
    let credential: Credential?
    /// How throttled and unavailable responses are retried.
    var retry: RetryPolicy = .azureDefault
    /// azspec.yaml's `apiVersion`, `headers` and `timeout`.
    var defaults: RequestDefaults = .none
    /// ARM's buckets for this test's requests (nil: not limited).
    var rateLimiter: RateLimiter?
    /// Where a hand-written `Authorization` header may go (``SuitePlan/headerOrigins``).
    var headerOrigins: [OriginPattern] = []
    /// The identities the suite may name, for `permissions.principal: NAME`.
    var identities: [String: IdentitySpec] = [:]
    /// What happened beyond each first request (retries, pages, polls) and every request sent, for the report.
    let log = ExchangeLog()

    /// Runs the test; on success its captures are added to `scope` for the tests after it. Its report's output
    /// starts with where its token came from (``Credential/provenance(of:)``), when it used one.
    func run(capturingInto scope: inout TemplateScope) async -> CaseReport {
        let token: AccessToken?
        let problems: [String]
        switch await authorize(in: scope) {
        case .done(let report): return report
        case .authorized(let acquired, let claimProblems): (token, problems) = (acquired, claimProblems)
        }
        var report = await run(capturingInto: &scope, token: token, problems: problems)
        if let token, let credential {
            let provenance = context.provenances.line(for: credential.cacheKey + "\n" + token.value) { credential.provenance(of: token) }
            report.output = provenance + (report.output.map { "\n" + $0 } ?? "")
        }
        return report
    }

    private func run(capturingInto scope: inout TemplateScope, token: AccessToken?, problems: [String]) async -> CaseReport {
        var problems = problems
        if let credentials = test.credentials {
            let report = await checkCredentials(credentials, in: scope)
            return report.outcome.isPassed && !problems.isEmpty ? failed(problems, excerpts: [], exchange: nil) : report
        }
        if let entra = test.entra {
            let report = await checkEntra(entra, in: scope)
            return report.outcome.isPassed && !problems.isEmpty ? failed(problems, excerpts: [], exchange: nil) : report
        }
        if let permissions = test.permissions {
            let report = await checkPermissions(permissions, in: scope, token: token)
            // Token claim problems fail a check that passed otherwise.
            return report.outcome.isPassed && !problems.isEmpty ? failed(problems, excerpts: [], exchange: nil) : report
        }
        guard let requestSpec = test.request else {
            return problems.isEmpty ? outcome(.passed) : failed(problems, excerpts: [], exchange: nil)
        }
        var request: PreparedRequest
        switch prepare(requestSpec, in: scope, token: token) {
        case .failure(let end): return end.report
        case .success(let prepared): request = prepared
        }
        var exchange: Exchange
        switch await send(&request, token: token) {
        case .failure(let end): return end.report
        case .success(let response): exchange = Exchange(request: request, response: response, keeping: bodyProjection(for: response))
        }
        if requestSpec.poll != nil || requestSpec.paginate != nil {
            // Their failures show the first response: its secrets are known before anything is written.
            collectSecrets(of: exchange, captured: [], parsing: true)
        }
        if let timeout = requestSpec.poll {
            if let initial = test.expect.initialStatus, !initial.accepts(exchange.response.status) {
                problems.append("initialStatus: expected \(initial), got \(ARMErrorBody.status(exchange.response.status, exchange.body))")
            }
            switch await poll(exchange, token: token, within: timeout) {
            case .failure(let end): return end.report
            case .success(let final): exchange = final
            }
        }
        if let pages = requestSpec.paginate {
            switch await paginate(exchange, token: token, limit: pages) {
            case .failure(let end): return end.report
            case .success(let joined): exchange = joined
            }
        }
        let captured = captureValues(from: exchange)
        collectSecrets(of: exchange, captured: captured, parsing: needsJSON || context.verbose)
        switch evaluate(exchange, in: scope, earlier: !problems.isEmpty) {
        case .errored(let report): return report
        case .evaluated(let mismatches, let excerpts, let location):
            problems += mismatches
            if problems.isEmpty, let problem = captureProblem(captured, body: exchange.body) { problems.append(problem) }
            guard problems.isEmpty else {
                collectSecrets(of: exchange, captured: captured, parsing: true)
                return failed(problems, excerpts: excerpts, exchange: exchange, at: location)
            }
            for (capture, value) in zip(test.captures, captured) { scope.values[capture.name] = value }
            return outcome(.passed, output: transcript(of: exchange))
        }
    }

    /// Whether anything of this test reads the response as JSON.
    var needsJSON: Bool {
        !test.expect.json.isEmpty || test.captures.contains { if case .json = $0.source { true } else { false } }
    }
}
