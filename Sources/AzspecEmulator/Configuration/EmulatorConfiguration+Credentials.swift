import AzspecCore

extension EmulatorConfiguration {
    /// A certificate registered on a service principal; client assertions signed with its key are accepted.
    public struct Certificate: Sendable {
        /// PEM text (`-----BEGIN CERTIFICATE-----…`) or the path of a PEM file; relative paths are read from the
        /// configuration file's folder. Only the first certificate in the text is used, so a file that also holds
        /// the private key (as azure-identity's `AZURE_CLIENT_CERTIFICATE_PATH` does) is fine.
        public var pem: String

        var location: SourceLocation?

        public init(pem: String) {
            self.pem = pem
        }
    }

    /// A federated identity credential: tokens from `issuer` about `subject` for one of `audiences` may be
    /// exchanged for the service principal's access tokens (workload identity federation).
    public struct FederatedCredential: Sendable {
        /// Optional label, like the credential's name in Entra.
        public var name: String?
        /// The external issuer's `iss` value, compared exactly. `{baseURL}` is replaced by the emulator's base URL,
        /// so `{baseURL}/_azspec/oidc` names the emulator's built-in test issuer.
        public var issuer: String
        /// The `sub` value, compared exactly (case-sensitive, as Entra does since 2025).
        public var subject: String
        /// Accepted `aud` values; Entra recommends `api://AzureADTokenExchange`.
        public var audiences: [String]

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(
            name: String? = nil, issuer: String, subject: String, audiences: [String] = ["api://AzureADTokenExchange"]
        ) {
            self.name = name
            self.issuer = issuer
            self.subject = subject
            self.audiences = audiences
        }
    }

    /// An external token issuer (a Kubernetes cluster, a CI system) whose RS256 tokens the emulator can verify.
    public struct FederatedIssuer: Sendable {
        /// The issuer URL as it appears in the tokens' `iss` claim (`{baseURL}` is replaced as in credentials).
        public var issuer: String
        /// The issuer's RSA public key: PEM text or a PEM file path holding a `PUBLIC KEY`, `RSA PUBLIC KEY` or
        /// `CERTIFICATE` block.
        public var publicKey: String

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(issuer: String, publicKey: String) {
            self.issuer = issuer
            self.publicKey = publicKey
        }
    }

    /// A user-assigned managed identity served by the IMDS and App Service token endpoints. Role assignments of
    /// its tenant may name it like a service principal.
    public struct ManagedIdentity: Sendable {
        public var name: String
        /// Client (application) id: the `appid` claim and the `client_id` query parameter.
        public var clientId: String
        /// Object (principal) id: the `oid` claim and the `object_id` / `principal_id` query parameters.
        public var objectId: String
        /// ARM resource id (`msi_res_id` / `mi_res_id`), copied into the token's `xms_mirid` claim.
        public var resourceId: String?
        /// The tenant id (or one of its domains) the identity lives in.
        public var tenant: String

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(name: String, clientId: String, objectId: String, resourceId: String? = nil, tenant: String) {
            self.name = name
            self.clientId = clientId
            self.objectId = objectId
            self.resourceId = resourceId
            self.tenant = tenant
        }
    }
}
