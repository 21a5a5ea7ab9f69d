import Foundation
import Synchronization

/// Prints one line per test as results come in, suites in the order given (a suite that finishes early
/// waits for the ones before it), then a closing `N passed, N failed` line.
///
/// A lock, not an actor: a suite reports each test from its own event loop and goes on without a hop.
public final class ConsoleReporter: RunObserver {
    private struct State {
        var nextSuite = 0
        var headerPrinted = Set<Int>()
        var pending: [Int: [String]] = [:]
        var finished = Set<Int>()
        var counts = (passed: 0, failed: 0, skipped: 0)
    }

    private let style: ConsoleStyle
    private let verbose: Bool
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())
    /// The live progress line's writer (nil: none) and what it counts.
    private let progress: (@Sendable (String) -> Void)?
    private let files: Int

    public init(
        style: ConsoleStyle, verbose: Bool, write: @escaping @Sendable (String) -> Void = ConsoleOutput.out,
        progress: (@Sendable (String) -> Void)? = nil, files: Int = 0
    ) {
        self.style = style
        self.verbose = verbose
        self.progress = progress
        self.files = files
        self.write = { line in
            progress?("")
            write(line)
        }
    }

    /// `[3/9 files] 12 passed, 1 failed`: redrawn after each test.
    private func redrawProgress(_ state: State) {
        guard let progress else { return }
        let counts = state.counts
        var text = "[\(state.finished.count)/\(files) \(files == 1 ? "file" : "files")] \(counts.passed) passed, \(counts.failed) failed"
        if counts.skipped > 0 { text += ", \(counts.skipped) skipped" }
        progress(counts.failed > 0 ? style.red(text) : style.dim(text))
    }

    public func caseFinished(_ result: CaseReport, suite: SuiteSpec, suiteIndex: Int) {
        let lines = Self.lines(for: result, style: style, verbose: verbose)
        // Lines are written under the lock, so that two suites' lines never interleave out of order.
        state.withLock { state in
            defer { redrawProgress(state) }
            switch result.outcome {
            case .passed: state.counts.passed += 1
            case .failed, .errored: state.counts.failed += 1
            case .skipped: state.counts.skipped += 1
            }
            var out: [String] = []
            if !state.headerPrinted.contains(suiteIndex) {
                state.headerPrinted.insert(suiteIndex)
                out.append(style.bold(suite.name) + style.dim("  (\(suite.file))"))
            }
            out.append(contentsOf: lines)
            if suiteIndex == state.nextSuite {
                out.forEach(write)
            } else {
                state.pending[suiteIndex, default: []].append(contentsOf: out)
            }
        }
    }

    public func suiteFinished(_ report: SuiteReport, suiteIndex: Int) {
        state.withLock { state in
            defer { redrawProgress(state) }
            state.finished.insert(suiteIndex)
            if report.cases.isEmpty, !state.headerPrinted.contains(suiteIndex) {
                state.headerPrinted.insert(suiteIndex)
                state.pending[suiteIndex, default: []].append(style.bold(report.name) + style.dim("  (\(report.file))"))
            }
            while state.finished.contains(state.nextSuite) || state.pending[state.nextSuite] != nil {
                state.pending.removeValue(forKey: state.nextSuite)?.forEach(write)
                guard state.finished.contains(state.nextSuite) else { break }
                state.nextSuite += 1
            }
        }
    }

    /// The closing lines: totals and where the report went.
    public func summary(_ report: RunReport, reportPath: String?, extra: [String] = []) {
        progress?("")
        let failed = report.failures + report.errors
        var totals = "\(report.passed) passed, \(failed) failed"
        if report.skipped > 0 { totals += ", \(report.skipped) skipped" }
        var facts = [
            "\(Plural.count(report.tests, "test")) in \(Plural.count(report.suites.count, "file")), "
                + String(format: "%.2f s", report.duration)
        ]
        facts += extra
        if let reportPath { facts.append("report: \(reportPath)") }
        write("")
        write(style.dim(facts.joined(separator: "; ")))
        write(failed > 0 ? style.red(totals) : style.green(totals))
    }

    static func lines(for result: CaseReport, style: ConsoleStyle, verbose: Bool) -> [String] {
        let time = style.dim("(\(Int((result.duration * 1000).rounded())) ms)")
        var lines: [String] = []
        switch result.outcome {
        case .passed:
            lines.append("  \(style.green("✓")) \(result.name)  \(time)")
        case .failed(let problem), .errored(let problem):
            let mark = result.outcome.isError ? style.red("✗ error:") : style.red("✗")
            lines.append("  \(mark) \(result.name)  \(time)")
            lines.append(Transcript.indent(problem.details, by: "      "))
        case .skipped(let reason):
            lines.append("  \(style.yellow("○")) \(result.name)  \(style.dim("skipped: \(reason)"))")
        }
        if verbose, let output = result.output {
            lines.append(style.dim(Transcript.indent(output, by: "      ")))
        }
        return lines
    }
}
