import AzspecCore

/// What a tenant holds in Entra ID besides its principals and groups: users, directory roles (active and eligible),
/// and, on a service principal, its owners and the delegated permissions consented to it. Microsoft Graph serves
/// them; azspec's `entra` checks read them.
extension EmulatorConfiguration {
    /// A user: a member of groups, an owner of applications, a holder of directory roles. Users do not sign in to the
    /// emulator.
    public struct User: Sendable {
        public var name: String
        public var objectId: String
        /// `alice@contoso.onmicrosoft.com`; derived from the name and the tenant's first domain when not given.
        public var userPrincipalName: String?

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(name: String, objectId: String, userPrincipalName: String? = nil) {
            self.name = name
            self.objectId = objectId
            self.userPrincipalName = userPrincipalName
        }
    }

    /// A Microsoft Entra directory role held by a principal, user or (role-assignable) group, in the whole tenant
    /// (`directoryScope: /`, the default) or over one application (`/{application object id}`).
    public struct DirectoryRoleAssignment: Sendable {
        public var principal: String
        /// A built-in role's display name or template id (`Global Administrator`, `62e90394-…`).
        public var role: String
        public var directoryScope: String

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(principal: String, role: String, directoryScope: String = "/") {
            self.principal = principal
            self.role = role
            self.directoryScope = directoryScope
        }
    }

    /// Delegated permissions consented to a service principal on a resource: for every user (`AllPrincipals`) or for
    /// one (`Principal`), as Graph's `oauth2PermissionGrants` list them.
    public struct DelegatedGrant: Sendable {
        /// `graph`, `arm`, `keyVault`, `storage` or a configured resource's uri.
        public var resource: String
        public var scopes: [String]
        /// The user it is consented for; nil: every user (admin consent).
        public var user: String?

        var location: SourceLocation?
        var fieldLocations: [String: SourceLocation] = [:]

        public init(resource: String, scopes: [String], user: String? = nil) {
            self.resource = resource
            self.scopes = scopes
            self.user = user
        }
    }
}
