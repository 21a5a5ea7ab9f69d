import AzspecCore

/// What Graph says of a principal's power in Entra ID: its app role assignments (application permissions), the
/// delegated permissions consented to it, its owners, and the directory roles held (`roleAssignments`) or eligible
/// (`roleEligibilitySchedules`), with the built-in role definitions.
extension GraphService {
    /// `servicePrincipals/{id}/appRoleAssignments`, `…/oauth2PermissionGrants` or `…/owners`.
    func servicePrincipalList(_ list: String, of object: Directory.Object, call: Call) throws(GraphError) -> JSONValue {
        let tenant = object.tenantId
        switch list {
        case "approleassignments":
            let assignments = directory.entra.appRoleAssignments.filter { $0.principalId == object.id }
            return try page(assignments.map(Self.json), call: call, context: "servicePrincipals('\(object.id)')/appRoleAssignments")
        case "oauth2permissiongrants":
            let grants = directory.entra.grants.filter { $0.clientId == object.id }
            return try page(grants.map(Self.json), call: call, context: "oauth2PermissionGrants")
        default:
            return try page(owners(of: object.id, tenant: tenant), call: call, context: "directoryObjects")
        }
    }

    /// The owners of the application or service principal whose object id is `id`.
    func owners(of id: String, tenant: String) -> [Directory.Object] {
        (directory.entra.owners[id.lowercased()] ?? []).compactMap { directory.object($0, tenantId: tenant) }
    }

    /// `oauth2PermissionGrants?$filter=clientId eq '…'` (or `resourceId`, `consentType`).
    func grants(call: Call, tenant: String) throws(GraphError) -> JSONValue {
        var grants = directory.entra.grants.filter { directory.object($0.clientId, tenantId: tenant) != nil }
        if let (field, value) = try filterTerm(call, fields: ["clientId", "resourceId", "consentType", "principalId"]) {
            grants = grants.filter { grant in
                switch field {
                case "clientId": grant.clientId == value.lowercased()
                case "resourceId": grant.resourceId == value.lowercased()
                case "principalId": grant.principalId == value.lowercased()
                default: (grant.principalId == nil ? "AllPrincipals" : "Principal") == value
                }
            }
        }
        return try page(grants.map(Self.json), call: call, context: "oauth2PermissionGrants")
    }

    /// `roleManagement/directory/roleDefinitions[/{id}]`, `…/roleAssignments` and `…/roleEligibilitySchedules`, each
    /// list with `$filter=principalId eq '…'` (or `roleDefinitionId`) and `$expand=roleDefinition`.
    func roleManagement(call: Call, tenant: String) throws(GraphError) -> JSONValue {
        let path = call.segments.map { $0.lowercased() }
        let context = "roleManagement/directory/" + call.segments[2]
        switch (path[2], path.count) {
        case ("roledefinitions", 3):
            var roles = DirectoryRole.builtIn
            if let (field, value) = try filterTerm(call, fields: ["displayName", "id", "templateId"]) {
                roles = roles.filter { field == "displayName" ? $0.name == value : $0.templateId == value.lowercased() }
            }
            return try page(roles.map(Self.json), call: call, context: context)
        case ("roledefinitions", 4):
            guard let role = DirectoryRole.named(call.segments[3]), role.templateId == path[3] else { throw .notFound(call.segments[3]) }
            return Self.json(role)
        case ("roleassignments", 3), ("roleeligibilityschedules", 3):
            let eligible = path[2] == "roleeligibilityschedules"
            var holdings = (eligible ? directory.entra.eligibleRoles : directory.entra.activeRoles).filter { $0.tenantId == tenant }
            if let (field, value) = try filterTerm(call, fields: ["principalId", "roleDefinitionId", "directoryScopeId"]) {
                holdings = holdings.filter { holding in
                    switch field {
                    case "principalId": holding.principalId == value.lowercased()
                    case "roleDefinitionId": holding.role.templateId == value.lowercased()
                    default: holding.directoryScopeId == value
                    }
                }
            }
            let expand = call.query("$expand")?.lowercased().contains("roledefinition") ?? false
            return try page(holdings.map { Self.json($0, eligible: eligible, expand: expand) }, call: call, context: context)
        default:
            throw .unknownPath("GET", "/v1.0/" + call.segments.joined(separator: "/"))
        }
    }

    static func json(_ assignment: Directory.AppRoleAssignment) -> JSONValue {
        .object([
            "id": .string(assignment.id), "deletedDateTime": .null, "appRoleId": .string(assignment.appRoleId),
            "createdDateTime": "2024-01-01T00:00:00Z", "principalDisplayName": .string(assignment.principalName),
            "principalId": .string(assignment.principalId), "principalType": .string(assignment.principalType),
            "resourceDisplayName": .string(assignment.resourceName), "resourceId": .string(assignment.resourceId),
        ])
    }

    static func json(_ grant: Directory.DelegatedGrant) -> JSONValue {
        .object([
            "id": .string(grant.id), "clientId": .string(grant.clientId),
            "consentType": .string(grant.principalId == nil ? "AllPrincipals" : "Principal"),
            "principalId": grant.principalId.map(JSONValue.string) ?? .null, "resourceId": .string(grant.resourceId),
            "scope": .string(grant.scope),
        ])
    }

    static func json(_ role: DirectoryRole) -> JSONValue {
        .object([
            "id": .string(role.templateId), "templateId": .string(role.templateId), "displayName": .string(role.name),
            "description": .string(role.name), "isBuiltIn": true, "isEnabled": true, "version": "1",
            "resourceScopes": ["/"], "rolePermissions": [],
        ])
    }

    static func json(_ holding: Directory.DirectoryRoleHolding, eligible: Bool, expand: Bool) -> JSONValue {
        var fields: JSONObject = [
            "id": .string(holding.id), "principalId": .string(holding.principalId),
            "roleDefinitionId": .string(holding.role.templateId), "directoryScopeId": .string(holding.directoryScopeId),
            "appScopeId": .null,
        ]
        if eligible {
            fields["memberType"] = "Direct"
            fields["status"] = "Provisioned"
            fields["createdUsing"] = .string(holding.id)
            fields["createdDateTime"] = "2024-01-01T00:00:00Z"
            fields["scheduleInfo"] = [
                "startDateTime": "2024-01-01T00:00:00Z", "recurrence": .null,
                "expiration": ["type": "noExpiration", "endDateTime": .null, "duration": .null],
            ]
        }
        if expand { fields["roleDefinition"] = json(holding.role) }
        return .object(fields)
    }
}
