import AzspecCore
public import Foundation

/// Seed data for the emulator: tenants, service principals and their credentials, managed identities,
/// subscriptions, resource groups, role assignments.
///
/// ``default`` ships in code so that `azspec run --emulator` needs no setup. A configuration file is YAML:
///
/// ```yaml
/// tokenLifetime: 3599            # seconds an access token lives (0 = already expired when issued)
/// environment:                   # variables exported to specs by `--emulator` (EmulatorEndpoint.environment);
///   AZURE_TENANT_ID: 5f2b7c1e-4a3d-4e8f-9b6a-0c1d2e3f4a5b     # `{baseURL}` in a value becomes the base URL
///   IDENTITY_ENDPOINT: "{baseURL}/msi/token"
/// githubRequestToken: azspec-github-request-token   # optional; bearer token the GitHub OIDC endpoint wants
/// githubSubject: "repo:azspec/example:ref:refs/heads/main"   # optional; `sub` of its ID tokens
/// identityHeader: azspec-identity-header            # optional; X-IDENTITY-HEADER of the App Service endpoint
/// operations: {polls: 2, seconds: 3, retryAfter: 1} # optional; an operation stays in progress for these polls (0) and
///                                                    #   seconds (0); its Retry-After (1; ARM sends 15)
/// pageSize: 2                                       # optional; items per page of the Microsoft.Authorization lists
/// tokenBucket: {reads: {burst: 250, refill: 25}}   # optional; ARM's buckets per subscription and principal
/// throttling:                                      # optional; 429s on purpose (see ``ThrottlingRule``)
///   - {path: /subscriptions/*/resourcegroups, times: 2, retryAfter: 1}
/// federatedIssuers:              # optional; external OIDC issuers whose RS256 tokens are trusted
///   - issuer: https://oidc.example.com/cluster-1    # the tokens' `iss`, exactly
///     publicKey: keys/cluster-1.pem                 # PEM text or file: PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE
/// managedIdentities:             # optional; served by /metadata/identity/oauth2/token and /msi/token
///   - name: azspec-mi                               # role assignments may name it
///     clientId: 7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b   # GUID (appid claim, client_id parameter)
///     objectId: 8f2a3b4c-5d6e-4f7a-9b0c-1d2e3f4a5b6c   # GUID (oid claim, object_id / principal_id parameter)
///     resourceId: /subscriptions/…/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/azspec-mi
///     tenant: 5f2b7c1e-4a3d-4e8f-9b6a-0c1d2e3f4a5b # tenant id or domain
/// defaultManagedIdentity: azspec-mi                 # optional; used when a request names no identity
/// tenants:
///   - id: 5f2b7c1e-4a3d-4e8f-9b6a-0c1d2e3f4a5b     # GUID; the token URL accepts it or any domain below
///     displayName: Contoso                          # optional, used in error texts
///     domains: [contoso.onmicrosoft.com]
///     servicePrincipals:
///       - name: azspec-smoke                        # referenced by role assignments
///         clientId: 0e6b3f4a-7c2d-4e1b-9a8f-5d4c3b2a1f0e   # GUID (appid / azp claim)
///         objectId: 9c8b7a6f-5e4d-4c3b-8a2f-1e0d9c8b7a6f   # GUID (oid / sub claim)
///         secrets:                                  # a principal needs a secret, a certificate or a
///           - value: "emu8Q~…"                      #   federated credential (any mix)
///             expires: "2030-01-01T00:00:00Z"       # optional; after it AADSTS7000222
///         certificates:                             # client assertions (JWT, RS256 or PS256) signed by these
///           - pem: certs/smoke.pem                  # PEM text or file; only the certificate is read
///         federatedCredentials:                     # workload identity federation
///           - name: github-main                     # optional
///             issuer: "{baseURL}/_azspec/oidc"      # the built-in test issuer, or a federatedIssuers entry
///             subject: "repo:azspec/example:ref:refs/heads/main"
///             audiences: [api://AzureADTokenExchange]          # optional; this is the default
///         appRoles: []                              # optional; copied into the `roles` claim
///     subscriptions:
///       - id: 2a7c9e4b-1d3f-4b5a-8c6e-9f0a1b2c3d4e # GUID
///         displayName: azspec-emulator
///         state: Enabled                            # optional
///         tags: {team: platform}                    # optional
///         resourceGroups:
///           - {name: rg-smoke, location: westeurope, tags: {env: smoke}}   # tags, managedBy optional
///     roleDefinitions:                              # optional custom roles (see ``CustomRole``)
///       - {name: Blob Auditor, actions: [Microsoft.Storage/storageAccounts/read]}
///     roleAssignments:
///       - principal: azspec-smoke                   # service principal or managed identity: name or objectId
///         role: Contributor                         # a built-in role or a roleDefinitions entry
///         scope: /subscriptions/2a7c9e4b-1d3f-4b5a-8c6e-9f0a1b2c3d4e   # or …/resourceGroups/<name>[/providers/…]
///         condition: "…"                            # optional ABAC condition (listed, not evaluated)
///     denyAssignments:                              # optional (see ``DenyAssignment``)
///       - {name: no-keys, scope: /subscriptions/…, actions: [Microsoft.Storage/storageAccounts/listKeys/action], principals: [everyone]}
/// ```
///
/// The emulator always runs a test OIDC issuer at `{baseURL}/_azspec/oidc` (its key is made at start): `POST
/// {baseURL}/_azspec/oidc/token` with form fields `subject`, `audience`, `lifetime` returns `{"token": …}`, and
/// `GET {baseURL}/_azspec/oidc/github?audience=…` with `Authorization: Bearer <githubRequestToken>` answers like
/// GitHub Actions' ID-token endpoint.
///
/// Unknown keys, wrong types, malformed GUIDs, duplicate ids, unknown roles, unreadable PEM files and assignments
/// to principals or scopes that do not exist are all reported together, each as `file:line:column: error: …`.
public struct EmulatorConfiguration: Sendable {
    /// Seconds between issuance and expiry of access tokens (`expires_in`). Default 3599.
    public var tokenLifetime: Int
    /// Environment variables that point specs at this configuration's identities.
    /// `{baseURL}` in a value is replaced by the running emulator's base URL.
    public var environment: [String: String]
    public var tenants: [Tenant]
    /// External OIDC issuers whose tokens federated credentials may accept (the built-in test issuer is added
    /// automatically).
    public var federatedIssuers: [FederatedIssuer]
    /// Identities served by the managed identity endpoints.
    public var managedIdentities: [ManagedIdentity]
    /// The managed identity a request gets when it names none (like a VM's only identity); nil: such requests fail.
    public var defaultManagedIdentity: String?
    /// The bearer token `GET /_azspec/oidc/github` requires (GitHub's `ACTIONS_ID_TOKEN_REQUEST_TOKEN`).
    public var githubRequestToken: String
    /// The `sub` claim of the ID tokens `GET /_azspec/oidc/github` issues.
    public var githubSubject: String
    /// The `X-IDENTITY-HEADER` value the App Service managed identity endpoint requires (`IDENTITY_HEADER`).
    public var identityHeader: String
    /// How many polls of an asynchronous operation (a resource group's deletion) answer `202` before it is done.
    public var operationPolls = 0
    /// The `Retry-After` seconds of those answers: 1 unless `operations.retryAfter` says otherwise, so that runs stay
    /// fast (ARM sends 15; say `retryAfter: 15` to wait as long as against Azure).
    public var operationRetryAfter = 1
    /// Seconds an asynchronous operation stays in progress besides the polls (0: polls alone decide).
    public var operationSeconds = 0.0
    /// Items per page of the Microsoft.Authorization lists (permissions, role and deny assignments, role
    /// definitions); 0: one page. Pages are linked by `nextLink` with a `$skipToken`.
    public var pageSize = 0
    /// ARM's token buckets per subscription and principal, by `reads`, `writes`, `deletes` (none: no bucket).
    public var tokenBucket: [String: TokenBucket] = [:]

    /// A bucket `burst` requests deep that refills `refill` a second; an empty one answers 429 with `Retry-After`.
    public struct TokenBucket: Sendable {
        public var burst: Int
        public var refill: Double

        public init(burst: Int, refill: Double) {
            self.burst = burst
            self.refill = refill
        }
    }

    /// APIs besides Microsoft's (Resource Manager, Graph, Key Vault, Storage) that tokens may be issued for.
    public var resources: [Resource] = []

    /// An API tokens may be issued for: the App ID URI clients ask for, its application id, and the access-token
    /// version it accepts (Entra's `requestedAccessTokenVersion`: 1, the default, or 2), which decides the token's
    /// shape whichever endpoint is asked.
    public struct Resource: Sendable {
        public var uri: String
        public var appId: String?
        public var accessTokenVersion: Int

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(uri: String, appId: String? = nil, accessTokenVersion: Int = 1) {
            self.uri = uri
            self.appId = appId
            self.accessTokenVersion = accessTokenVersion
        }
    }

    /// Throttling on purpose: the first `times` ARM requests matching a path answer 429 (or `status`).
    public var throttling: [ThrottlingRule] = []

    /// `{path: /subscriptions/*/resourcegroups, times: 2, retryAfter: 1, status: 429, method: GET}`: `*` stands for
    /// one path segment; names compare case-insensitively; `method` is optional.
    public struct ThrottlingRule: Sendable {
        public var path: String
        public var times: Int
        public var retryAfter: Int
        public var status: Int
        public var method: String?

        var location: SourceLocation?

        public init(path: String, times: Int, retryAfter: Int = 1, status: Int = 429, method: String? = nil) {
            self.path = path
            self.times = times
            self.retryAfter = retryAfter
            self.status = status
            self.method = method
        }

        /// Whether the decoded path segments (and method) match.
        func matches(segments: [String], method: String) -> Bool {
            if let wanted = self.method, wanted.uppercased() != method.uppercased() { return false }
            let pattern = path.split(separator: "/").map { $0.lowercased() }
            guard pattern.count == segments.count else { return false }
            return zip(pattern, segments).allSatisfy { $0 == "*" || $0 == $1.lowercased() }
        }
    }

    var location: SourceLocation?
    var fieldLocations: [String: SourceLocation] = [:]
    /// The folder of the configuration file, against which relative PEM paths are read; nil: the working directory.
    var baseDirectory: String?

    public init(
        tokenLifetime: Int = 3599,
        environment: [String: String] = [:],
        tenants: [Tenant] = [],
        federatedIssuers: [FederatedIssuer] = [],
        managedIdentities: [ManagedIdentity] = [],
        defaultManagedIdentity: String? = nil,
        githubRequestToken: String = "azspec-github-request-token",  // = Defaults.githubRequestToken
        githubSubject: String = "repo:azspec/example:ref:refs/heads/main",  // = Defaults.githubSubject
        identityHeader: String = "azspec-identity-header"  // = Defaults.identityHeader
    ) {
        self.tokenLifetime = tokenLifetime
        self.environment = environment
        self.tenants = tenants
        self.federatedIssuers = federatedIssuers
        self.managedIdentities = managedIdentities
        self.defaultManagedIdentity = defaultManagedIdentity
        self.githubRequestToken = githubRequestToken
        self.githubSubject = githubSubject
        self.identityHeader = identityHeader
    }

    /// Parses a YAML configuration; `file` names it in error messages. Throws ``EmulatorError``.
    public init(yaml: String, file: String = "<config>") throws {
        try self.init(yaml: yaml, file: file, baseDirectory: nil)
    }

    private init(yaml: String, file: String, baseDirectory: String?) throws {
        var reader = ConfigurationReader(file: file, text: yaml, baseDirectory: baseDirectory)
        // Reading runs the semantic checks too, so that every problem is reported at once.
        self = try reader.read()
    }

    /// Reads and parses a YAML configuration file. Throws ``EmulatorError``.
    public init(contentsOfFile path: String) throws {
        let text: String
        do {
            text = try InputFile.readText(path, as: .emulatorConfiguration)
        } catch {
            throw EmulatorError.unreadableConfiguration(path: path, reason: "it \(error.problem)")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try self.init(yaml: text, file: path, baseDirectory: folder)
    }
}

extension EmulatorConfiguration {
    /// A Microsoft Entra tenant (directory).
    public struct Tenant: Sendable {
        /// The tenant GUID (`tid`).
        public var id: String
        public var displayName: String?
        /// Domain names accepted in place of the GUID in token URLs.
        public var domains: [String]
        public var servicePrincipals: [ServicePrincipal]
        public var subscriptions: [Subscription]
        public var roleAssignments: [RoleAssignment]
        /// Custom roles, assignable by name like the built-in ones.
        public var roleDefinitions: [CustomRole] = []
        public var denyAssignments: [DenyAssignment] = []
        /// Security groups: members are principals and other groups (nested), by name or object id.
        public var groups: [Group] = []
        /// Roles a principal may activate (PIM): listed as eligibility schedule instances, granting nothing.
        public var eligibleRoleAssignments: [RoleAssignment] = []
        /// Management groups under the tenant root group (whose id is the tenant id), with subscriptions placed in
        /// them; role assignments at a management group apply to every subscription below it.
        public var managementGroups: [ManagementGroup] = []
        /// Users: group members, owners and directory role holders (they do not sign in).
        public var users: [User] = []
        /// Microsoft Entra directory roles held (Global Administrator, Application Administrator, …).
        public var directoryRoleAssignments: [DirectoryRoleAssignment] = []
        /// Directory roles a principal may activate (PIM): Graph lists them as eligibility schedules.
        public var eligibleDirectoryRoleAssignments: [DirectoryRoleAssignment] = []

        var location: SourceLocation?
        /// Where each key's value was written, for diagnostics about that value.
        var fieldLocations: [String: SourceLocation] = [:]

        public init(
            id: String,
            displayName: String? = nil,
            domains: [String] = [],
            servicePrincipals: [ServicePrincipal] = [],
            subscriptions: [Subscription] = [],
            roleAssignments: [RoleAssignment] = []
        ) {
            self.id = id
            self.displayName = displayName
            self.domains = domains
            self.servicePrincipals = servicePrincipals
            self.subscriptions = subscriptions
            self.roleAssignments = roleAssignments
        }
    }

    /// An application's service principal that signs in with a client secret, a certificate or a federated
    /// credential.
    public struct ServicePrincipal: Sendable {
        public var name: String
        /// Application (client) id.
        public var clientId: String
        /// Object id of the service principal (`oid`).
        public var objectId: String
        public var secrets: [Secret]
        /// Certificates whose keys may sign client assertions.
        public var certificates: [Certificate]
        /// External identities allowed to act as this principal.
        public var federatedCredentials: [FederatedCredential]
        /// App roles granted to the application by resource (`graph`, `arm`, `keyVault`, `storage` or a configured
        /// resource's `uri`): a token for that resource carries them in its `roles` claim, and no other token does.
        public var appRoles: [String: [String]]
        /// The application's owners (users or service principals, by name or object id): each may add a credential
        /// to it and so act as it.
        public var owners: [String] = []
        /// The service principal's own owners.
        public var servicePrincipalOwners: [String] = []
        /// Delegated permissions consented to it.
        public var delegatedGrants: [DelegatedGrant] = []

        var location: SourceLocation?
        /// Where each key's value was written, for diagnostics about that value.
        var fieldLocations: [String: SourceLocation] = [:]

        public init(
            name: String,
            clientId: String,
            objectId: String,
            secrets: [Secret] = [],
            certificates: [Certificate] = [],
            federatedCredentials: [FederatedCredential] = [],
            appRoles: [String: [String]] = [:]
        ) {
            self.name = name
            self.clientId = clientId
            self.objectId = objectId
            self.secrets = secrets
            self.certificates = certificates
            self.federatedCredentials = federatedCredentials
            self.appRoles = appRoles
        }
    }

    /// A client secret, optionally with an expiry.
    public struct Secret: Sendable {
        public var value: String
        public var expires: Date?

        var location: SourceLocation?

        public init(value: String, expires: Date? = nil) {
            self.value = value
            self.expires = expires
        }
    }

    /// An Azure subscription and its initial resource groups.
    public struct Subscription: Sendable {
        public var id: String
        public var displayName: String
        /// `Enabled`, `Disabled`, `Warned`, `PastDue` or `Deleted` as ARM reports it.
        public var state: String
        public var tags: [(key: String, value: String)]?
        public var resourceGroups: [ResourceGroup]

        var location: SourceLocation?
        /// Where each key's value was written, for diagnostics about that value.
        var fieldLocations: [String: SourceLocation] = [:]

        public init(
            id: String,
            displayName: String,
            state: String = "Enabled",
            tags: [(key: String, value: String)]? = nil,
            resourceGroups: [ResourceGroup] = []
        ) {
            self.id = id
            self.displayName = displayName
            self.state = state
            self.tags = tags
            self.resourceGroups = resourceGroups
        }
    }

    /// A resource group that exists when the emulator starts.
    public struct ResourceGroup: Sendable {
        public var name: String
        public var location: String
        /// Tags in the order they are returned; nil means the group has never had tags (no `tags` key).
        public var tags: [(key: String, value: String)]?
        public var managedBy: String?

        var sourceLocation: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(
            name: String, location: String, tags: [(key: String, value: String)]? = nil, managedBy: String? = nil
        ) {
            self.name = name
            self.location = location
            self.tags = tags
            self.managedBy = managedBy
        }
    }

    /// A role granted to a service principal or managed identity at a subscription, resource-group or resource
    /// scope (and inherited below it).
    /// A security group of a tenant. Role and deny assignments may name it; its members (principals and groups,
    /// nested to any depth, never in a cycle) hold what it holds.
    public struct Group: Sendable {
        public var name: String
        public var objectId: String
        /// Names or object ids of service principals, managed identities and groups of the tenant.
        public var members: [String]

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(name: String, objectId: String, members: [String] = []) {
            self.name = name
            self.objectId = objectId
            self.members = members
        }
    }

    /// A management group: its id (the `{id}` of `/providers/Microsoft.Management/managementGroups/{id}`), its
    /// parent (another management group; the tenant root group by default) and the subscriptions placed in it.
    public struct ManagementGroup: Sendable {
        public var name: String
        public var parent: String?
        public var subscriptions: [String]

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(name: String, parent: String? = nil, subscriptions: [String] = []) {
            self.name = name
            self.parent = parent
            self.subscriptions = subscriptions
        }
    }

    public struct RoleAssignment: Sendable {
        /// The name or object id of a service principal, managed identity or group.
        public var principal: String
        /// A built-in role (Reader, Contributor, Owner, User Access Administrator, Storage Account Contributor,
        /// Storage Blob Data Reader) or one of the tenant's `roleDefinitions`, by name or GUID (case-insensitive).
        public var role: String
        /// `/subscriptions/{id}`, `…/resourceGroups/{name}` or `…/resourceGroups/{name}/providers/{ns}/{type}/{name}`.
        public var scope: String
        /// An ABAC condition (shown in role assignment lists; the emulator does not evaluate it).
        public var condition: String?

        var location: SourceLocation?
        /// Where each key's value was written, for diagnostics about that value.
        var fieldLocations: [String: SourceLocation] = [:]

        public init(principal: String, role: String, scope: String) {
            self.principal = principal
            self.role = role
            self.scope = scope
        }
    }
}
