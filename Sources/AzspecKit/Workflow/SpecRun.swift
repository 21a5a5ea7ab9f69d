import AzspecCore
import Foundation

/// `azspec run`: load and check the specs, run them, print results and write the JUnit report.
public struct SpecRun: Sendable {
    /// What the command line said.
    public struct Options: Sendable {
        public var paths: [String]
        public var junitPath: String
        public var junitStyle: JUnitWriter.Style
        public var verbose: Bool
        public var configuration: RunConfiguration
        public var style: ConsoleStyle
        public var tls: TLSOptions

        public init(
            paths: [String], junitPath: String, junitStyle: JUnitWriter.Style, verbose: Bool,
            configuration: RunConfiguration, style: ConsoleStyle, tls: TLSOptions = TLSOptions()
        ) {
            self.tls = tls
            self.paths = paths
            self.junitPath = junitPath
            self.junitStyle = junitStyle
            self.verbose = verbose
            self.configuration = configuration
            self.style = style
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

    /// Runs everything and returns the exit status. Interruption (SIGINT/SIGTERM) still writes the report.
    public func execute() async -> ExitStatus {
        let secrets = SecretStore(
            options.configuration.environment.filter { SecretPolicy.isSecretVariable($0.key) }.map(\.value))
        let sink = OutputSink(secrets: secrets, colours: options.style.color, out: write, error: writeError)
        do {
            try ReportPath.prepare(options.junitPath)
        } catch {
            sink.error("error: \(error)")
            return .cannotStart
        }
        do {
            try options.tls.validate()
        } catch {
            sink.error("error: \(error)")
            writeReport(Self.usageErrorReport("\(error)"), sink: sink)
            return .invalidInput
        }
        if !options.tls.verifyCertificates {
            sink.error("warning: --insecure: TLS certificates are not verified; anyone on the network path can read the tokens sent")
        }
        let specs = SpecSet(paths: options.paths, environment: options.configuration.environment, cloud: options.configuration.cloud)
        for diagnostic in specs.diagnostics { sink.error(diagnostic.description) }
        if specs.hasErrors {
            let report = invalidReport(specs)
            writeReport(report, sink: sink)
            sink.error("error: the specs are invalid; nothing was sent")
            return .invalidInput
        }
        let console = ConsoleReporter(style: options.style, verbose: options.verbose, write: sink.line)
        let runner = Runner(
            plans: specs.runnable, configuration: options.configuration, secrets: secrets, observer: console,
            verbose: options.verbose)
        // With cleanups (`always: true`) to run, the first signal lets them run and the second stops at once.
        let hasCleanups = specs.runnable.contains { $0.suite.tests.contains(where: \.always) }
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
            writeReport(report, sink: sink)
            sink.error("interrupted: report written to \(options.junitPath)")
        }
        defer { trap.cancel() }
        let report: RunReport
        do {
            report = try await SecretStore.$current.withValue(secrets) {
                try await HTTPTransport.withTransport(tls: options.tls, connectTimeout: options.configuration.defaultTimeout) { transport in
                    await runner.run(over: transport)
                }
            }
        } catch {
            sink.error("error: the HTTP client failed: \(error)")
            return .cannotStart
        }
        for warning in runner.warnings.all { sink.error("warning: \(warning)") }
        let written = writeReport(report, sink: sink)
        let tokens = await runner.tokensAcquired
        let extra = tokens > 0 ? ["\(tokens) token\(tokens == 1 ? "" : "s") acquired"] : []
        await console.summary(report, reportPath: written ? options.junitPath : nil, extra: extra)
        if !written { return .cannotStart }
        if runner.wasInterrupted { return .interrupted }
        return report.failures + report.errors > 0 ? .testsFailed : .success
    }

    @discardableResult
    private func writeReport(_ report: RunReport, sink: OutputSink) -> Bool {
        do {
            try JUnitWriter(style: options.junitStyle, redactor: sink.secrets.redactor).write(report, to: options.junitPath)
            return true
        } catch {
            sink.error("error: cannot write the report: \(error)")
            return false
        }
    }

    /// Invalid files become suites with one errored case carrying their diagnostics; the tests of valid
    /// files are reported as not run, since nothing is sent while any spec is invalid.
    private func invalidReport(_ specs: SpecSet) -> RunReport {
        let now = Date()
        var suites: [SuiteReport] = []
        if !specs.pathDiagnostics.isEmpty || specs.loaded.isEmpty {
            let diagnostics =
                specs.pathDiagnostics.isEmpty
                ? [
                    Diagnostic(
                        .error, at: SourceLocation(file: options.paths.joined(separator: " "), line: 1, column: 1), "no spec files found")
                ]
                : specs.pathDiagnostics
            suites.append(Self.invalidSuite(name: "azspec", file: options.paths.first ?? ".", diagnostics: diagnostics, at: now))
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
                suites.append(Self.invalidSuite(name: name, file: spec.file, diagnostics: errors, at: now))
            }
        }
        return RunReport(suites: suites, startedAt: now, duration: 0)
    }

    /// Writes a report saying that the command line was wrong and nothing ran (best effort: a report path that
    /// cannot be written is itself the error already shown).
    public static func writeUsageErrorReport(message: String, junitPath: String, style: JUnitWriter.Style) {
        guard (try? ReportPath.prepare(junitPath)) != nil else { return }
        try? JUnitWriter(style: style).write(usageErrorReport(message), to: junitPath)
    }

    static func usageErrorReport(_ message: String) -> RunReport {
        let now = Date()
        let problem = Problem(
            message: message.split(separator: "\n").first.map(String.init) ?? message, type: "UsageError", details: message)
        let suite = SuiteReport(
            name: "azspec", file: "azspec", timestamp: now, duration: 0,
            cases: [CaseReport(name: "command line is valid", line: 1, duration: 0, outcome: .errored(problem))])
        return RunReport(suites: [suite], startedAt: now, duration: 0)
    }

    static func invalidSuite(name: String, file: String, diagnostics: [Diagnostic], at date: Date) -> SuiteReport {
        let text = diagnostics.map(\.description).joined(separator: "\n")
        let first = diagnostics.first?.description ?? "invalid spec"
        let problem = Problem(
            message: diagnostics.count > 1 ? "\(first) (and \(diagnostics.count - 1) more)" : first, type: "InvalidSpec", details: text)
        let line = diagnostics.first?.location.line ?? 1
        return SuiteReport(
            name: name, file: file, timestamp: date, duration: 0,
            cases: [CaseReport(name: "spec file is valid", line: line, duration: 0, outcome: .errored(problem))])
    }
}

/// Checks up front that the report can be written, so that a run does not send anything only to lose its results.
enum ReportPath {
    static func prepare(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportPathError(path: path, reason: "cannot create the folder \(folder.path)")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ReportPathError(path: path, reason: "it is a folder")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw ReportPathError(path: path, reason: "the folder \(folder.path) is not writable")
        }
    }
}

struct ReportPathError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write the report to \(path): \(reason)" }
}
