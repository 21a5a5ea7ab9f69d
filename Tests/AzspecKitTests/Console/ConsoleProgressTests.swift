import AzspecCore
import Foundation
import Testing

@testable import AzspecKit

/// The live progress line: counted as tests end, cleared before every line printed, and never on in CI.
struct ConsoleProgressTests {
    final class Recorder: Sendable {
        let events = LockedBox<[String]>([])
        func add(_ event: String) { events.withLock { $0.append(event) } }
    }

    @Test func theLineCountsFilesAndFailuresAndIsClearedBeforeEachLine() async throws {
        let recorder = Recorder()
        let reporter = ConsoleReporter(
            style: ConsoleStyle(color: false), verbose: false, write: { recorder.add("line: \($0)") },
            progress: { recorder.add("progress: \($0)") }, files: 2)
        let loaded = SpecLoader().load(yaml: "name: s\ntests:\n  - { name: t, request: { url: 'http://127.0.0.1:9/' } }\n", file: "a.yaml")
        let suite = try #require(loaded.suite)
        let failed = CaseReport(name: "t", line: 3, duration: 0, outcome: .failed(Problem(message: "m", type: "T", details: "d")))
        reporter.caseFinished(failed, suite: suite, suiteIndex: 0)
        reporter.suiteFinished(SuiteReport(name: "s", file: "a.yaml", timestamp: Date(), duration: 0, cases: [failed]), suiteIndex: 0)
        let events = recorder.events.withLock { $0 }
        #expect(events.first == "progress: ", "cleared before the first line")
        #expect(events.contains("line:   ✗ t  (0 ms)"))
        #expect(events.last == "progress: [1/2 files] 0 passed, 1 failed")
        #expect(events.contains("progress: [0/2 files] 0 passed, 1 failed"))
    }

    @Test func neverInCI() {
        #expect(ConsoleStyle.wantsProgress(environment: ["HOME": "/root"], terminal: true))
        #expect(!ConsoleStyle.wantsProgress(environment: [:], terminal: false))
        for variable in ["CI", "GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI"] {
            #expect(!ConsoleStyle.wantsProgress(environment: [variable: "true"], terminal: true))
        }
    }
}
