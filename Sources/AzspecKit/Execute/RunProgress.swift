import AzspecCore
import Foundation
import Synchronization

/// What has finished so far, so that an interrupted run can still write a report. The one place a running suite's
/// finished tests are kept (the suite takes them back when it ends): a run of many thousands of tests holds each
/// report once.
final class RunProgress: Sendable {
    private struct State {
        var cases: [[CaseReport]]
        var finished: [SuiteReport?]
    }

    let suites: [SuiteSpec]
    let startedAt: Date
    private let state: Mutex<State>

    init(suites: [SuiteSpec], startedAt: Date) {
        self.suites = suites
        self.startedAt = startedAt
        self.state = Mutex(State(cases: Array(repeating: [], count: suites.count), finished: Array(repeating: nil, count: suites.count)))
    }

    func record(_ report: CaseReport, suite index: Int) {
        state.withLock { state in
            // Room for the suite's tests at once: no spare capacity from doubling.
            if state.cases[index].isEmpty { state.cases[index].reserveCapacity(suites[index].tests.count) }
            state.cases[index].append(report)
        }
    }

    /// The finished tests of a suite, in order.
    func cases(of index: Int) -> [CaseReport] {
        state.withLock { $0.cases[index] }
    }

    func finish(_ report: SuiteReport, suite index: Int) {
        state.withLock { state in
            state.finished[index] = report
            state.cases[index] = []
        }
    }

    /// The run as it stands: finished suites as they are, the rest with their unfinished tests skipped.
    func snapshot(reason: String) -> RunReport {
        let now = Date()
        let suites = state.withLock { state in
            self.suites.enumerated().map { index, suite in
                if let finished = state.finished[index] { return finished }
                var cases = state.cases[index]
                for test in suite.tests.dropFirst(cases.count) {
                    cases.append(CaseReport(name: test.name, line: test.location.line, duration: 0, outcome: .skipped(reason: reason)))
                }
                return SuiteReport(
                    name: suite.name, file: suite.file, timestamp: startedAt, duration: now.timeIntervalSince(startedAt),
                    cases: cases)
            }
        }
        return RunReport(suites: suites, startedAt: startedAt, duration: now.timeIntervalSince(startedAt))
    }
}
