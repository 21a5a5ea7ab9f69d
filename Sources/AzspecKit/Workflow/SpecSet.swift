public import AzspecCore
import Foundation
import Synchronization

/// The spec files behind some paths, loaded and checked with their azspec.yaml, with every diagnostic.
public struct SpecSet: Sendable {
    /// Every file found, in run order, whether it loaded or not.
    public let loaded: [LoadedSpec]
    /// Problems that belong to no spec file: a path that does not exist, an invalid azspec.yaml.
    public let pathDiagnostics: [Diagnostic]
    /// Problems with the run's context (undefined variables, missing environment variables, identities), per file.
    public let contextDiagnostics: [String: [Diagnostic]]
    /// The runnable form of every suite that loaded, by file.
    let plans: [String: SuitePlan]

    /// Finds, parses and validates the specs under `paths` against `environment`; `cloud` is `--cloud`/`--emulator`,
    /// and `offline` (`--emulator`) refuses every request URL that is not on loopback.
    ///
    /// A file found by searching a folder is skipped with a note when it is plainly not a spec: its top level is a
    /// mapping without `tests` (nor a key one typo away from it), as an emulator configuration is. A file named on the
    /// command line is always read as a spec, so that its mistakes are reported. `azspec.yaml`'s `exclude` leaves
    /// files out before they are read.
    public init(
        paths: [String], environment: [String: String], cloud: CloudEndpoints? = nil,
        discovery: SpecDiscovery.Options = SpecDiscovery.Options(), offline: Bool = false
    ) {
        let (found, diagnostics) = SpecDiscovery.files(in: paths, options: discovery)
        let loader = SpecLoader()
        let validator = SpecValidator(environment: environment)
        var loaded: [LoadedSpec] = []
        var context: [String: [Diagnostic]] = [:]
        var plans: [String: SuitePlan] = [:]
        var projects: [String: ProjectFile?] = [:]
        // The project file of each folder, looked up once per folder (the walk up is a few stats per level).
        var located: [String: String?] = [:]
        var projectDiagnostics: [Diagnostic] = []
        var notes: [Diagnostic] = []
        func project(for file: String) -> ProjectFile? {
            let folder = (file as NSString).deletingLastPathComponent
            let path: String?
            if let known = located[folder] {
                path = known
            } else {
                path = ProjectFile.locate(for: file)
                located[folder] = path
            }
            guard let path else { return nil }
            if let known = projects[path] { return known }
            let project = ProjectFile.load(path: path, diagnostics: &projectDiagnostics)
            projects[path] = project
            return project
        }
        let files = found.filter { !($0.searched && project(for: $0.path)?.excludes($0.path) == true) }
        for (file, spec) in zip(files, Self.load(files, with: loader)) {
            if let reason = spec.notASpec {
                notes.append(Diagnostic(.note, at: .whole(file.path), "skipped: \(reason)"))
                continue
            }
            loaded.append(spec)
            let project = project(for: file.path)
            guard let suite = spec.suite else { continue }
            let plan = SuitePlan(
                suite: suite, project: project, cloud: SuitePlan.cloud(override: cloud, environment: environment, project: project))
            plans[file.path] = plan
            context[file.path] =
                validator.validate(suite) + validator.validateIdentities(of: plan, project: project)
                + validator.apiVersionWarnings(plan) + validator.eachWarnings(suite)
                + (offline ? validator.offlineProblems(of: plan) : [])
        }
        self.loaded = loaded
        self.pathDiagnostics = diagnostics + Self.unique(projectDiagnostics) + notes
        self.contextDiagnostics = context
        self.plans = plans
    }

    /// Parses the files side by side (YAML parsing is most of the time a large suite takes to start), in order.
    static func load(_ files: [SpecDiscovery.Found], with loader: SpecLoader) -> [LoadedSpec] {
        guard files.count > 1 else { return files.map { loader.load(file: $0.path, searched: $0.searched) } }
        let results = Mutex([LoadedSpec?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let spec = loader.load(file: files[index].path, searched: files[index].searched)
            results.withLock { $0[index] = spec }
        }
        return results.withLock { $0 }.enumerated().map { index, spec in
            spec ?? loader.load(file: files[index].path, searched: files[index].searched)
        }
    }

    /// Every diagnostic: files in order, each file's by position.
    public var diagnostics: [Diagnostic] {
        Self.unique(
            pathDiagnostics
                + loaded.flatMap { spec in
                    (spec.diagnostics + (contextDiagnostics[spec.file] ?? [])).enumerated()
                        .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
                })
    }

    /// Whether anything stops the run.
    public var hasErrors: Bool {
        loaded.isEmpty || diagnostics.contains { $0.severity == .error } || loaded.contains { $0.hasErrors }
    }

    /// Prints diagnostics with their source lines and carets (each file read once).
    public static func render(_ diagnostics: [Diagnostic]) -> [String] {
        var renderer = DiagnosticRenderer()
        return diagnostics.map { renderer.render($0) }
    }

    /// The suites of the files without errors.
    public var suites: [SuiteSpec] { runnable.map(\.suite) }

    /// The plans of the files without errors, in run order.
    var runnable: [SuitePlan] { loaded.filter { !$0.hasErrors }.compactMap { plans[$0.file] } }

    /// The errors of one file (parse and context), or nil when it is fine.
    func errors(of spec: LoadedSpec) -> [Diagnostic] {
        (spec.diagnostics + (contextDiagnostics[spec.file] ?? [])).filter { $0.severity == .error }
    }

    /// A note at each identity that starts a program for its tokens (`kind: azureCli`), used by a test of a
    /// runnable spec: a spec is code, and `validate` says which specs run programs and which programs.
    public var programNotes: [Diagnostic] {
        var found: [(identity: IdentitySpec, command: [String], files: [String])] = []
        for plan in runnable {
            for test in plan.suite.tests {
                guard let identity = plan.identity(for: test), case .azureCli(let command) = identity.kind else { continue }
                guard let index = found.firstIndex(where: { $0.identity.location == identity.location }) else {
                    found.append((identity, command, [plan.suite.file]))
                    continue
                }
                if found[index].files.last != plan.suite.file { found[index].files.append(plan.suite.file) }
            }
        }
        return found.map { identity, command, files in
            Diagnostic(
                .note, at: identity.location,
                "identity '\(identity.name)' runs a program for its tokens: \(command.joined(separator: " ")) "
                    + "(used by \(files.joined(separator: ", ")))")
        }
    }

    /// Diagnostics once each (an identity used by several files is checked for each of them).
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
