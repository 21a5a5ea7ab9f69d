import AzspecCore
import Foundation

/// `azspec token`: acquires an identity's token as a run would and shows what it says (the decoded header and
/// claims), for writing claim assertions. Never the token, never its signature.
public struct TokenInspection: Sendable {
    public let identity: String
    /// `graph`, `keyVault`, `storage` or an audience URI; nil: Resource Manager.
    public let resource: String?
    /// Where `azspec.yaml` is looked for (this folder and above).
    public let folder: String
    public let configuration: RunConfiguration
    public let tls: TLSOptions

    public init(identity: String, resource: String?, folder: String, configuration: RunConfiguration, tls: TLSOptions) {
        self.identity = identity
        self.resource = resource
        self.folder = folder
        self.configuration = configuration
        self.tls = tls
    }

    /// The header and claims as JSON text, with a line saying where the token came from; or why not, with the exit
    /// status to use.
    public func inspect() async -> Result<String, CommandFailure> {
        let project: ProjectFile?
        let identity: IdentitySpec
        switch ProjectIdentity.find(self.identity, in: folder) {
        case .failure(let failure): return .failure(failure)
        case .success(let found): (project, identity) = (found.project, found.identity)
        }
        var cloud = SuitePlan.cloud(override: configuration.cloud, environment: configuration.environment, project: project)
        if let name = resource ?? identity.resource {
            guard let found = TokenResource.named(name, in: cloud) else {
                return .failure(.init(description: TokenResource.problem(name) ?? "unknown resource '\(name)'", status: .invalidInput))
            }
            cloud = cloud.forResource(found)
        }
        let secrets = SecretStore(configuration.environment.filter { SecretPolicy.isSecretVariable($0.key) }.map(\.value))
        do {
            return try await HTTPTransport.withTransport(
                tls: tls, connectTimeout: configuration.defaultTimeout, offline: configuration.offline
            ) {
                transport in
                let acquirer = TokenAcquirer(
                    identity: identity, environment: configuration.environment, cloud: cloud, transport: transport, secrets: secrets,
                    timeout: configuration.defaultTimeout)
                let token: AccessToken
                do {
                    token = try await acquirer.acquire()
                } catch {
                    return .failure(.init(description: secrets.redactor.redact("\(error)"), status: .testsFailed))
                }
                secrets.add(token.value)
                guard let jwt = CompactJWT(token.value) else {
                    return .failure(
                        .init(description: "the token of '\(identity.name)' is not a JWT: it has no claims to show", status: .testsFailed))
                }
                let version = jwt.claims["ver"]?.stringValue.map { "v\($0)" } ?? "unversioned"
                let summary =
                    "identity '\(identity.name)' (\(identity.kindName)), audience \(cloud.audience): a \(version) token; "
                    + "its header and claims (the token and its signature are not shown):"
                let document: JSONValue = ["header": .object(jwt.header), "claims": .object(jwt.claims)]
                return .success(summary + "\n" + document.prettyPrinted())
            }
        } catch {
            return .failure(.init(description: "the HTTP client failed: \(error)", status: .cannotStart))
        }
    }
}
