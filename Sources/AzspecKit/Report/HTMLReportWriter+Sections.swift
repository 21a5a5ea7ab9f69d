import Foundation

/// The failures and the suites of the HTML report.
extension HTMLReportWriter {
    /// Every failed or errored test, in suite and test order, each as a card that is open and can be folded.
    func failuresSection(_ report: RunReport) -> String {
        var cards = ""
        var count = 0
        for (suiteIndex, suite) in report.suites.enumerated() {
            for (caseIndex, test) in suite.cases.enumerated() {
                guard let problem = test.outcome.problem else { continue }
                count += 1
                cards += failureCard(suite, test, problem, id: Self.failureID(suiteIndex, caseIndex))
            }
        }
        guard count > 0 else {
            return "<h2>Failures</h2>\n<p class=\"card allgood\">✓ No test failed or errored.</p>\n"
        }
        return "<section id=\"failures\">\n<h2>Failures <span class=\"count\">\(count)</span></h2>\n\(cards)</section>\n"
    }

    /// Every suite in order, open when it has a failed or errored test, with one table row per test.
    func suitesSection(_ report: RunReport) -> String {
        var html = "<section id=\"suites\">\n<h2>Suites <span class=\"count\">\(report.suites.count)</span></h2>\n"
        for (suiteIndex, suite) in report.suites.enumerated() {
            let failing = suite.failures + suite.errors > 0
            let icon = Self.icon(
                suite.failures > 0
                    ? "failed"
                    : suite.errors > 0
                        ? "errored"
                        : suite.passed == 0 && suite.skipped > 0
                            ? "skipped" : "passed")
            let tally = [
                ("passed", suite.passed), ("failed", suite.failures), ("errored", suite.errors),
                ("skipped", suite.skipped),
            ].filter { $0.1 > 0 }
                .map { "<span class=\"\($0.0 == "passed" ? "ok" : $0.0)\">\($0.1) \($0.0)</span>" }.joined()
            html += """
                <details class="card fold suite" id="suite-\(suiteIndex + 1)"\(failing ? " open" : "")>
                <summary>\(icon)<span class="sname">\(clean(suite.name))</span>\
                <span class="sfile mono">\(clean(suite.file))</span><span class="tally">\(tally)</span>\
                <span class="sdur num">\(HTMLReportFormat.duration(suite.duration))</span></summary>
                <table class="cases">
                <thead><tr><th class="c-icon"></th><th class="c-name">Test</th><th>Result</th>\
                <th class="c-dur num">Duration</th></tr></thead>
                <tbody>

                """
            for (caseIndex, test) in suite.cases.enumerated() {
                html += caseRow(test, failureID: Self.failureID(suiteIndex, caseIndex))
            }
            if suite.cases.isEmpty { html += "<tr><td></td><td colspan=\"3\" class=\"muted\">No tests.</td></tr>\n" }
            html += "</tbody>\n</table>\n</details>\n"
        }
        return html + "</section>\n"
    }

    private func caseRow(_ test: CaseReport, failureID: String) -> String {
        let style = Self.style(test.outcome)
        var name = clean(test.name)
        var note = ""
        switch test.outcome {
        case .passed:
            let retries = test.requests.count { $0.attempt > 1 }
            if !test.requests.isEmpty {
                note =
                    "\(test.requests.count) request\(test.requests.count == 1 ? "" : "s")"
                    + (retries > 0 ? ", \(retries) retr\(retries == 1 ? "y" : "ies")" : "")
            }
        case .skipped(let reason): note = clean(reason, .message)
        case .failed(let problem), .errored(let problem):
            name = "<a href=\"#\(failureID)\">\(name)</a>"
            note = clean(problem.message, .message)
        }
        let duration = test.outcome.isSkipped && test.duration == 0 ? "—" : HTMLReportFormat.duration(test.duration)
        let line = test.line > 0 ? " <span class=\"line\">:\(test.line)</span>" : ""
        return "<tr class=\"is-\(style)\"><td class=\"c-icon\">\(Self.icon(test.outcome))</td><td>\(name)\(line)</td>"
            + "<td class=\"note\">\(note)</td><td class=\"num\">\(duration)</td></tr>\n"
    }

    private func failureCard(_ suite: SuiteReport, _ test: CaseReport, _ problem: Problem, id: String) -> String {
        let style = Self.style(test.outcome)
        var location = clean(suite.file)
        if test.line > 0 { location += ":\(test.line)" + (test.column > 0 ? ":\(test.column)" : "") }
        let type = clean(problem.type)
        var html = """
            <details class="card fold problem is-\(style)" id="\(id)" open>
            <summary>\(type.isEmpty ? "" : "<span class=\"kind\">\(type)</span>")\
            <span class="ptitle">\(Self.icon(test.outcome)) \(clean(suite.name))<span class="sep">›</span>\
            \(clean(test.name))</span>
            <span class="loc">\(location)</span>
            <span class="msg \(style)">\(clean(problem.message, .message))</span></summary>
            <div class="pbody">

            """
        let details = clean(problem.details, .details)
        if !details.isEmpty { html += "<pre class=\"details\">\(details)</pre>\n" }
        if !test.requests.isEmpty { html += requestsTable(test.requests) }
        let output = visible(test.output ?? "", .transcript)
        if !output.isEmpty {
            let lines = Self.lineCount(output)
            html +=
                "<details class=\"fold sub\"><summary>Transcript <span class=\"muted\">\(lines) line"
                + "\(lines == 1 ? "" : "s")</span></summary>\n"
                + "<pre class=\"transcript\">\(HTMLEscaping.escaped(output))</pre>\n</details>\n"
        }
        return html + "</div>\n</details>\n"
    }

    private func requestsTable(_ requests: [RequestRecord]) -> String {
        var html = """
            <h3>Requests <span class="count">\(requests.count)</span></h3>
            <table class="requests">
            <thead><tr><th class="r-method">Method</th><th>URL</th><th class="r-status num">Status</th>\
            <th class="r-time num">Time</th><th class="r-attempt num">Attempt</th></tr></thead>
            <tbody>

            """
        for request in requests {
            let status: String
            switch request.status {
            case .none: status = "<span class=\"errored\">no response</span>"
            case .some(let code) where code >= 400: status = "<span class=\"failed\">\(code)</span>"
            case .some(let code) where (200..<300).contains(code): status = "<span class=\"ok\">\(code)</span>"
            case .some(let code): status = "\(code)"
            }
            let retry = request.attempt > 1 ? "<span class=\"retry\">retry</span>" : ""
            html +=
                "<tr><td class=\"method\">\(clean(request.method))</td><td class=\"url\">\(clean(request.url, .url))</td>"
                + "<td class=\"num\">\(status)</td><td class=\"num\">\(HTMLReportFormat.milliseconds(request.duration)) ms</td>"
                + "<td class=\"num\">\(request.attempt)\(retry)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    // MARK: Outcomes

    /// `failure-2-3`: the third test of the second suite.
    static func failureID(_ suiteIndex: Int, _ caseIndex: Int) -> String {
        "failure-\(suiteIndex + 1)-\(caseIndex + 1)"
    }

    /// The CSS class of an outcome: `passed`, `failed`, `errored` or `skipped`.
    static func style(_ outcome: CaseOutcome) -> String {
        switch outcome {
        case .passed: "passed"
        case .failed: "failed"
        case .errored: "errored"
        case .skipped: "skipped"
        }
    }

    /// ✓, ✗, ! or ○ in the outcome's colour, with its name for screen readers and tooltips.
    static func icon(_ outcome: CaseOutcome) -> String {
        icon(style(outcome))
    }

    /// The icon of an outcome's CSS class (see ``style(_:)``).
    static func icon(_ style: String) -> String {
        let glyph =
            switch style {
            case "passed": "✓"
            case "failed": "✗"
            case "errored": "!"
            default: "○"
            }
        return "<span class=\"icon \(style == "passed" ? "ok" : style)\" role=\"img\" aria-label=\"\(style)\" "
            + "title=\"\(style)\">\(glyph)</span>"
    }
}
