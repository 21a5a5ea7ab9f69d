/// The spec files behind some paths, loaded and checked, with every diagnostic.
public struct SpecSet: Sendable {
    /// Every file found, in run order, whether it loaded or not.
    public let loaded: [LoadedSpec]
    /// Problems that belong to no file (a path that does not exist).
    public let pathDiagnostics: [Diagnostic]
    /// Problems with the run's context (undefined variables, missing environment variables), per file.
    public let contextDiagnostics: [String: [Diagnostic]]

    /// Finds, parses and validates the specs under `paths` against `environment`.
    public init(paths: [String], environment: [String: String]) {
        let (files, diagnostics) = SpecDiscovery.files(in: paths)
        let loader = SpecLoader()
        let validator = SpecValidator(environment: environment)
        var loaded: [LoadedSpec] = []
        var context: [String: [Diagnostic]] = [:]
        for file in files {
            let spec = loader.load(file: file)
            loaded.append(spec)
            if let suite = spec.suite { context[file] = validator.validate(suite) }
        }
        self.loaded = loaded
        self.pathDiagnostics = diagnostics
        self.contextDiagnostics = context
    }

    /// Every diagnostic, files in order.
    public var diagnostics: [Diagnostic] {
        pathDiagnostics + loaded.flatMap { $0.diagnostics + (contextDiagnostics[$0.file] ?? []) }
    }

    /// Whether anything stops the run.
    public var hasErrors: Bool {
        loaded.isEmpty || diagnostics.contains { $0.severity == .error } || loaded.contains { $0.hasErrors }
    }

    /// The suites of the files without errors.
    public var suites: [SuiteSpec] { loaded.filter { !$0.hasErrors }.compactMap(\.suite) }

    /// The errors of one file (parse and context), or nil when it is fine.
    func errors(of spec: LoadedSpec) -> [Diagnostic] {
        (spec.diagnostics + (contextDiagnostics[spec.file] ?? [])).filter { $0.severity == .error }
    }
}
