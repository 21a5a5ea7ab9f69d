import Foundation
import _CryptoExtras

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

    /// A federated identity credential; `issuer` may contain the `{baseURL}` placeholder.
    struct FederatedCredential: Sendable {
        let issuer: String
        let subject: String
        let audiences: [String]
    }

    /// A federated issuer's URL (possibly with `{baseURL}`) and the key that verifies its tokens.
    struct FederatedIssuer: Sendable {
        let issuer: String
        let publicKey: _RSA.Signing.PublicKey
    }

    /// A service principal or a managed identity: whatever tokens are issued for.
    struct Principal: Sendable {
        let name: String
        let clientId: String
        let objectId: String
        let tenantId: String
        let secrets: [Secret]
        let certificates: [RegisteredCertificate]
        let federatedCredentials: [FederatedCredential]
        let appRoles: [String]
        /// Set for managed identities (lower-cased ARM resource id, or empty when none was configured).
        let managedIdentityResourceId: String?

        var isManagedIdentity: Bool { managedIdentityResourceId != nil }
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
    /// Configured federated issuers (the built-in test issuer is added by the server).
    let federatedIssuers: [FederatedIssuer]
    let managedIdentities: ManagedIdentityIndex
    private let tenantsByKey: [String: Tenant]
    private let principalsByClient: [String: Principal]
    private let principalsByObjectId: [String: Principal]
    private let subscriptionsByKey: [String: Subscription]
    private let assignmentsByPrincipal: [String: [Assignment]]

    /// Indexes a configuration that passed ``EmulatorConfiguration/validate()`` (PEM values that fail to load are
    /// skipped; validation reports them).
    init(_ configuration: EmulatorConfiguration) {
        tokenLifetime = configuration.tokenLifetime
        let folder = configuration.baseDirectory
        var tenants: [String: Tenant] = [:]
        var byClient: [String: Principal] = [:]
        var byObject: [String: Principal] = [:]
        var subscriptionList: [Subscription] = []
        var assignments: [String: [Assignment]] = [:]
        for tenant in configuration.tenants {
            let record = Tenant(id: tenant.id.lowercased(), displayName: tenant.displayName)
            tenants[record.id] = record
            for domain in tenant.domains { tenants[domain.lowercased()] = record }
        }
        for tenant in configuration.tenants {
            let tenantId = tenant.id.lowercased()
            for principal in tenant.servicePrincipals {
                let entry = Self.principal(principal, tenantId: tenantId, folder: folder)
                byClient[tenantId + "|" + entry.clientId] = entry
                byObject[entry.objectId] = entry
            }
            for subscription in tenant.subscriptions {
                subscriptionList.append(
                    Subscription(
                        id: subscription.id.lowercased(),
                        tenantId: tenantId,
                        displayName: subscription.displayName,
                        state: subscription.state,
                        tags: subscription.tags,
                        resourceGroups: subscription.resourceGroups
                    )
                )
            }
        }
        var identities: [Principal] = []
        for identity in configuration.managedIdentities {
            guard let tenant = tenants[identity.tenant.lowercased()] else { continue }
            let entry = Principal(
                name: identity.name,
                clientId: identity.clientId.lowercased(),
                objectId: identity.objectId.lowercased(),
                tenantId: tenant.id,
                secrets: [],
                certificates: [],
                federatedCredentials: [],
                appRoles: [],
                managedIdentityResourceId: identity.resourceId?.lowercased() ?? ""
            )
            identities.append(entry)
            byObject[entry.objectId] = entry
        }
        for tenant in configuration.tenants {
            for assignment in tenant.roleAssignments {
                let key = assignment.principal.lowercased()
                guard
                    let principal = byObject.values.first(where: {
                        $0.tenantId == tenant.id.lowercased() && ($0.name.lowercased() == key || $0.objectId == key)
                    }),
                    let role = RoleDefinition.named(assignment.role),
                    let scope = RoleAssignmentScope(assignment.scope)
                else { continue }
                assignments[principal.objectId, default: []].append(
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
        managedIdentities = ManagedIdentityIndex(
            identities, defaultName: configuration.defaultManagedIdentity)
        federatedIssuers = configuration.federatedIssuers.compactMap { issuer in
            guard let text = try? PEMSource.text(of: issuer.publicKey, relativeTo: folder),
                let key = try? IssuerPublicKey.read(pem: text)
            else { return nil }
            return FederatedIssuer(issuer: issuer.issuer, publicKey: key)
        }
    }

    private static func principal(
        _ principal: EmulatorConfiguration.ServicePrincipal, tenantId: String, folder: String?
    ) -> Principal {
        Principal(
            name: principal.name,
            clientId: principal.clientId.lowercased(),
            objectId: principal.objectId.lowercased(),
            tenantId: tenantId,
            secrets: principal.secrets.map { Secret(value: $0.value, expires: $0.expires?.timeIntervalSince1970) },
            certificates: principal.certificates.compactMap { certificate in
                guard let text = try? PEMSource.text(of: certificate.pem, relativeTo: folder) else { return nil }
                return try? RegisteredCertificate(pem: text)
            },
            federatedCredentials: principal.federatedCredentials.map {
                FederatedCredential(issuer: $0.issuer, subject: $0.subject, audiences: $0.audiences)
            },
            appRoles: principal.appRoles,
            managedIdentityResourceId: nil
        )
    }

    /// The tenant named by a token URL: its GUID or one of its domains.
    func tenant(_ idOrDomain: String) -> Tenant? {
        tenantsByKey[idOrDomain.lowercased()]
    }

    /// A service principal of the tenant (managed identities do not sign in at the token endpoints).
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
