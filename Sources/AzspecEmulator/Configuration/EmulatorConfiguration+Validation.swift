import AzspecCore

extension EmulatorConfiguration {
    /// Checks identifiers, references and names; throws ``EmulatorError`` listing every problem found.
    func validate() throws(EmulatorError) {
        var checker = ConfigurationChecker(self)
        checker.check()
        guard !checker.diagnostics.hasErrors else {
            // In the order of the file, whichever check found them.
            let ordered = checker.diagnostics.diagnostics.enumerated().sorted { a, b in
                a.element.location != b.element.location ? a.element.location < b.element.location : a.offset < b.offset
            }
            throw EmulatorError.invalidConfiguration(ordered.map(\.element))
        }
    }
}

/// Semantic checks over a parsed (or code-built) configuration.
struct ConfigurationChecker {
    let configuration: EmulatorConfiguration
    let fallbackFile: String
    var diagnostics = DiagnosticCollector()

    init(_ configuration: EmulatorConfiguration) {
        self.configuration = configuration
        fallbackFile = configuration.location?.file ?? "<configuration>"
    }

    mutating func check() {
        if configuration.tokenLifetime < 0 || configuration.tokenLifetime > 86_400 * 365 {
            report(
                configuration.fieldLocations["tokenLifetime"] ?? configuration.location,
                "tokenLifetime must be between 0 and 31536000 seconds")
        }
        if configuration.tenants.isEmpty {
            report(configuration.location, "the configuration defines no tenants")
        }
        var tenantKeys: Set<String> = []
        var objectIds: Set<String> = []
        var subscriptionIds: Set<String> = []
        for tenant in configuration.tenants {
            requireGUID(tenant.id, "tenant id", tenant.fieldLocations["id"] ?? tenant.location)
            if !tenantKeys.insert(tenant.id.lowercased()).inserted {
                report(tenant.fieldLocations["id"] ?? tenant.location, "duplicate tenant id '\(tenant.id)'")
            }
            for domain in tenant.domains {
                if domain.isEmpty || domain.contains("/") || domain.contains(" ") {
                    report(tenant.fieldLocations["domains"] ?? tenant.location, "'\(domain)' is not a domain name")
                } else if !tenantKeys.insert(domain.lowercased()).inserted {
                    report(
                        tenant.fieldLocations["domains"] ?? tenant.location,
                        "domain '\(domain)' is used by more than one tenant")
                }
            }
            checkPrincipals(tenant, objectIds: &objectIds)
            checkSubscriptions(tenant, subscriptionIds: &subscriptionIds)
        }
        checkFederatedIssuers()
        checkResources()
        checkManagedIdentities(objectIds: &objectIds)
        for tenant in configuration.tenants {
            checkGroups(tenant, objectIds: &objectIds)
            checkEntra(tenant, objectIds: &objectIds)
            checkManagementGroups(tenant)
            checkAssignments(tenant)
        }
    }

    private mutating func checkPrincipals(_ tenant: EmulatorConfiguration.Tenant, objectIds: inout Set<String>) {
        var names: Set<String> = []
        var clientIds: Set<String> = []
        for principal in tenant.servicePrincipals {
            let location = principal.location ?? tenant.location
            let fields = principal.fieldLocations
            if principal.name.isEmpty {
                report(fields["name"] ?? location, "a service principal needs a name")
            } else if !names.insert(principal.name.lowercased()).inserted {
                report(fields["name"] ?? location, "duplicate service principal name '\(principal.name)'")
            }
            if requireGUID(principal.clientId, "clientId", fields["clientId"] ?? location),
                !clientIds.insert(principal.clientId.lowercased()).inserted
            {
                report(
                    fields["clientId"] ?? location,
                    "duplicate clientId '\(principal.clientId)' in tenant '\(tenant.id)'")
            }
            if requireGUID(principal.objectId, "objectId", fields["objectId"] ?? location),
                !objectIds.insert(principal.objectId.lowercased()).inserted
            {
                report(fields["objectId"] ?? location, "duplicate objectId '\(principal.objectId)'")
            }
            if principal.secrets.isEmpty && principal.certificates.isEmpty && principal.federatedCredentials.isEmpty {
                report(
                    fields["secrets"] ?? location,
                    "service principal '\(principal.name)' needs at least one secret, certificate or federated credential")
            }
            for secret in principal.secrets where secret.value.isEmpty {
                report(secret.location ?? location, "a secret value must not be empty")
            }
            checkCredentials(principal, location: location)
            let known = Directory.Resource.names(configuration.resources)
            for resource in principal.appRoles.keys.sorted() where Directory.Resource.key(resource, in: configuration.resources) == nil {
                report(
                    fields["appRoles"] ?? location,
                    "appRoles names resource '\(resource)', which is none of \(known.joined(separator: ", "))"
                        + Suggestion.hint(for: resource, in: known))
            }
        }
    }

    private mutating func checkResources() {
        var uris: Set<String> = []
        for resource in configuration.resources {
            let location = resource.location ?? configuration.location
            let fields = resource.fieldLocations
            if !(resource.uri.hasPrefix("https://") || resource.uri.hasPrefix("http://")) || resource.uri.contains(" ") {
                report(fields["uri"] ?? location, "resource uri '\(resource.uri)' is not an http(s) URL")
            } else if Directory.Resource.builtIn.contains(where: { $0.identifiers.contains(Directory.Resource.normalized(resource.uri)) }) {
                report(fields["uri"] ?? location, "resource '\(resource.uri)' is one of Microsoft's, which the emulator knows already")
            } else if !uris.insert(Directory.Resource.normalized(resource.uri)).inserted {
                report(fields["uri"] ?? location, "duplicate resource uri '\(resource.uri)'")
            }
            if let appId = resource.appId { _ = requireGUID(appId, "appId", fields["appId"] ?? location) }
        }
    }

    private mutating func checkSubscriptions(_ tenant: EmulatorConfiguration.Tenant, subscriptionIds: inout Set<String>) {
        let states = ["Enabled", "Disabled", "Warned", "PastDue", "Deleted"]
        for subscription in tenant.subscriptions {
            let location = subscription.location ?? tenant.location
            let idLocation = subscription.fieldLocations["id"] ?? location
            if requireGUID(subscription.id, "subscription id", idLocation),
                !subscriptionIds.insert(subscription.id.lowercased()).inserted
            {
                report(idLocation, "duplicate subscription id '\(subscription.id)'")
            }
            if !states.contains(subscription.state) {
                report(
                    subscription.fieldLocations["state"] ?? location,
                    "subscription state must be one of \(states.joined(separator: ", "))")
            }
            var groupNames: Set<String> = []
            for group in subscription.resourceGroups {
                let groupLocation = group.sourceLocation ?? location
                let nameLocation = group.fieldLocations["name"] ?? groupLocation
                if let problem = ResourceGroupName.problem(with: group.name) {
                    report(nameLocation, problem)
                }
                if !groupNames.insert(group.name.lowercased()).inserted {
                    report(
                        nameLocation, "duplicate resource group '\(group.name)' in subscription '\(subscription.id)'")
                }
                if group.location.isEmpty {
                    report(
                        group.fieldLocations["location"] ?? groupLocation,
                        "resource group '\(group.name)' needs a location")
                }
            }
        }
    }

    /// Whether `reference` names a service principal, managed identity or (unless `groups` is false) group of
    /// the tenant, by name or object id.
    func isPrincipal(_ reference: String, of tenant: EmulatorConfiguration.Tenant, groups: Bool = true, users: Bool = true) -> Bool {
        let key = reference.lowercased()
        return tenant.servicePrincipals.contains { $0.name.lowercased() == key || $0.objectId.lowercased() == key }
            || managedIdentities(of: tenant).contains { $0.name.lowercased() == key || $0.objectId.lowercased() == key }
            || (groups && tenant.groups.contains { $0.name.lowercased() == key || $0.objectId.lowercased() == key })
            || (users
                && tenant.users.contains { [$0.name, $0.objectId, $0.userPrincipalName ?? ""].map { $0.lowercased() }.contains(key) })
    }

    /// A scope in one of the tenant's subscriptions whose resource group, if it names one, is configured.
    private mutating func checkScope(_ text: String, of tenant: EmulatorConfiguration.Tenant, at location: SourceLocation?) {
        guard let scope = ARMScope(text) else {
            report(location, ARMScope.problem(text) ?? "")
            return
        }
        guard let subscription = tenant.subscriptions.first(where: { $0.id.lowercased() == scope.subscriptionId.lowercased() })
        else {
            report(location, "scope '\(text)' names a subscription that tenant '\(tenant.id)' does not have")
            return
        }
        if let group = scope.resourceGroup, !subscription.resourceGroups.contains(where: { $0.name.lowercased() == group.lowercased() }) {
            let names = subscription.resourceGroups.map(\.name)
            report(
                location,
                "scope '\(text)' names resource group '\(group)', which subscription '\(subscription.id)' does not have"
                    + Suggestion.hint(for: group, in: names))
        }
    }

    private mutating func checkActions<Entry: ActionLists>(of entry: Entry, at location: (String) -> SourceLocation?) {
        for (key, list) in Entry.actionKeys {
            for action in entry[keyPath: list] {
                if let problem = RBACAction.shapeProblem(action, wildcards: true) { report(location(key), problem) }
            }
        }
    }

    private mutating func checkAssignments(_ tenant: EmulatorConfiguration.Tenant) {
        var roleNames = RoleDefinition.builtIn.map(\.name)
        for role in tenant.roleDefinitions {
            let location = role.location ?? tenant.location
            if roleNames.contains(where: { $0.lowercased() == role.name.lowercased() }) {
                report(role.fieldLocations["name"] ?? location, "role '\(role.name)' is defined twice (or is a built-in role)")
            } else {
                roleNames.append(role.name)
            }
            if let id = role.id, requireGUID(id, "role definition id", role.fieldLocations["id"] ?? location),
                RoleDefinition.builtIn.contains(where: { $0.id == id.lowercased() })
            {
                report(role.fieldLocations["id"] ?? location, "role definition id '\(id)' is a built-in role's")
            }
            if role.actions.isEmpty && role.dataActions.isEmpty {
                report(location, "role '\(role.name)' grants nothing: give it actions or dataActions")
            }
            checkActions(of: role, at: { role.fieldLocations[$0] ?? location })
        }
        for assignment in tenant.roleAssignments + tenant.eligibleRoleAssignments {
            let location = assignment.location ?? tenant.location
            let fields = assignment.fieldLocations
            if !isPrincipal(assignment.principal, of: tenant) {
                report(
                    fields["principal"] ?? location,
                    "role assignment names unknown principal '\(assignment.principal)' "
                        + "(use the name or objectId of a service principal, managed identity or group of this tenant)")
            }
            let key = assignment.role.lowercased()
            let known =
                RoleDefinition.builtIn(named: assignment.role) != nil
                || tenant.roleDefinitions.contains { $0.name.lowercased() == key || $0.id?.lowercased() == key }
            if !known {
                report(
                    fields["role"] ?? location,
                    "unknown role '\(assignment.role)'\(Suggestion.hint(for: assignment.role, in: roleNames)); the emulator knows "
                        + roleNames.joined(separator: ", ") + " (add custom roles under roleDefinitions)")
            }
            if let group = ManagementGroups.id(inScope: assignment.scope) {
                if !ManagementGroups.names(of: tenant).contains(group.lowercased()) {
                    report(
                        fields["scope"] ?? location,
                        "scope '\(assignment.scope)' names management group '\(group)', which tenant '\(tenant.id)' does not have "
                            + "(its root group's id is the tenant id)")
                }
            } else {
                checkScope(assignment.scope, of: tenant, at: fields["scope"] ?? location)
            }
        }
        for deny in tenant.denyAssignments {
            let location = deny.location ?? tenant.location
            checkScope(deny.scope, of: tenant, at: deny.fieldLocations["scope"] ?? location)
            for principal in deny.principals + deny.excludePrincipals
            where principal.lowercased() != "everyone" && !isPrincipal(principal, of: tenant) {
                report(
                    deny.fieldLocations["principals"] ?? location,
                    "deny assignment '\(deny.name)' names unknown principal '\(principal)' (or use everyone)")
            }
            if deny.actions.isEmpty && deny.dataActions.isEmpty {
                report(location, "deny assignment '\(deny.name)' denies nothing: give it actions or dataActions")
            }
            checkActions(of: deny, at: { deny.fieldLocations[$0] ?? location })
        }
    }

    @discardableResult
    mutating func requireGUID(_ value: String, _ what: String, _ location: SourceLocation?) -> Bool {
        guard GUID.isValid(value) else {
            report(location, "\(what) '\(value)' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)")
            return false
        }
        return true
    }

    mutating func report(_ location: SourceLocation?, _ message: String) {
        diagnostics.error(message, at: location ?? .whole(fallbackFile))
    }
}
