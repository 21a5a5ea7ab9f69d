import Foundation
import Testing

@testable import AzspecKit

@Suite("HTML report")
struct HTMLReportWriterTests {
    static let start = Date(timeIntervalSince1970: 1_736_937_000)  // 2025-01-15T10:30:00Z
    let plain = HTMLReportWriter(redact: { $0 })

    static func suite(_ name: String, file: String = "specs/a.yaml", _ cases: [CaseReport]) -> SuiteReport {
        SuiteReport(name: name, file: file, timestamp: start, duration: 0.5, cases: cases)
    }

    static func problem(_ message: String, details: String = "expected 200\ngot 403") -> Problem {
        Problem(message: message, type: "AssertionFailure", details: details)
    }

    /// 2 files, 5 tests: the passing suite comes first, the failing one second. No URL anywhere.
    static var mixed: RunReport {
        var failed = CaseReport(name: "broken test", line: 41, duration: 0.212, outcome: .failed(problem("status: expected 200")))
        failed.column = 7
        failed.output = "PUT /subscriptions/x 403"
        return RunReport(
            suites: [
                suite("Passing suite", [CaseReport(name: "first passing test", line: 3, duration: 0.1424, outcome: .passed)]),
                suite(
                    "Failing suite", file: "specs/b.yaml",
                    [
                        CaseReport(name: "second passing test", line: 5, duration: 1.2449, outcome: .passed),
                        failed,
                        CaseReport(
                            name: "unreachable test", line: 60, duration: 30, outcome: .errored(problem("connect failed"))),
                        CaseReport(name: "later test", line: 70, duration: 0, outcome: .skipped(reason: "needs --live")),
                    ]),
            ],
            startedAt: start, duration: 1.5)
    }

    // MARK: Escaping

    @Test func escapingWritesMarkupCharactersAsReferences() {
        #expect(HTMLEscaping.text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTMLEscaping.text(#"a "b" & 'c'"#) == "a &quot;b&quot; &amp; &#39;c&#39;")
        #expect(HTMLEscaping.text("plain ✓ text\n\tindented") == "plain ✓ text\n\tindented")
    }

    @Test func sanitizingDropsANSISequencesAndShowsControlCharacters() {
        #expect(HTMLEscaping.sanitized("\u{1B}[1;31mred\u{1B}[0m") == "red")
        #expect(HTMLEscaping.sanitized("\u{1B}]0;title\u{07}after\u{1B}]8;;x\u{1B}\\link") == "afterlink")
        #expect(HTMLEscaping.sanitized("lone\u{1B}") == "lone")
        #expect(HTMLEscaping.sanitized("a\u{0}b\u{7}c\u{7F}d\u{85}") == #"a\u0000b\u0007c\u007Fd\u0085"#)
        #expect(HTMLEscaping.sanitized("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree\tfour")
        #expect(HTMLEscaping.sanitized("\u{202E}txt.exe\u{2066}") == #"\u202Etxt.exe\u2066"#)
        #expect(HTMLEscaping.sanitized("Grüße — 日本 ✓") == "Grüße — 日本 ✓")
    }

    @Test func hostileTextCannotAddMarkupOrControlCharactersToThePage() {
        let hostile = "<script>alert(1)</script>\" onmouseover=\"alert(2)' x='\u{1B}[31m\u{0}\u{8}<img src=x onerror=alert(3)>"
        var test = CaseReport(name: hostile, line: 1, duration: 0, outcome: .failed(Self.problem(hostile, details: hostile)))
        test.output = hostile
        test.requests = [RequestRecord(method: hostile, url: hostile, status: 500, duration: 0.1, attempt: 1)]
        let report = RunReport(suites: [Self.suite(hostile, file: hostile, [test])], startedAt: Self.start, duration: 1)
        let page = plain.render(report)
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("\" onmouseover"))
        #expect(!page.contains("' x='"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)&#39; x=&#39;"))
        #expect(page.contains(#"\u0000\u0008&lt;img"#))
        #expect(!page.unicodeScalars.contains { HTMLEscaping.isTroublesome($0) || $0 == "\r" || $0 == "\u{1B}" })
        #expect(!page.contains("[31m"))
    }

    // MARK: Redaction

    @Test func theCanaryAppearsNowhereInAnyForm() {
        let canary = "s3cr3t-CANARY"
        let writer = HTMLReportWriter(redact: { $0.replacingOccurrences(of: canary, with: "***") })
        var failed = CaseReport(
            name: "test \(canary)", line: 4, duration: 1,
            outcome: .failed(
                Problem(
                    message: "got \(canary), coloured s3cr3t-\u{1B}[1mCANARY\u{1B}[0m", type: "Type\(canary)",
                    details: "body: {\"key\":\"\(canary)\"}\nsplit by colour: s3cr3t-\u{1B}[1mCANARY\n"
                        + String(repeating: "y", count: 19_995) + canary)))
        failed.output = "Authorization: Bearer \(canary)\n" + String(repeating: "line\n", count: 3_000) + canary
        failed.requests = [
            RequestRecord(method: "GET", url: "https://example.invalid/v?sig=\(canary)&x=1", status: nil, duration: 1, attempt: 1)
        ]
        let cutName = String(repeating: "n", count: 295) + canary
        let skipped = CaseReport(name: cutName, line: 9, duration: 0, outcome: .skipped(reason: "because \(canary)"))
        let errored = CaseReport(name: "e", line: 1, duration: 0, outcome: .errored(Self.problem(canary, details: canary)))
        let report = RunReport(
            suites: [Self.suite("suite \(canary)", file: "specs/\(canary).yaml", [failed, skipped, errored])],
            startedAt: Self.start, duration: 1)
        let page = writer.render(report)
        for fragment in ["s3cr3t", "3cr3t", "CANARY", "ANARY", "canary", "s3cr3t%2D", "s3cr3t&#45;", "%43ANARY"] {
            #expect(!page.contains(fragment), "page holds \(fragment)")
        }
        #expect(!page.lowercased().contains("canary"))
        #expect(page.contains("test ***"))
        #expect(page.contains("https://example.invalid/v?sig=***&amp;x=1"))
    }

    @Test func redactionSeesTheTextBeforeItIsEscaped() {
        let secret = #"p<a&"s'w>"#
        let writer = HTMLReportWriter(redact: { $0.replacingOccurrences(of: secret, with: "[masked]") })
        let problem = Self.problem(secret, details: secret)
        let test = CaseReport(name: "name \(secret)", line: 1, duration: 0, outcome: .failed(problem))
        let page = writer.render(RunReport(suites: [Self.suite("s", [test])], startedAt: Self.start, duration: 0))
        #expect(!page.contains("p&lt;a&amp;"))
        #expect(!page.contains("p<a"))
        #expect(page.contains("name [masked]"))
    }

    // MARK: Page

    @Test func aReportWithoutURLsGivesAPageWithoutURLsScriptsOrLinks() {
        let page = plain.render(Self.mixed)
        for forbidden in ["http://", "https://", "<script", "<link", "@import", "url(", "src=", "xmlns"] {
            #expect(!page.contains(forbidden), "page holds \(forbidden)")
        }
        let hrefs = page.components(separatedBy: "href=\"").dropFirst()
        #expect(!hrefs.isEmpty)
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") })
    }

    @Test func thePageIsACompleteDocument() {
        let page = plain.render(Self.mixed)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(page.contains("@media (prefers-color-scheme: dark)"))
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test func failuresComeBeforeEveryPassingTest() throws {
        let page = plain.render(Self.mixed)
        let broken = try #require(page.range(of: "broken test"))
        let unreachable = try #require(page.range(of: "unreachable test"))
        let firstPass = try #require(page.range(of: "first passing test"))
        let failures = try #require(page.range(of: "<section id=\"failures\">"))
        let suites = try #require(page.range(of: "<section id=\"suites\">"))
        #expect(failures.lowerBound < broken.lowerBound)
        #expect(broken.lowerBound < unreachable.lowerBound)
        #expect(unreachable.lowerBound < suites.lowerBound)
        #expect(suites.lowerBound < firstPass.lowerBound)
        #expect(page.contains("id=\"failure-2-2\""))
        #expect(page.contains("<a href=\"#failure-2-2\">broken test</a>"))
        #expect(page.contains("specs/b.yaml:41:7"))
    }

    @Test func onlySuitesWithFailuresAreOpen() {
        let page = plain.render(Self.mixed)
        #expect(page.contains("<details class=\"card fold suite\" id=\"suite-1\">"))
        #expect(page.contains("<details class=\"card fold suite\" id=\"suite-2\" open>"))
    }

    @Test func theSamePageEveryTime() {
        #expect(plain.render(Self.mixed) == plain.render(Self.mixed))
        #expect(plain.render(Self.mixed) == HTMLReportWriter(redact: { $0 }).render(Self.mixed))
    }

    @Test func totalsInTheHeaderAndTitle() {
        let page = plain.render(Self.mixed)
        #expect(page.contains("<title>azspec: FAILED — 2 passed, 1 failed, 1 errored, 1 skipped</title>"))
        for (label, value) in [
            ("Tests", "5"), ("Passed", "2"), ("Failed", "1"), ("Errored", "1"), ("Skipped", "1"),
            ("Files", "2"), ("Duration", "1.50 s"),
        ] {
            #expect(page.contains("<dt>\(label)</dt><dd>\(value)</dd>"), "\(label)")
        }
        #expect(page.contains("<time datetime=\"2025-01-15T10:30:00Z\">"))
        #expect(page.contains("aria-label=\"2 passed, 1 failed, 1 errored, 1 skipped\""))
        let passing = RunReport(
            suites: [Self.suite("s", [CaseReport(name: "t", line: 1, duration: 0, outcome: .passed)])],
            startedAt: Self.start, duration: 0)
        #expect(plain.render(passing).contains("<title>azspec: PASSED — 1 passed</title>"))
    }

    @Test func requestsShowStatusTimeAndRetries() {
        var test = CaseReport(name: "t", line: 1, duration: 1, outcome: .errored(Self.problem("no connection")))
        test.requests = [
            RequestRecord(method: "PUT", url: "/a", status: 429, duration: 0.0644, attempt: 1),
            RequestRecord(method: "PUT", url: "/a", status: nil, duration: 30.0004, attempt: 2),
        ]
        let page = plain.render(RunReport(suites: [Self.suite("s", [test])], startedAt: Self.start, duration: 31))
        #expect(page.contains("<span class=\"failed\">429</span></td><td class=\"num\">64 ms</td><td class=\"num\">1</td>"))
        #expect(page.contains("no response</span></td><td class=\"num\">30000 ms</td><td class=\"num\">2<span class=\"retry\">"))
    }

    @Test func longTranscriptsAreCutAfterRedaction() {
        var test = CaseReport(name: "t", line: 1, duration: 1, outcome: .failed(Self.problem("m")))
        test.output = (1...3_000).map { "line \($0)" }.joined(separator: "\n")
        let page = plain.render(RunReport(suites: [Self.suite("s", [test])], startedAt: Self.start, duration: 1))
        #expect(page.contains("line 2000\n… cut: "))
        #expect(page.contains("3000 lines in all"))
        #expect(!page.contains("line 2001"))
    }

    @Test func anEmptyRunShowsThePlaceholder() {
        let page = plain.render(RunReport(suites: [], startedAt: Self.start, duration: 0))
        #expect(page.contains("no specs found"))
        #expect(page.contains("<title>azspec: FAILED — 0 passed, 1 errored</title>"))
        #expect(page.contains("<dt>Files</dt><dd>0</dd>"))
    }

    @Test(arguments: [
        (0.1424, "142 ms"), (1.2449, "1.24 s"), (125.2, "2 min 05 s"), (-1, "0 ms"), (.nan, "0 ms"),
        (.infinity, "0 ms"),
    ])
    func durations(seconds: Double, text: String) {
        #expect(HTMLReportFormat.duration(seconds) == text)
    }
}
