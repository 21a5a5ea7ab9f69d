import AzspecKit
import Foundation

/// Reports to render and small readers for the rendered XML, for the JUnit writer tests.
enum JUnitFixtures {
    /// 2025-01-15T10:30:00Z.
    static let started = Date(timeIntervalSince1970: 1_736_937_000)

    /// Every kind of text that breaks a naive JUnit writer.
    static let hostile = """
         ]]> <tag attr="v"> & &amp; "quoted" 'single' \u{1B}[31mred\u{1B}[0m nul:\u{0} vt:\u{0B} ff:\u{0C} \
        us:\u{1F} fffe:\u{FFFE} ffff:\u{FFFF} osc:\u{1B}]0;title\u{07} lone:\u{1B}x line1
        line2\ttab\rcr\r
        é 🚀 \u{FFFD} <![CDATA[x]]>
        """

    /// Two suites holding every outcome kind; `extra` is appended to every text the report holds (names, file
    /// paths, messages, types, details, skip reasons, outputs).
    ///
    /// Totals: 6 tests, 1 failure, 1 error, 2 skipped.
    static func everyOutcome(extra: String = "") -> RunReport {
        let token = SuiteReport(
            name: "token" + extra,
            file: "specs/token/v1" + extra + ".yaml",
            timestamp: started,
            duration: 1.5,
            cases: [
                CaseReport(
                    name: "gets a token" + extra, line: 3, duration: 0.1234, outcome: .passed,
                    output: "POST /oauth2/v2.0/token → 200" + extra),
                CaseReport(
                    name: "rejects a bad secret" + extra, line: 9, duration: 0.25,
                    outcome: .failed(
                        Problem(
                            message: "status: expected 401, got 200" + extra,
                            type: "AssertionFailure" + extra,
                            details: "expected: 401\nactual: 200\nrequest-id: 42" + extra
                        )), output: "POST /oauth2/v2.0/token → 200" + extra),
                CaseReport(
                    name: "lists subscriptions" + extra, line: 15, duration: 0.00001,
                    outcome: .errored(
                        Problem(
                            message: "connection refused" + extra,
                            type: "ConnectionError" + extra,
                            details: "GET https://management.azure.com/subscriptions: connection refused" + extra
                        ))),
                CaseReport(
                    name: "needs a certificate" + extra, line: 20, duration: 0,
                    outcome: .skipped(reason: "no certificate configured" + extra)),
            ]
        )
        let arm = SuiteReport(
            name: "resource groups" + extra,
            file: "./specs/arm/rg.yml",
            timestamp: started.addingTimeInterval(1.5),
            duration: 12.3456,
            cases: [
                CaseReport(name: "lists groups" + extra, line: 0, duration: 12.3456, outcome: .passed),
                CaseReport(name: "deletes a group" + extra, line: 7, duration: -3, outcome: .skipped(reason: "")),
            ]
        )
        return RunReport(suites: [token, arm], startedAt: started, duration: 13.8456)
    }

    /// The attributes (still escaped, as written) of every start tag of `element`, in document order.
    static func attributes(of element: String, in xml: String) -> [[String: String]] {
        xml.matches(of: /<([a-z-]+)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/).compactMap { tag in
            guard tag.output.1 == element else { return nil }
            var attributes: [String: String] = [:]
            for attribute in tag.output.2.matches(of: /([a-z-]+)="([^"]*)"/) {
                attributes[String(attribute.output.1)] = String(attribute.output.2)
            }
            return attributes
        }
    }

    /// The document split at each `<testsuite `: one piece per suite, from its start tag to the next one.
    static func suitePieces(of xml: String) -> [String] {
        xml.components(separatedBy: "<testsuite ").dropFirst().map { "<testsuite " + $0 }
    }

    /// How often `fragment` occurs in `text`.
    static func occurrences(of fragment: String, in text: String) -> Int {
        text.components(separatedBy: fragment).count - 1
    }
}
