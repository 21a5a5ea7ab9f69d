import AzspecCore
import Foundation

/// `azspec run`, the pipeline's entry point. Its stages, each in its folder, and what crosses each boundary:
/// discover and load (`Spec/`: paths → `SpecDiscovery.Found` → `SuiteSpec`s in a `SpecSet`), plan (`Plan/`:
/// `SuitePlan`s, validated), select (`Select/`: a `RunSelection`), run (`Execute/`: `SuiteReport`s, `Results/`),
/// report (`Report/`: the console and every report file, through the one `OutputSink`). docs/architecture.md maps
/// the folders.
public struct SpecRun: Sendable {
    /// What the command line said.
    public struct Options: Sendable {
        public var paths: [String]
        public var reports: ReportSet
        public var verbose: Bool
        public var configuration: RunConfiguration
        public var style: ConsoleStyle
        public var tls: TLSOptions
        public var selection: TestSelection
        public var shard: Shard?
        /// `--exclude`: spec paths to leave out, over `azspec.yaml`'s `exclude`.
        public var exclude: [String]
        /// Files that are never specs (the `--emulator-config` file).
        public var notSpecs: [String]
        /// Print each request as a `curl` command instead of sending it (no report is written).
        public var dryRun: Bool

        public init(
            paths: [String], reports: ReportSet, verbose: Bool, configuration: RunConfiguration, style: ConsoleStyle,
            tls: TLSOptions = TLSOptions(), selection: TestSelection = TestSelection(), shard: Shard? = nil, exclude: [String] = [],
            notSpecs: [String] = [], dryRun: Bool = false
        ) {
            self.tls = tls
            self.paths = paths
            self.reports = reports
            self.verbose = verbose
            self.configuration = configuration
            self.style = style
            self.selection = selection
            self.shard = shard
            self.exclude = exclude
            self.notSpecs = notSpecs
            self.dryRun = dryRun
        }
    }

    public let options: Options
    private let write: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void

    public init(
        options: Options, write: @escaping @Sendable (String) -> Void = ConsoleOutput.rawOut,
        writeError: @escaping @Sendable (String) -> Void = ConsoleOutput.rawError
    ) {
        self.options = options
        self.write = write
        self.writeError = writeError
    }

    /// Runs everything and returns the exit status. Interruption (SIGINT/SIGTERM) still writes the reports.
    public func execute() async -> ExitStatus {
        let secrets = SecretStore(
            options.configuration.environment.filter { SecretPolicy.isSecretVariable($0.key) }.map(\.value))
        let sink = OutputSink(secrets: secrets, colours: options.style.color, out: write, error: writeError)
        do {
            try options.reports.prepare()
        } catch {
            sink.error("error: \(error)")
            return .invalidInput
        }
        do {
            try options.tls.validate()
        } catch {
            sink.error("error: \(error)")
            writeReports(SyntheticReport.usageError("\(error)"), sink: sink)
            return .invalidInput
        }
        if !options.tls.verifyCertificates {
            sink.error("warning: --insecure: TLS certificates are not verified; anyone on the network path can read the tokens sent")
        }
        let specs = SpecSet(
            paths: options.paths, environment: options.configuration.environment, cloud: options.configuration.cloud,
            discovery: SpecDiscovery.Options(exclude: options.exclude, notSpecs: options.notSpecs), offline: options.configuration.offline)
        if specs.hasErrors {
            for diagnostic in SpecSet.render(specs.diagnostics) { sink.error(diagnostic) }
            var report = invalidReport(specs)
            report.diagnostics = specs.diagnostics
            writeReports(report, sink: sink)
            sink.error("error: the specs are invalid; nothing was sent")
            return .invalidInput
        }
        let chosen = RunSelection(plans: specs.runnable, selection: options.selection, shard: options.shard)
        // A shard says what concerns its own files (and the project file's), not its siblings' warnings.
        let otherShards =
            options.shard == nil ? [] : Set(specs.runnable.map(\.suite.file)).subtracting(chosen.plans.map(\.suite.file))
        let diagnostics = specs.diagnostics.filter { !otherShards.contains($0.location.file) }
        for diagnostic in SpecSet.render(diagnostics) { sink.error(diagnostic) }
        for note in chosen.notes { sink.error("note: \(note)") }
        if chosen.matchedNothing {
            let message =
                "no test matches \(options.selection.summary) in \(Plural.count(specs.runnable.count, "spec file")); nothing was sent"
            sink.error("error: \(message)")
            var report = SyntheticReport.usageError(message, caseName: "the selection matches a test")
            report.diagnostics = diagnostics
            writeReports(report, sink: sink)
            return .invalidInput
        }
        if options.dryRun {
            for line in DryRun.lines(for: chosen.plans, configuration: options.configuration) { sink.line(line) }
            sink.error(
                "dry run: \(Plural.count(chosen.plans.reduce(0) { $0 + $1.suite.tests.count }, "test")) shown, nothing sent, no report written"
            )
            return .success
        }
        // TAP on standard output: the console's own lines move to standard error.
        let consoleLine: @Sendable (String) -> Void = options.reports.tapToStandardOutput ? sink.error : sink.line
        let console = ConsoleReporter(
            style: options.style, verbose: options.verbose, write: consoleLine, progress: options.style.progress ? sink.progress : nil,
            files: chosen.plans.count)
        var configuration = options.configuration
        configuration.recordsRequests = options.reports.listsRequests
        let runner = Runner(
            plans: chosen.plans, configuration: configuration, secrets: secrets, observer: console, verbose: options.verbose)
        // With cleanups (`always: true`) to run, the first signal lets them run and the second stops at once.
        let hasCleanups = chosen.plans.contains { $0.suite.tests.contains(where: \.always) }
        var graceful: (@Sendable (String) -> Void)?
        if hasCleanups {
            graceful = { signal in
                runner.interrupt(signal)
                sink.error(
                    "interrupted (\(signal)): finishing the tests under way, then the cleanups (always: true); interrupt again to stop at once"
                )
            }
        }
        let trap = InterruptTrap(gracefully: graceful) { signal in
            let report = runner.snapshot(reason: "the run was interrupted (\(signal)) before this test finished")
            writeReports(report, sink: sink)
            sink.error("interrupted: reports written to \(options.reports.description)")
        }
        defer { trap.cancel() }
        var report: RunReport
        do {
            report = try await SecretStore.$current.withValue(secrets) {
                try await HTTPTransport.withTransport(
                    tls: options.tls, connectTimeout: options.configuration.defaultTimeout, offline: options.configuration.offline
                ) { transport in
                    await runner.run(over: transport)
                }
            }
        } catch {
            sink.error("error: the HTTP client failed: \(error)")
            return .cannotStart
        }
        report.diagnostics = diagnostics
        if let shard = options.shard, chosen.plans.isEmpty {
            report = SyntheticReport.emptyShard(shard, files: specs.runnable.count, at: report.startedAt)
        }
        for warning in runner.warnings.all { sink.error("warning: \(warning)") }
        let written = writeReports(report, sink: sink)
        let tokens = await runner.tokensAcquired
        var extra = tokens > 0 ? [Plural.count(tokens, "token") + " acquired"] : []
        if let shard = options.shard { extra.insert("shard \(shard)", at: 0) }
        console.summary(report, reportPath: written ? options.reports.description : nil, extra: extra)
        if !written { return .cannotStart }
        if runner.wasInterrupted { return .interrupted }
        return report.failures + report.errors > 0 ? .testsFailed : .success
    }

    /// Writes every report and prints what goes to standard output (TAP, CI annotations); false when a file could not
    /// be written.
    @discardableResult
    private func writeReports(_ report: RunReport, sink: OutputSink) -> Bool {
        let redactor = sink.secrets.redactor
        let problems = options.reports.writeFiles(report, redactor: redactor)
        for problem in problems { sink.error("error: \(problem)") }
        for line in options.reports.standardOutput(report, redactor: redactor) { sink.line(line) }
        for line in options.reports.logCommands(report, redactor: redactor) { sink.command(line) }
        return problems.isEmpty
    }

    /// Invalid files become suites with one errored case carrying their diagnostics; the tests of valid
    /// files are reported as not run, since nothing is sent while any spec is invalid.
    private func invalidReport(_ specs: SpecSet) -> RunReport {
        let now = Date()
        var suites: [SuiteReport] = []
        let pathErrors = specs.pathDiagnostics.filter { $0.severity == .error }
        if !pathErrors.isEmpty || specs.loaded.isEmpty {
            let diagnostics =
                pathErrors.isEmpty
                ? [
                    Diagnostic(
                        .error, at: SourceLocation(file: options.paths.joined(separator: " "), line: 1, column: 1), "no spec files found")
                ]
                : pathErrors
            suites.append(SyntheticReport.invalidSuite(name: "azspec", file: options.paths.first ?? ".", diagnostics: diagnostics, at: now))
        }
        for spec in specs.loaded {
            let errors = specs.errors(of: spec)
            if let suite = spec.suite, errors.isEmpty, !spec.hasErrors {
                let cases = suite.tests.map {
                    CaseReport(
                        name: $0.name, line: $0.location.line, duration: 0,
                        outcome: .skipped(reason: "not run: other spec files are invalid"))
                }
                suites.append(SuiteReport(name: suite.name, file: spec.file, timestamp: now, duration: 0, cases: cases))
            } else {
                let name = spec.suite?.name ?? (spec.file as NSString).lastPathComponent
                suites.append(SyntheticReport.invalidSuite(name: name, file: spec.file, diagnostics: errors, at: now))
            }
        }
        return RunReport(suites: suites, startedAt: now, duration: 0)
    }

    /// Writes a report saying that the command line was wrong and nothing ran (best effort: a report path that
    /// cannot be written is itself the error already shown).
    public static func writeUsageErrorReport(message: String, reports: ReportSet) {
        guard (try? reports.prepare()) != nil else { return }
        reports.writeFiles(SyntheticReport.usageError(message), redactor: Redactor())
    }
}
