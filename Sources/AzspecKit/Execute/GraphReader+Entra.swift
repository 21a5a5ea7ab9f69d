import AzspecCore

/// What an `entra` check reads of Microsoft Graph: app role assignments with the APIs that define the roles,
/// delegated grants, directory role assignments, eligibility schedules and definitions, and owners. Each read names
/// the least permission Graph documents for it when it is refused.
extension GraphReader {
    /// `servicePrincipals/{id}/appRoleAssignments`: the application permissions `object` holds.
    func appRoleAssignments(of object: Object) async -> Result<[JSONValue], Failure> {
        await items(
            "/servicePrincipals/\(object.id)/appRoleAssignments", "the app role assignments of \(object.description)",
            "Application.Read.All")
    }

    /// `oauth2PermissionGrants?$filter=clientId eq '…'`: the delegated permissions consented to `object`.
    func delegatedGrants(of object: Object) async -> Result<[JSONValue], Failure> {
        let filter = PercentEncoding.encode("clientId eq '\(object.id)'")
        return await items(
            "/oauth2PermissionGrants?$filter=" + filter, "the delegated grants of \(object.description)", "Directory.Read.All")
    }

    /// A service principal by object id (an API's, with its `appRoles`); nil when there is none.
    func servicePrincipal(_ id: String) async -> Result<JSONValue?, Failure> {
        switch await reader.get(base + "/servicePrincipals/" + PercentEncoding.encode(id)) {
        case .failure(let failure) where failure.status == 404: return .success(nil)
        case .failure(let failure):
            return .failure(Self.failure(failure, reading: "service principal \(id)", needs: "Application.Read.All"))
        case .success(let json): return .success(json)
        }
    }

    /// The directory roles held by `principalId` (a principal or a group), or that it may activate when `eligible`.
    func directoryRoles(of principalId: String, eligible: Bool) async -> Result<[JSONValue], Failure> {
        let filter = PercentEncoding.encode("principalId eq '\(principalId)'")
        return eligible
            ? await items(
                "/roleManagement/directory/roleEligibilitySchedules?$filter=" + filter, "the eligible directory roles of \(principalId)",
                "RoleEligibilitySchedule.Read.Directory")
            : await items(
                "/roleManagement/directory/roleAssignments?$filter=" + filter, "the directory roles of \(principalId)",
                "RoleManagement.Read.Directory")
    }

    /// The directory role definitions (built-in and custom).
    func directoryRoleDefinitions() async -> Result<[JSONValue], Failure> {
        await items("/roleManagement/directory/roleDefinitions", "the directory role definitions", "RoleManagement.Read.Directory")
    }

    /// The owners of the application (object id `application`) or the service principal `servicePrincipal`.
    func owners(application: String? = nil, servicePrincipal: String? = nil) async -> Result<[Object], Failure> {
        let path = application.map { "/applications/\($0)/owners" } ?? "/servicePrincipals/\(servicePrincipal ?? "")/owners"
        return await list(
            path, application == nil ? "the owners of the service principal" : "the owners of the application", "Application.Read.All")
    }

    private func items(_ path: String, _ what: String, _ permission: String) async -> Result<[JSONValue], Failure> {
        switch await reader.items(from: base + path, of: what, nextLink: "@odata.nextLink") {
        case .failure(let failure): return .failure(Self.failure(failure, reading: what, needs: permission))
        case .success(let items): return .success(items)
        }
    }
}
