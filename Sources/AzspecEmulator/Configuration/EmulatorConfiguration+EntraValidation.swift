import AzspecCore

/// Users unique and named, directory roles that exist held by objects that exist, owners and delegated grants that
/// name objects and resources that exist.
extension ConfigurationChecker {
    mutating func checkEntra(_ tenant: EmulatorConfiguration.Tenant, objectIds: inout Set<String>) {
        var names: Set<String> = []
        for user in tenant.users {
            let location = user.location ?? tenant.location
            let fields = user.fieldLocations
            if user.name.isEmpty {
                report(fields["name"] ?? location, "a user needs a name")
            } else if !names.insert(user.name.lowercased()).inserted || isPrincipal(user.name, of: tenant, users: false) {
                report(
                    fields["name"] ?? location,
                    "duplicate name '\(user.name)': a user's name must not be another user's, group's or principal's")
            }
            if requireGUID(user.objectId, "objectId", fields["objectId"] ?? location),
                !objectIds.insert(user.objectId.lowercased()).inserted
            {
                report(fields["objectId"] ?? location, "duplicate objectId '\(user.objectId)'")
            }
            if let upn = user.userPrincipalName, upn.split(separator: "@").count != 2 || upn.contains(" ") {
                report(
                    fields["userPrincipalName"] ?? location, "'\(upn)' is not a user principal name such as alice@contoso.onmicrosoft.com")
            }
        }
        for (list, what) in [
            (tenant.directoryRoleAssignments, "directory role"), (tenant.eligibleDirectoryRoleAssignments, "eligible directory role"),
        ] {
            for assignment in list {
                let location = assignment.location ?? tenant.location
                let fields = assignment.fieldLocations
                if !isPrincipal(assignment.principal, of: tenant) {
                    report(
                        fields["principal"] ?? location,
                        "\(what) assignment names unknown principal '\(assignment.principal)' (use the name or objectId of a principal, user or group of this tenant)"
                    )
                }
                if DirectoryRole.named(assignment.role) == nil {
                    let names = DirectoryRole.builtIn.map(\.name)
                    report(
                        fields["role"] ?? location,
                        "unknown directory role '\(assignment.role)'\(Suggestion.hint(for: assignment.role, in: names)); the emulator knows \(names.joined(separator: ", "))"
                    )
                }
                let scope = assignment.directoryScope
                if scope != "/", !(scope.hasPrefix("/") && GUID.isValid(String(scope.dropFirst()))) {
                    report(
                        fields["directoryScope"] ?? location, "directoryScope is / (the tenant) or /{application object id}, not '\(scope)'"
                    )
                }
            }
        }
        for principal in tenant.servicePrincipals {
            let location = principal.location ?? tenant.location
            for (key, owners) in [("owners", principal.owners), ("servicePrincipalOwners", principal.servicePrincipalOwners)] {
                for owner in owners where !isPrincipal(owner, of: tenant, groups: false) {
                    report(
                        principal.fieldLocations[key] ?? location,
                        "\(key) of '\(principal.name)' names unknown '\(owner)' (an owner is a user or service principal of this tenant: its name or objectId)"
                    )
                }
            }
            for grant in principal.delegatedGrants {
                let grantLocation = grant.location ?? location
                if Directory.Resource.key(grant.resource, in: configuration.resources) == nil {
                    let names = Directory.Resource.names(configuration.resources)
                    report(
                        grant.fieldLocations["resource"] ?? grantLocation,
                        "unknown resource '\(grant.resource)'\(Suggestion.hint(for: grant.resource, in: names)); use one of \(names.joined(separator: ", "))"
                    )
                }
                if grant.scopes.isEmpty || grant.scopes.contains(where: { $0.isEmpty || $0.contains(" ") }) {
                    report(grant.fieldLocations["scopes"] ?? grantLocation, "scopes lists delegated permissions, one word each (User.Read)")
                }
                if let user = grant.user,
                    !tenant.users.contains(where: {
                        [$0.name, $0.objectId, $0.userPrincipalName ?? ""].map { $0.lowercased() }.contains(user.lowercased())
                    })
                {
                    report(grant.fieldLocations["user"] ?? grantLocation, "delegated grant names unknown user '\(user)'")
                }
            }
        }
    }
}
