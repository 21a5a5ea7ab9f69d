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

    /// Finds, parses and validates the specs under `paths` against `environment`; `cloud` is `--cloud`/`--emulator`.
    public init(paths: [String], environment: [String: String], cloud: CloudEndpoints? = nil) {
        let (files, diagnostics) = SpecDiscovery.files(in: paths)
        let loader = SpecLoader()
        let validator = SpecValidator(environment: environment)
        var loaded: [LoadedSpec] = []
        var context: [String: [Diagnostic]] = [:]
        var plans: [String: SuitePlan] = [:]
        var projects: [String: ProjectFile?] = [:]
        var projectDiagnostics: [Diagnostic] = []
        for (file, spec) in zip(files, Self.load(files, with: loader)) {
            loaded.append(spec)
            var project: ProjectFile?
            if let path = ProjectFile.locate(for: file) {
                if let known = projects[path] {
                    project = known
                } else {
                    project = ProjectFile.load(path: path, diagnostics: &projectDiagnostics)
                    projects[path] = project
                }
            }
            guard let suite = spec.suite else { continue }
            let plan = SuitePlan(
                suite: suite, project: project, cloud: SuitePlan.cloud(override: cloud, environment: environment, project: project))
            plans[file] = plan
            context[file] =
                validator.validate(suite) + validator.validateIdentities(of: plan, project: project)
                + validator.apiVersionWarnings(plan)
        }
        self.loaded = loaded
        self.pathDiagnostics = diagnostics + Self.unique(projectDiagnostics)
        self.contextDiagnostics = context
        self.plans = plans
    }

    /// Parses the files side by side (YAML parsing is most of the time a large suite takes to start), in order.
    static func load(_ files: [String], with loader: SpecLoader) -> [LoadedSpec] {
        guard files.count > 1 else { return files.map { loader.load(file: $0) } }
        let results = Mutex([LoadedSpec?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let spec = loader.load(file: files[index])
            results.withLock { $0[index] = spec }
        }
        return results.withLock { $0 }.enumerated().map { index, spec in spec ?? loader.load(file: files[index]) }
    }

    /// Every diagnostic, files in order.
    public var diagnostics: [Diagnostic] {
        Self.unique(pathDiagnostics + loaded.flatMap { $0.diagnostics + (contextDiagnostics[$0.file] ?? []) })
    }

    /// Whether anything stops the run.
    public var hasErrors: Bool {
        loaded.isEmpty || diagnostics.contains { $0.severity == .error } || loaded.contains { $0.hasErrors }
    }

    /// The suites of the files without errors.
    public var suites: [SuiteSpec] { runnable.map(\.suite) }

    /// The plans of the files without errors, in run order.
    var runnable: [SuitePlan] { loaded.filter { !$0.hasErrors }.compactMap { plans[$0.file] } }

    /// The errors of one file (parse and context), or nil when it is fine.
    func errors(of spec: LoadedSpec) -> [Diagnostic] {
        (spec.diagnostics + (contextDiagnostics[spec.file] ?? [])).filter { $0.severity == .error }
    }

    /// Diagnostics once each (an identity used by several files is checked for each of them).
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
