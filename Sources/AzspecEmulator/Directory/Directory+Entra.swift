import AzspecCore

/// Entra ID beyond principals and groups, as Microsoft Graph serves it: users, the service principals of the APIs
/// tokens are issued for (with their app roles), app role assignments (a principal's `appRoles`), delegated grants,
/// owners and directory roles, active and eligible.
extension Directory {
    /// A user of a tenant; it signs in nowhere in the emulator.
    struct User: Sendable {
        let name: String
        let objectId: String
        let tenantId: String
        let userPrincipalName: String
    }

    /// An app role an API publishes: Graph's id for it and its value (the `roles` claim's text).
    struct AppRole: Sendable {
        let id: String
        let value: String
    }

    /// The service principal, in a tenant, of an API tokens are issued for (Microsoft Graph, Resource Manager, …).
    struct ResourceApp: Sendable {
        let resource: Resource
        let tenantId: String
        let objectId: String
        let displayName: String
        let appRoles: [AppRole]
    }

    /// An application permission granted: principal `principalId` holds app role `appRoleId` of `resourceId`.
    struct AppRoleAssignment: Sendable {
        let id: String
        let principalId: String
        let principalName: String
        let principalType: String
        let resourceId: String
        let resourceName: String
        let appRoleId: String
    }

    /// Delegated permissions consented to a client (`clientId`, a service principal's object id) on a resource.
    struct DelegatedGrant: Sendable {
        let id: String
        let clientId: String
        /// The user it is for; nil: every user (`AllPrincipals`).
        let principalId: String?
        let resourceId: String
        let scope: String
    }

    /// A directory role held (or, eligible, that may be activated) by a principal, user or group.
    struct DirectoryRoleHolding: Sendable {
        let id: String
        let principalId: String
        let tenantId: String
        let role: DirectoryRole
        let directoryScopeId: String
    }

    /// Everything of this file, indexed once when the emulator starts.
    struct Entra: Sendable {
        var users: [String: User] = [:]
        /// By tenant id and resource name.
        var resourceApps: [String: ResourceApp] = [:]
        var appRoleAssignments: [AppRoleAssignment] = []
        var grants: [DelegatedGrant] = []
        /// Owners' object ids, by application object id and by service principal object id.
        var owners: [String: [String]] = [:]
        var activeRoles: [DirectoryRoleHolding] = []
        var eligibleRoles: [DirectoryRoleHolding] = []
    }

    /// Microsoft Graph's application permissions by value, with Graph's ids for them (Microsoft Graph permissions
    /// reference); any other app role gets a stable id of its own.
    static let graphAppRoles: [String: String] = [
        "Application.Read.All": "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30",
        "Application.ReadWrite.All": "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
        "AppRoleAssignment.ReadWrite.All": "06b708a9-e830-4db3-a914-8e69da51d44f",
        "DelegatedPermissionGrant.ReadWrite.All": "8e8e4742-1d95-4f68-9d56-6ee75648c72a",
        "Directory.Read.All": "7ab1d382-f21e-4acd-a863-ba3e13f7da61",
        "Directory.ReadWrite.All": "19dbc75e-c2e2-444c-a770-ec69d8559fc7",
        "Group.Read.All": "5b567255-7703-4780-807c-7be8301ae99b",
        "Group.ReadWrite.All": "62a82d76-70ea-41e2-9197-370581804d09",
        "GroupMember.Read.All": "98830695-27a2-44f7-8c18-0c3ebc9698f6",
        "RoleManagement.Read.All": "c7fbd983-d9aa-4fa7-84b8-17382c103bc4",
        "RoleManagement.Read.Directory": "483bed4a-2ad3-4361-a73b-c83ccdbdc53c",
        "RoleManagement.ReadWrite.Directory": "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8",
        "RoleAssignmentSchedule.Read.Directory": "d5fe8ce8-684c-4c83-a52c-46e882ce4be1",
        "RoleEligibilitySchedule.Read.Directory": "ff278e11-4a33-4d0c-83d2-d01dc58929a5",
        "User.Read.All": "df021288-bdef-4463-88db-98f22de89214",
        "User.ReadBasic.All": "97235f07-e226-4f63-ace3-39588e11d3a1",
        "User.ReadWrite.All": "741f803b-c850-494e-b5df-cde7c675a1ca",
    ]

    /// The display names of Microsoft's APIs' service principals.
    static let resourceDisplayNames = [
        "arm": "Windows Azure Service Management API", "graph": "Microsoft Graph", "keyVault": "Azure Key Vault",
        "storage": "Azure Storage",
    ]

    /// Indexes users, app role assignments, grants, owners and directory roles of a configuration that passed
    /// validation; `principals` are the tenant's service principals and managed identities by object id, `objectId`
    /// resolves a name or object id of a tenant's principal, user or group.
    static func entra(
        _ configuration: EmulatorConfiguration, principals: [String: Principal], resources: [Resource],
        objectId: (String, String) -> String?
    ) -> Entra {
        var entra = Entra()
        for tenant in configuration.tenants {
            let tenantId = tenant.id.lowercased()
            for user in tenant.users {
                let upn = user.userPrincipalName ?? Self.userPrincipalName(user.name, domain: tenant.domains.first ?? "\(tenantId).example")
                entra.users[user.objectId.lowercased()] = User(
                    name: user.name, objectId: user.objectId.lowercased(), tenantId: tenantId, userPrincipalName: upn)
            }
            // The app roles every principal of the tenant holds, by resource: what each API's service principal publishes.
            let tenantPrincipals = principals.values.filter { $0.tenantId == tenantId }.sorted { $0.objectId < $1.objectId }
            var published: [String: [String]] = [:]
            for principal in tenantPrincipals {
                for (resource, roles) in principal.appRoles { published[resource, default: []] += roles }
            }
            for resource in resources {
                var values = published[resource.name] ?? []
                if resource.name == "graph" { values += graphAppRoles.keys.sorted() }
                var seen: Set<String> = []
                let roles = values.filter { seen.insert($0).inserted }.map { value in
                    AppRole(id: appRoleId(value, resource: resource), value: value)
                }
                entra.resourceApps[tenantId + "|" + resource.name] = ResourceApp(
                    resource: resource, tenantId: tenantId, objectId: stableGUID("resourceApp|\(tenantId)|\(resource.appId)"),
                    displayName: resourceDisplayNames[resource.name] ?? resource.name, appRoles: roles)
            }
            for principal in tenantPrincipals {
                for (resourceName, roles) in principal.appRoles.sorted(by: { $0.key < $1.key }) {
                    guard let app = entra.resourceApps[tenantId + "|" + resourceName] else { continue }
                    for role in roles {
                        let roleId = appRoleId(role, resource: app.resource)
                        entra.appRoleAssignments.append(
                            AppRoleAssignment(
                                id: stableGUID("appRoleAssignment|\(principal.objectId)|\(app.objectId)|\(roleId)"),
                                principalId: principal.objectId, principalName: principal.name, principalType: "ServicePrincipal",
                                resourceId: app.objectId, resourceName: app.displayName, appRoleId: roleId))
                    }
                }
            }
            for configured in tenant.servicePrincipals {
                let objectKey = configured.objectId.lowercased()
                let application = stableGUID("application|" + configured.clientId.lowercased())
                entra.owners[application] = configured.owners.compactMap { objectId($0, tenantId) }
                entra.owners[objectKey] = configured.servicePrincipalOwners.compactMap { objectId($0, tenantId) }
                for (index, grant) in configured.delegatedGrants.enumerated() {
                    guard let key = Resource.key(grant.resource, in: configuration.resources),
                        let app = entra.resourceApps[tenantId + "|" + key]
                    else { continue }
                    entra.grants.append(
                        DelegatedGrant(
                            id: stableGUID("grant|\(objectKey)|\(index)"), clientId: objectKey,
                            principalId: grant.user.flatMap { objectId($0, tenantId) }, resourceId: app.objectId,
                            scope: grant.scopes.joined(separator: " ")))
                }
            }
            func holdings(_ list: [EmulatorConfiguration.DirectoryRoleAssignment], salt: String) -> [DirectoryRoleHolding] {
                list.compactMap { assignment in
                    guard let principal = objectId(assignment.principal, tenantId), let role = DirectoryRole.named(assignment.role) else {
                        return nil
                    }
                    return DirectoryRoleHolding(
                        id: stableGUID("\(salt)|\(principal)|\(role.templateId)|\(assignment.directoryScope)"), principalId: principal,
                        tenantId: tenantId, role: role, directoryScopeId: assignment.directoryScope)
                }
            }
            entra.activeRoles += holdings(tenant.directoryRoleAssignments, salt: "directoryRole")
            entra.eligibleRoles += holdings(tenant.eligibleDirectoryRoleAssignments, salt: "eligibleDirectoryRole")
        }
        return entra
    }

    /// Graph's id of app role `value` of `resource`.
    static func appRoleId(_ value: String, resource: Resource) -> String {
        if resource.name == "graph", let id = graphAppRoles[value] { return id }
        return stableGUID("appRole|\(resource.name)|\(value)")
    }

    /// `Alice Smith` at `contoso.onmicrosoft.com` → `AliceSmith@contoso.onmicrosoft.com`.
    static func userPrincipalName(_ name: String, domain: String) -> String {
        name.filter { !$0.isWhitespace && $0 != "@" } + "@" + domain
    }

    /// The API service principal of `tenantId` whose object id is `id`.
    func resourceApp(objectId id: String, tenantId: String) -> ResourceApp? {
        entra.resourceApps.values.first { $0.objectId == id.lowercased() && $0.tenantId == tenantId }
    }

    /// The tenant's API service principals, in a stable order.
    func resourceApps(tenantId: String) -> [ResourceApp] {
        entra.resourceApps.values.filter { $0.tenantId == tenantId }.sorted { $0.objectId < $1.objectId }
    }
}
