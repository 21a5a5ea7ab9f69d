import AzspecCore
import Foundation

/// The principal an audit names (`permissions.principal`), found in Microsoft Graph by the test's identity, which
/// also proves it exists, and the groups it is in.
extension TestExecution {
    /// Why an audit could not start: the message, and whether the spec is at fault rather than what was read.
    struct PrincipalProblem: Error {
        let message: String
        var invalidSpec = false
    }

    /// For a check read from Microsoft Graph (`credentials`, `entra`): the test's Graph reader and the principal
    /// `template` names, or the errored report saying why not (`errorType` when what was read is at fault).
    func graphPrincipal(
        _ template: Template, in scope: TemplateScope, at location: SourceLocation, errorType: String
    ) async -> Result<(graph: GraphReader, object: GraphReader.Object), StageEnd> {
        func problem(_ problem: PrincipalProblem) -> StageEnd {
            let message = problem.invalidSpec ? "\(location): \(problem.message)" : problem.message
            return StageEnd(errored(message, type: problem.invalidSpec ? "InvalidSpec" : errorType, details: message))
        }
        let text: String
        do {
            text = try scope.render(template).trimmingCharacters(in: .whitespaces)
        } catch {
            return .failure(StageEnd(errored("\(error.reference.location): \(error)", type: "InvalidSpec", details: "\(error)")))
        }
        let graph: GraphReader
        switch await graphReader() {
        case .failure(let failure): return .failure(problem(failure))
        case .success(let reader): graph = reader
        }
        switch await principal(text, graph: graph, scope: scope) {
        case .failure(let failure): return .failure(problem(failure))
        case .success(let object): return .success((graph, object))
        }
    }

    /// The test's identity reading Microsoft Graph: its token for Graph, from the run's cache.
    func graphReader() async -> Result<GraphReader, PrincipalProblem> {
        guard let credential, let graph = TokenResource.named("graph", in: credential.cloud) else {
            return .failure(PrincipalProblem(message: "an audit needs an identity that may read Microsoft Graph", invalidSpec: true))
        }
        let graphCredential = credential.forResource(graph)
        do {
            let token = try await graphCredential.token()
            return .success(GraphReader(reader: ARMReader(execution: self, credential: graphCredential, token: token)))
        } catch {
            return .failure(
                PrincipalProblem(
                    message: "cannot get a Microsoft Graph token for identity '\(credential.identity.name)' (an audit reads the "
                        + "principal and its groups there): \(error.description)"))
        }
    }

    /// The principal `text` names: an object id, an application (client) id, a declared identity's name, or a display
    /// name that only one user, group or service principal has.
    func principal(_ text: String, graph: GraphReader, scope: TemplateScope) async -> Result<GraphReader.Object, PrincipalProblem> {
        if GUID.isValid(text) {
            switch await graph.object(text) {
            case .failure(let failure): return .failure(PrincipalProblem(message: failure.message))
            case .success(let object?): return .success(object)
            case .success(nil): break
            }
            return await single(graph.servicePrincipals(appId: text.lowercased()), text) {
                "principal \(text) does not exist in the tenant: Microsoft Graph knows no object with that id and no service "
                    + "principal with that application (client) id"
            }
        }
        if let identity = identities[text] {
            let reference: (kind: String, value: String)
            do {
                switch identity.directoryReference {
                case .objectId(let template)?: reference = ("object id", try scope.render(template))
                case .clientId(let template)?: reference = ("client id", try scope.render(template))
                case .environmentClientId?:
                    guard let id = context.configuration.environment["AZURE_CLIENT_ID"], !id.isEmpty else {
                        return .failure(
                            PrincipalProblem(message: "identity '\(text)' names its principal by AZURE_CLIENT_ID, which is not set"))
                    }
                    reference = ("client id", id)
                case nil:
                    return .failure(
                        PrincipalProblem(
                            message: "identity '\(text)' (\(identity.kindName)) names no client or object id to look up; "
                                + "name the principal by its object id", invalidSpec: true))
                }
            } catch {
                return .failure(PrincipalProblem(message: "\(error.reference.location): \(error)", invalidSpec: true))
            }
            let id = reference.value.trimmingCharacters(in: .whitespaces)
            guard GUID.isValid(id) else {
                return .failure(PrincipalProblem(message: "identity '\(text)' has \(reference.kind) '\(id)', which is not a GUID"))
            }
            if reference.kind == "object id" { return await principal(id, graph: graph, scope: scope) }
            return await single(graph.servicePrincipals(appId: id.lowercased()), text) {
                "identity '\(text)' has client id \(id), but no service principal of the tenant has that application id"
            }
        }
        return await single(graph.objects(named: text), text) {
            "principal '\(text)' is not an object id, an application id, a declared identity or the display name of any "
                + "user, group or service principal"
        }
    }

    /// The one object of a lookup: none is `missing()`, several are an error that lists them.
    private func single(
        _ found: Result<[GraphReader.Object], GraphReader.Failure>, _ text: String, missing: () -> String
    ) -> Result<GraphReader.Object, PrincipalProblem> {
        switch found {
        case .failure(let failure): return .failure(PrincipalProblem(message: failure.message))
        case .success(let objects) where objects.count == 1: return .success(objects[0])
        case .success(let objects) where objects.isEmpty: return .failure(PrincipalProblem(message: missing()))
        case .success(let objects):
            let listed = objects.prefix(10).map { "\($0.description) (\($0.id))" }.joined(separator: ", ")
            return .failure(
                PrincipalProblem(
                    message: "principal '\(text)' matches \(objects.count) objects: \(listed); name one by its object id",
                    invalidSpec: true))
        }
    }
}

extension TestExecution.Credential {
    /// The same identity, with tokens for `resource` (an audit's Microsoft Graph reads), from the same cache.
    func forResource(_ resource: TokenResource) -> Self {
        let cloud = cloud.forResource(resource)
        let acquirer = TokenAcquirer(
            identity: identity, environment: acquirer.environment, cloud: cloud, transport: acquirer.transport,
            secrets: acquirer.secrets, timeout: acquirer.timeout)
        return Self(identity: identity, cloud: cloud, tokens: tokens, acquirer: acquirer)
    }
}
