import AzspecCore

/// How a test's end becomes its report: every message and transcript redacted with the run's secrets.
extension TestExecution {
    /// The report; the attempt log (retries, polls, pages) ends a failure's details, or leads a passing test's output,
    /// once either way, redacted like everything else.
    func outcome(_ outcome: CaseOutcome, output: String? = nil) -> CaseReport {
        let log = log.all
        guard !log.isEmpty else {
            var report = CaseReport(name: test.name, line: test.location.line, duration: 0, outcome: outcome, output: output)
            report.requests = self.log.requests
            report.column = test.location.column
            return report
        }
        let redactor = context.secrets.redactor
        let text = redactor.redact(log.joined(separator: "\n"))
        var outcome = outcome
        switch outcome {
        case .failed(let problem):
            outcome = .failed(Problem(message: problem.message, type: problem.type, details: problem.details + "\n\n" + text))
        case .errored(let problem):
            outcome = .errored(Problem(message: problem.message, type: problem.type, details: problem.details + "\n\n" + text))
        case .passed, .skipped: break
        }
        let combined = outcome.problem == nil ? [text, output].compactMap { $0 }.joined(separator: "\n") : output
        var report = CaseReport(name: test.name, line: test.location.line, duration: 0, outcome: outcome, output: combined)
        report.requests = self.log.requests
        report.column = test.location.column
        return report
    }

    func transcript(of exchange: Exchange) -> String {
        Transcript(request: exchange.request, response: exchange.response, verbose: context.verbose).text(context.secrets.redactor)
    }

    /// `location`: the failing assertion's, for the JUnit `line` and annotations (the test's own when nil).
    func failed(_ problems: [String], excerpts: [String], exchange: Exchange?, at location: SourceLocation? = nil) -> CaseReport {
        let redactor = context.secrets.redactor
        var details = problems.joined(separator: "\n")
        if let location, let source = context.excerpts.excerpt(at: location) { details += "\n" + source }
        if !excerpts.isEmpty { details += "\n\n" + excerpts.joined(separator: "\n") }
        if let exchange {
            details += "\n\n" + Transcript.summary(request: exchange.request, response: exchange.response, redactor: redactor)
        }
        var message = problems.count == 1 ? problems[0] : "\(problems[0]) (and \(problems.count - 1) more)"
        if let exchange, let facts = Self.armFacts(exchange, redactor: redactor) { message += " [\(facts)]" }
        let problem = Problem(message: redactor.redact(message), type: "AssertionFailure", details: redactor.redact(details))
        var report = outcome(.failed(problem), output: exchange.map(transcript(of:)))
        if let location { (report.line, report.column) = (location.line, location.column) }
        return report
    }

    /// What Azure support asks for, for the failure's one-line message: ARM's `error.code` and `error.message`, the
    /// request ids and the rate-limit counters (`AuthorizationFailed: The client …; x-ms-request-id: …`). Nil when the
    /// response carries none of them.
    static func armFacts(_ exchange: Exchange, redactor: Redactor) -> String? {
        var parts: [String] = []
        if exchange.response.status >= 400, let error = ARMErrorBody(exchange.body) {
            parts.append("\(error.code): " + redactor.clip(error.message, lines: 1, characters: 300))
        }
        for name in Transcript.requestIDHeaders.prefix(2) {
            if let value = exchange.response.header(name) { parts.append("\(name): \(value)") }
        }
        for (name, value) in exchange.response.headers where name.lowercased().hasPrefix("x-ms-ratelimit-remaining-") {
            parts.append("\(name.lowercased()): \(value)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    func errored(_ message: String, type: String, details: String, request: PreparedRequest? = nil) -> CaseReport {
        let redactor = context.secrets.redactor
        let output = request.map { Transcript(request: $0, response: nil, verbose: context.verbose).text(redactor) }
        return outcome(.errored(Problem(message: redactor.redact(message), type: type, details: redactor.redact(details))), output: output)
    }

    func errored(_ message: String, type: String, details: String, exchange: Exchange) -> CaseReport {
        let redactor = context.secrets.redactor
        let text = details + "\n\n" + Transcript.summary(request: exchange.request, response: exchange.response, redactor: redactor)
        return outcome(
            .errored(Problem(message: redactor.redact(message), type: type, details: redactor.redact(text))),
            output: transcript(of: exchange))
    }
}
