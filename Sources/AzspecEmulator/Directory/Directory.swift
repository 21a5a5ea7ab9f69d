/// The emulator's read-only view of its configuration, indexed for lookups on every request.
///
/// Keys are lower-cased: tenant ids, domains, client ids, object ids and subscription ids compare case-insensitively.
struct Directory: Sendable {
    struct Tenant: Sendable {
        let id: String
        let displayName: String?
    }

    struct Secret: Sendable {
        let value: String
        /// Epoch seconds after which the secret is rejected with AADSTS7000222.
        let expires: Double?
    }

    struct Principal: Sendable {
        let name: String
        let clientId: String
        let objectId: String
        let tenantId: String
        let secrets: [Secret]
        let appRoles: [String]
    }

    struct Subscription: Sendable {
        let id: String
        let tenantId: String
        let displayName: String
        let state: String
        let tags: [(key: String, value: String)]?
        let resourceGroups: [EmulatorConfiguration.ResourceGroup]
    }

    struct Assignment: Sendable {
        let role: RoleDefinition
        let subscriptionKey: String
        /// Lower-cased resource group name, nil for a subscription-scope assignment.
        let resourceGroupKey: String?
    }

    let tokenLifetime: Int
    let subscriptions: [Subscription]
    private let tenantsByKey: [String: Tenant]
    private let principalsByClient: [String: Principal]
    private let principalsByObjectId: [String: Principal]
    private let subscriptionsByKey: [String: Subscription]
    private let assignmentsByPrincipal: [String: [Assignment]]

    /// Indexes a configuration that passed ``EmulatorConfiguration/validate()``.
    init(_ configuration: EmulatorConfiguration) {
        tokenLifetime = configuration.tokenLifetime
        var tenants: [String: Tenant] = [:]
        var byClient: [String: Principal] = [:]
        var byObject: [String: Principal] = [:]
        var subscriptionList: [Subscription] = []
        var assignments: [String: [Assignment]] = [:]
        for tenant in configuration.tenants {
            let record = Tenant(id: tenant.id.lowercased(), displayName: tenant.displayName)
            tenants[record.id] = record
            for domain in tenant.domains { tenants[domain.lowercased()] = record }
            for principal in tenant.servicePrincipals {
                let secrets = principal.secrets.map {
                    Secret(value: $0.value, expires: $0.expires?.timeIntervalSince1970)
                }
                let entry = Principal(
                    name: principal.name,
                    clientId: principal.clientId.lowercased(),
                    objectId: principal.objectId.lowercased(),
                    tenantId: record.id,
                    secrets: secrets,
                    appRoles: principal.appRoles
                )
                byClient[record.id + "|" + entry.clientId] = entry
                byObject[entry.objectId] = entry
            }
            for subscription in tenant.subscriptions {
                subscriptionList.append(
                    Subscription(
                        id: subscription.id.lowercased(),
                        tenantId: record.id,
                        displayName: subscription.displayName,
                        state: subscription.state,
                        tags: subscription.tags,
                        resourceGroups: subscription.resourceGroups
                    )
                )
            }
            for assignment in tenant.roleAssignments {
                let key = assignment.principal.lowercased()
                guard
                    let principal = tenant.servicePrincipals.first(where: {
                        $0.name.lowercased() == key || $0.objectId.lowercased() == key
                    }),
                    let role = RoleDefinition.named(assignment.role),
                    let scope = RoleAssignmentScope(assignment.scope)
                else { continue }
                assignments[principal.objectId.lowercased(), default: []].append(
                    Assignment(
                        role: role,
                        subscriptionKey: scope.subscriptionId.lowercased(),
                        resourceGroupKey: scope.resourceGroup?.lowercased()
                    )
                )
            }
        }
        tenantsByKey = tenants
        principalsByClient = byClient
        principalsByObjectId = byObject
        subscriptions = subscriptionList
        subscriptionsByKey = Dictionary(subscriptionList.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        assignmentsByPrincipal = assignments
    }

    /// The tenant named by a token URL: its GUID or one of its domains.
    func tenant(_ idOrDomain: String) -> Tenant? {
        tenantsByKey[idOrDomain.lowercased()]
    }

    func principal(clientId: String, tenantId: String) -> Principal? {
        principalsByClient[tenantId + "|" + clientId.lowercased()]
    }

    func principal(objectId: String) -> Principal? {
        principalsByObjectId[objectId.lowercased()]
    }

    func subscription(_ id: String) -> Subscription? {
        subscriptionsByKey[id.lowercased()]
    }

    /// Assignments of `objectId` that apply at the subscription, or at the resource group when one is given.
    func assignments(
        objectId: String,
        subscriptionKey: String,
        resourceGroupKey: String? = nil
    ) -> [Assignment] {
        guard let all = assignmentsByPrincipal[objectId] else { return [] }
        return all.filter {
            $0.subscriptionKey == subscriptionKey
                && ($0.resourceGroupKey == nil || $0.resourceGroupKey == resourceGroupKey)
        }
    }

    /// True when `objectId` holds any role anywhere in the subscription (what `GET /subscriptions` lists).
    func hasAnyAssignment(objectId: String, subscriptionKey: String) -> Bool {
        assignmentsByPrincipal[objectId]?.contains { $0.subscriptionKey == subscriptionKey } ?? false
    }

    /// RBAC: any applicable assignment whose role allows `action` (NotActions is not a deny).
    func isAllowed(_ action: ARMAction, objectId: String, subscriptionKey: String, resourceGroupKey: String?) -> Bool {
        assignments(objectId: objectId, subscriptionKey: subscriptionKey, resourceGroupKey: resourceGroupKey)
            .contains { $0.role.allows(lowercased: action.lowercased) }
    }
}
