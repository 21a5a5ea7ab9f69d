import AzspecCore
import Foundation

/// Every report one run writes: the JUnit file, and each `--report`. Paths are checked before anything is sent;
/// every file is written atomically; every text passes through the run's redactor.
public struct ReportSet: Sendable {
    public var junitPath: String
    public var junitStyle: JUnitWriter.Style
    /// `--report` targets, and `github` / `azure-pipelines` where the CI system's variables are set.
    public var targets: [ReportTarget]
    /// `GITHUB_STEP_SUMMARY`, where `--report github` appends its table unless given a path.
    public var stepSummaryPath: String?

    public init(junitPath: String, junitStyle: JUnitWriter.Style = .jenkins, targets: [ReportTarget] = [], stepSummaryPath: String? = nil) {
        self.junitPath = junitPath
        self.junitStyle = junitStyle
        self.targets = targets
        self.stepSummaryPath = stepSummaryPath
    }

    /// The CI reports that the environment asks for: `github` under GitHub Actions (`GITHUB_ACTIONS=true`),
    /// `azure-pipelines` under Azure Pipelines (`TF_BUILD=True`), unless `--report` names them already.
    public static func automaticTargets(environment: [String: String], given: [ReportTarget]) -> [ReportTarget] {
        var targets: [ReportTarget] = []
        if environment["GITHUB_ACTIONS"]?.lowercased() == "true", !given.contains(where: { $0.format == .github }) {
            targets.append(ReportTarget(format: .github))
        }
        if environment["TF_BUILD"]?.lowercased() == "true", !given.contains(where: { $0.format == .azurePipelines }) {
            targets.append(ReportTarget(format: .azurePipelines))
        }
        return targets
    }

    /// Whether TAP goes to standard output (the console's lines then go to standard error).
    /// Whether a report lists each test's requests (JSON and HTML do).
    public var listsRequests: Bool { targets.contains { $0.format == .json || $0.format == .html } }

    public var tapToStandardOutput: Bool { targets.contains { $0.format == .tap && $0.path == "-" } }

    /// Every file this set writes, JUnit first.
    var files: [(format: ReportFormat, path: String)] {
        var files: [(ReportFormat, String)] = [(.junit, junitPath)]
        for target in targets {
            if let file = target.file { files.append((target.format, file)) }
        }
        return files
    }

    /// Where the step summary goes, when `github` is on and there is somewhere to put it.
    var summaryFile: String? {
        guard let github = targets.first(where: { $0.format == .github }) else { return nil }
        return github.path ?? stepSummaryPath
    }

    /// Checks that every report can be written, before anything is sent.
    public func prepare() throws {
        let paths = files.map(\.path)
        if let twice = paths.first(where: { path in paths.filter { $0 == path }.count > 1 }) {
            throw ReportPathError(path: twice, reason: "two reports would be written to it")
        }
        for path in paths { try ReportPath.prepare(path) }
        if let summaryFile { try ReportPath.prepare(summaryFile) }
    }

    /// Writes every file report; returns the problems (empty when all were written).
    @discardableResult
    public func writeFiles(_ report: RunReport, redactor: Redactor) -> [String] {
        var problems: [String] = []
        for (format, path) in files {
            do {
                switch format {
                case .junit: try JUnitWriter(style: junitStyle, redactor: redactor).write(report, to: path)
                case .json: try JUnitWriter.writeAtomically(JSONReportWriter(redactor: redactor).render(report), to: path)
                case .html: try JUnitWriter.writeAtomically(HTMLReportWriter(redact: redactor.redact).render(report), to: path)
                case .tap: try JUnitWriter.writeAtomically(TAPWriter(redactor: redactor).render(report), to: path)
                case .github, .azurePipelines: break
                }
            } catch {
                problems.append("cannot write the \(format.rawValue) report: \(error)")
            }
        }
        if let summaryFile {
            do {
                try Self.append(StepSummaryWriter(redactor: redactor).render(report), to: summaryFile)
            } catch {
                problems.append("cannot append the step summary to \(summaryFile): \(error.localizedDescription)")
            }
        }
        return problems
    }

    /// TAP's lines, when it goes to standard output (`tap=-`).
    public func standardOutput(_ report: RunReport, redactor: Redactor) -> [String] {
        tapToStandardOutput ? TAPWriter(redactor: redactor).render(report).split(separator: "\n").map(String.init) : []
    }

    /// The CI systems' log commands for the run (`github`, `azure-pipelines`): azspec's own, the only lines that may
    /// speak to the agent.
    public func logCommands(_ report: RunReport, redactor: Redactor) -> [String] {
        var lines: [String] = []
        if targets.contains(where: { $0.format == .github }) { lines += CIAnnotations(.github, redactor: redactor).lines(for: report) }
        if targets.contains(where: { $0.format == .azurePipelines }) {
            lines += CIAnnotations(.azurePipelines, redactor: redactor).lines(for: report)
        }
        return lines
    }

    /// The report files written, for the closing line (`report: reports/junit.xml, reports/azspec.json`).
    public var description: String { files.map(\.path).joined(separator: ", ") }

    /// Appends to a regular file, created if missing; never through a symbolic link (`O_NOFOLLOW`).
    private static func append(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno))
            throw ReportPathError(path: path, reason: reason)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        guard InputFile.isRegularFile(path) else {
            throw ReportPathError(path: path, reason: "it is not a regular file")
        }
        try handle.write(contentsOf: Data(text.utf8))
    }
}
