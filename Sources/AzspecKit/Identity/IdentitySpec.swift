import AzspecCore

/// A declared way to get a bearer token, named so that tests can say `identity: NAME`.
///
/// Field names follow azure-identity's vocabulary. Templates in an identity may use `{{env.NAME}}` and
/// `{{cloud.…}}` only (identities are shared by every spec, so they cannot see one suite's variables).
public struct IdentitySpec: Sendable {
    public let name: String
    let kind: Kind
    /// Hosts besides the cloud's Resource Manager host that may receive this identity's token.
    let hosts: [String]
    let location: SourceLocation
    /// The resource its tokens are for (`graph`, `keyVault`, `storage`, an audience URI); nil: Resource Manager.
    var resource: String? = nil

    /// Which token endpoint shape a client-credentials identity uses.
    enum Endpoint: String, Sendable {
        /// `/{tenant}/oauth2/v2.0/token` with `scope={audience}/.default` (the default).
        case v2
        /// `/{tenant}/oauth2/token` with `resource={audience}`.
        case v1
    }

    enum Kind: Sendable {
        /// Client credentials with a client secret.
        case clientSecret(tenant: Template, clientId: Template, secret: Template, endpoint: Endpoint)
        /// Client credentials with a certificate: a signed client assertion.
        case clientCertificate(tenant: Template, clientId: Template, certificate: Template, password: Template?, endpoint: Endpoint)
        /// Federated credentials: an assertion from a token file or GitHub Actions' OIDC endpoint.
        case workloadIdentity(tenant: Template, clientId: Template, tokenFile: Template?, audience: String)
        /// Azure's managed identity endpoints (IMDS, or App Service when IDENTITY_ENDPOINT/IDENTITY_HEADER are set).
        case managedIdentity(clientId: Template?, objectId: Template?, resourceId: Template?, endpoint: Template?)
        /// `az account get-access-token`.
        case azureCli(command: [String])
        /// A bearer token taken as is from an environment variable.
        case token(variable: String)
        /// Chosen from the environment like azure-identity's EnvironmentCredential and WorkloadIdentityCredential.
        case environment
    }

    /// The identity a test gets with `identity: true` when nothing else is declared.
    static let environmentDefault = IdentitySpec(
        name: "environment", kind: .environment, hosts: [], location: SourceLocation(file: "<built-in>", line: 1, column: 1))

    /// The kind's name as written in specs.
    var kindName: String {
        switch kind {
        case .clientSecret: "clientSecret"
        case .clientCertificate: "clientCertificate"
        case .workloadIdentity: "workloadIdentity"
        case .managedIdentity: "managedIdentity"
        case .azureCli: "azureCli"
        case .token: "token"
        case .environment: "environment"
        }
    }

    /// What finds an identity's principal in the directory, for an audit of it.
    enum DirectoryReference {
        case objectId(Template)
        case clientId(Template)
        /// The application (client) id in `AZURE_CLIENT_ID`.
        case environmentClientId
    }

    /// What finds the identity's principal in the directory: a managed identity's object id, else its application
    /// (client) id; nil for the Azure CLI, a token, and a managed identity named by neither.
    var directoryReference: DirectoryReference? {
        switch kind {
        case .clientSecret(_, let clientId, _, _), .clientCertificate(_, let clientId, _, _, _), .workloadIdentity(_, let clientId, _, _):
            .clientId(clientId)
        case .managedIdentity(let clientId, let objectId, _, _): objectId.map { .objectId($0) } ?? clientId.map { .clientId($0) }
        case .environment: .environmentClientId
        case .azureCli, .token: nil
        }
    }

    /// Every template the identity uses, for validation.
    var templates: [Template] {
        switch kind {
        case .clientSecret(let tenant, let clientId, let secret, _): [tenant, clientId, secret]
        case .clientCertificate(let tenant, let clientId, let certificate, let password, _):
            [tenant, clientId, certificate] + [password].compactMap { $0 }
        case .workloadIdentity(let tenant, let clientId, let tokenFile, _): [tenant, clientId] + [tokenFile].compactMap { $0 }
        case .managedIdentity(let clientId, let objectId, let resourceId, let endpoint):
            [clientId, objectId, resourceId, endpoint].compactMap { $0 }
        case .azureCli, .token, .environment: []
        }
    }
}
