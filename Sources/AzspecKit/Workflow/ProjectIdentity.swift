import AzspecCore

/// An identity named on the command line (`snapshot`, `token`): from the `azspec.yaml` of a folder (there or above),
/// or the built-in `environment`.
enum ProjectIdentity {
    /// The project file, every identity it declares (with `environment`), and the one named; or why not.
    static func find(
        _ name: String, in folder: String
    ) -> Result<(project: ProjectFile?, identities: [IdentitySpec], identity: IdentitySpec), CommandFailure> {
        var diagnostics: [Diagnostic] = []
        let project = ProjectFile.locate(for: folder + "/azspec-command.yaml").flatMap {
            ProjectFile.load(path: $0, diagnostics: &diagnostics)
        }
        if let error = diagnostics.first(where: { $0.severity == .error }) {
            return .failure(.init(description: error.description, status: .invalidInput))
        }
        let identities = [IdentitySpec.environmentDefault] + (project?.identities ?? [])
        guard let identity = identities.last(where: { $0.name == name }) else {
            let names = identities.map(\.name)
            return .failure(
                .init(
                    description: "unknown identity '\(name)'\(Suggestion.hint(for: name, in: names)); known: "
                        + "\(names.joined(separator: ", ")) (from \(project?.path ?? "no azspec.yaml") and the built-in environment)",
                    status: .invalidInput))
        }
        return .success((project, identities, identity))
    }
}
