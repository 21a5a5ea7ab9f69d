import Foundation

/// Prints one line per test as results come in, suites in the order given (a suite that finishes early
/// waits for the ones before it), then a closing `N passed, N failed` line.
public actor ConsoleReporter: RunObserver {
    private let style: ConsoleStyle
    private let verbose: Bool
    private let write: @Sendable (String) -> Void
    private var nextSuite = 0
    private var headerPrinted = Set<Int>()
    private var pending: [Int: [String]] = [:]
    private var finished = Set<Int>()
    /// The live progress line's writer (nil: none) and what it counts.
    private let progress: (@Sendable (String) -> Void)?
    private let files: Int
    private var counts = (passed: 0, failed: 0, skipped: 0)

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
    private func redrawProgress() {
        guard let progress else { return }
        var text = "[\(finished.count)/\(files) \(files == 1 ? "file" : "files")] \(counts.passed) passed, \(counts.failed) failed"
        if counts.skipped > 0 { text += ", \(counts.skipped) skipped" }
        progress(counts.failed > 0 ? style.red(text) : style.dim(text))
    }

    public func caseFinished(_ result: CaseReport, suite: SuiteSpec, suiteIndex: Int) {
        defer { redrawProgress() }
        switch result.outcome {
        case .passed: counts.passed += 1
        case .failed, .errored: counts.failed += 1
        case .skipped: counts.skipped += 1
        }
        var lines: [String] = []
        if !headerPrinted.contains(suiteIndex) {
            headerPrinted.insert(suiteIndex)
            lines.append(style.bold(suite.name) + style.dim("  (\(suite.file))"))
        }
        lines.append(contentsOf: Self.lines(for: result, style: style, verbose: verbose))
        if suiteIndex == nextSuite {
            lines.forEach(write)
        } else {
            pending[suiteIndex, default: []].append(contentsOf: lines)
        }
    }

    public func suiteFinished(_ report: SuiteReport, suiteIndex: Int) {
        defer { redrawProgress() }
        finished.insert(suiteIndex)
        if report.cases.isEmpty, !headerPrinted.contains(suiteIndex) {
            headerPrinted.insert(suiteIndex)
            pending[suiteIndex, default: []].append(style.bold(report.name) + style.dim("  (\(report.file))"))
        }
        while finished.contains(nextSuite) || pending[nextSuite] != nil {
            pending.removeValue(forKey: nextSuite)?.forEach(write)
            guard finished.contains(nextSuite) else { break }
            nextSuite += 1
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
        let time = style.dim(String(format: "(%.0f ms)", result.duration * 1000))
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
