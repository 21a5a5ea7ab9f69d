import AzspecCore
import Foundation
import Testing

@testable import AzspecKit

/// `--report json`, `tap`, `github` and `azure-pipelines`, and the step summary: their shapes, their escaping, and
/// that a canary secret never reaches them in any form.
struct ReportFormatsTests {
    static let canary = "zq8-CANARY-s3cr3t-Vw9"
    let redactor = Redactor(secrets: [canary])

    /// One passing, one failing (with a hostile message and the canary), one errored, one skipped test.
    static var report: RunReport {
        let start = Date(timeIntervalSince1970: 1_736_937_000)
        var failed = CaseReport(
            name: "create # a group, 100% sure", line: 12, duration: 0.25,
            outcome: .failed(
                Problem(
                    message: "status: expected 201, got 403 (AuthorizationFailed)\nsecond line; with ] and :, commas",
                    type: "AssertionFailure", details: "request: PUT /x?sig=\(canary)\nbody: \(canary)")),
            output: "Authorization: Bearer \(canary)")
        failed.column = 9
        failed.requests = [
            RequestRecord(method: "PUT", url: "http://127.0.0.1:1/x?sig=\(canary)", status: 429, duration: 0.01, attempt: 1),
            RequestRecord(method: "PUT", url: "http://127.0.0.1:1/x?sig=\(canary)", status: 403, duration: 0.02, attempt: 2),
        ]
        var report = RunReport(
            suites: [
                SuiteReport(
                    name: "Reader | permissions", file: "specs/03 reader.yaml", timestamp: start, duration: 0.5,
                    cases: [
                        CaseReport(name: "list", line: 5, duration: 0.1, outcome: .passed),
                        failed,
                        CaseReport(
                            name: "unreachable", line: 20, duration: 1,
                            outcome: .errored(Problem(message: "connection refused", type: "ConnectionError", details: "no answer"))),
                        CaseReport(name: "later", line: 30, duration: 0, outcome: .skipped(reason: "needs 'id' # really")),
                    ])
            ], startedAt: start, duration: 1.25)
        report.diagnostics = [Diagnostic(.warning, at: SourceLocation(file: "specs/03 reader.yaml", line: 7, column: 3), "no api-version")]
        return report
    }

    private func assertNoCanary(_ text: String, _ format: String) {
        for start in 0...(Self.canary.count - 6) {
            let piece = String(Array(Self.canary)[start..<(start + 6)])
            #expect(!text.contains(piece), "\(format) holds '\(piece)' of the canary")
        }
    }

    @Test func theJSONReportHasTheVersionedShape() throws {
        let text = JSONReportWriter(redactor: redactor).render(Self.report)
        assertNoCanary(text, "json")
        let document = try #require(JSONValue.parsed(Array(text.utf8)))
        #expect(document["format"] == "azspec-report")
        #expect(document["version"] == .int(1))
        #expect(document["azspec"] == .string(AzspecVersion.current))
        #expect(document["azspecCommit"] == AzspecVersion.commit.map(JSONValue.string), "only when the build named one")
        #expect(document["$schema"] == .string(ReportSchema.id))
        #expect(document["totals"]?["tests"] == .int(4))
        #expect(document["totals"]?["failed"] == .int(1))
        #expect(document["totals"]?["errored"] == .int(1))
        #expect(document["diagnostics"]?[0]?["severity"] == "warning")
        let failed = try #require(document["suites"]?[0]?["tests"]?[1])
        #expect(failed["outcome"] == "failed")
        #expect(failed["line"] == .int(12))
        #expect(failed["column"] == .int(9))
        #expect(failed["problem"]?["type"] == "AssertionFailure")
        #expect(failed["requests"]?[1]?["attempt"] == .int(2))
        #expect(failed["requests"]?[1]?["status"] == .int(403))
        #expect(failed["requests"]?[0]?["url"] == "http://127.0.0.1:1/x?sig=***")
        #expect(document["suites"]?[0]?["tests"]?[3]?["reason"] == "needs 'id' # really")
        #expect(document["suites"]?[0]?["tests"]?[0]?["output"] == .null)
        // The published schema is itself JSON with the same id.
        let schema = try #require(JSONValue.parsed(Array(ReportSchema.text.utf8)))
        #expect(schema["$id"] == .string(ReportSchema.id))
    }

    @Test func tapIsVersion14WithSubtestsDirectivesAndYAMLBlocks() {
        let text = TAPWriter(redactor: redactor).render(Self.report)
        assertNoCanary(text, "tap")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(5)) == ["TAP version 14", "1..1", "# Subtest: Reader | permissions", "    1..4", "    ok 1 - list"])
        #expect(lines.contains("    not ok 2 - create \\# a group, 100% sure"))
        #expect(lines.contains("      severity: fail"))
        #expect(lines.contains("        line: 12"))
        #expect(lines.contains("    not ok 3 - unreachable"))
        #expect(lines.contains("      severity: error"))
        #expect(lines.contains("    ok 4 - later # SKIP needs 'id' # really"))
        #expect(lines.contains("not ok 1 - Reader | permissions"))
        #expect(
            lines.contains("      message: \"status: expected 201, got 403 (AuthorizationFailed)\\nsecond line; with ] and :, commas\""))
    }

    @Test func githubAnnotationsPointAtTheFailingLineAndEscape() {
        let lines = CIAnnotations(.github, redactor: redactor).lines(for: Self.report)
        lines.forEach { assertNoCanary($0, "github") }
        #expect(
            lines == [
                "::warning file=specs/03 reader.yaml,line=7,col=3,title=spec warning::no api-version",
                "::error file=specs/03 reader.yaml,line=12,col=9,title=Reader | permissions › create # a group%2C 100%25 sure::"
                    + "status: expected 201, got 403 (AuthorizationFailed)%0Asecond line; with ] and :, commas",
                "::error file=specs/03 reader.yaml,line=20,title=Reader | permissions › unreachable::connection refused",
            ])
    }

    @Test func aSpecErrorIsTitledInvalidSpecAndAWarningSpecWarning() {
        var report = Self.report
        report.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: "specs/x.yaml", line: 2, column: 1), "unknown key"))
        let lines = CIAnnotations(.github).lines(for: report)
        #expect(lines.first == "::warning file=specs/03 reader.yaml,line=7,col=3,title=spec warning::no api-version")
        #expect(lines.dropFirst().first == "::error file=specs/x.yaml,line=2,col=1,title=spec error::unknown key")
    }

    @Test func azurePipelinesIssuesAndTheFailedResult() {
        let lines = CIAnnotations(.azurePipelines, redactor: redactor).lines(for: Self.report)
        #expect(
            lines == [
                "##vso[task.logissue type=warning;sourcepath=specs/03 reader.yaml;linenumber=7;columnnumber=3;code=spec warning]no api-version",
                "##vso[task.logissue type=error;sourcepath=specs/03 reader.yaml;linenumber=12;columnnumber=9;"
                    + "code=Reader | permissions › create # a group, 100%AZP25 sure]"
                    + "status: expected 201, got 403 (AuthorizationFailed)%0Asecond line; with ] and :, commas",
                "##vso[task.logissue type=error;sourcepath=specs/03 reader.yaml;linenumber=20;code=Reader | permissions › unreachable]connection refused",
                "##vso[task.complete result=Failed;]azspec: 2 of 4 tests failed",
            ])
        var passing = Self.report
        passing.suites[0].cases = [passing.suites[0].cases[0]]
        passing.diagnostics = []
        #expect(CIAnnotations(.azurePipelines).lines(for: passing).isEmpty)
    }

    @Test func theStepSummaryIsATableThatHostileNamesCannotBreak() {
        let text = StepSummaryWriter(redactor: redactor).render(Self.report)
        assertNoCanary(text, "summary")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "### azspec: ❌ 1 test passed, 2 failed, 1 skipped")
        #expect(lines.contains("| ❌ | specs/03 reader.yaml | Reader \\| permissions | 1 | 2 | 1 | 0.50 s |"))
        #expect(
            lines.contains(
                "- **Reader \\| permissions › create \\# a group, 100% sure** (`specs/03 reader.yaml:12`): "
                    + "status: expected 201, got 403 (AuthorizationFailed) second line; with \\] and :, commas"))
    }

    @Test func reportTargetsParseAndRefuseWhatCannotWork() throws {
        #expect(try ReportTarget(parsing: "json") == ReportTarget(format: .json))
        #expect(try ReportTarget(parsing: "HTML=out/r.html") == ReportTarget(format: .html, path: "out/r.html"))
        #expect(try ReportTarget(parsing: "tap=-").file == nil)
        let problems = ["jsonn", "azure-pipelines=x.txt", "json=-"].map { text -> String in
            do {
                _ = try ReportTarget(parsing: text)
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        #expect(
            problems == [
                "--report 'jsonn': unknown report kind 'jsonn' (did you mean 'json'?); use junit, json, html, tap, github, azure-pipelines, each optionally =PATH",
                "--report 'azure-pipelines=x.txt': azure-pipelines writes to standard output; it takes no path",
                "--report 'json=-': only tap can go to standard output (-)",
            ])
        let automatic = ReportSet.automaticTargets(environment: ["GITHUB_ACTIONS": "true", "TF_BUILD": "True"], given: [])
        #expect(automatic.map(\.format) == [.github, .azurePipelines])
        #expect(ReportSet.automaticTargets(environment: ["GITHUB_ACTIONS": "true"], given: [ReportTarget(format: .github)]).isEmpty)
    }
}
