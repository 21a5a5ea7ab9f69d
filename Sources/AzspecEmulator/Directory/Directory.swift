import AzspecCore
import Crypto
import Foundation
import _CryptoExtras

/// The emulator's read-only view of its configuration, indexed for lookups on every request.
///
/// Keys are lower-cased: tenant ids, domains, client ids, object ids and subscription ids compare case-insensitively.
struct Directory: Sendable {
    struct Tenant: Sendable {
        let id: String
        let displayName: String?
        var domains: [String] = []
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
        /// App roles by resource name (``Resource/name``): a token for that resource carries them.
        let appRoles: [String: [String]]
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

    /// Where a role assignment is made: an ARM scope, or a management group (and so every subscription below it).
    struct AssignmentScope: Sendable, Equatable {
        /// The same scope, in any letter case (as ARM compares them).
        static func == (a: AssignmentScope, b: AssignmentScope) -> Bool { a.path.lowercased() == b.path.lowercased() }

        /// As Azure prints it.
        let path: String
        /// For a subscription, resource group or resource.
        let arm: ARMScope?
        /// For a management group: the lower-cased subscriptions below it.
        let subscriptions: Set<String>

        init(_ scope: ARMScope) {
            path = scope.path
            arm = scope
            subscriptions = []
        }

        init(managementGroup id: String, subscriptions: Set<String>) {
            path = "/providers/Microsoft.Management/managementGroups/\(id)"
            arm = nil
            self.subscriptions = subscriptions
        }

        /// True when it applies at `target`: `target` is it, below it, or in a subscription below its group.
        func contains(_ target: ARMScope) -> Bool {
            arm?.contains(target) ?? subscriptions.contains(target.subscriptionId.lowercased())
        }

        /// True when it concerns the subscription (lower-cased id): made in it, or above it.
        func concerns(subscription id: String) -> Bool {
            arm.map { $0.subscriptionId.lowercased() == id } ?? subscriptions.contains(id)
        }

        /// True when it is made below `target` (what a list without `atScope()` also shows).
        func isBelow(_ target: ARMScope) -> Bool { arm.map(target.contains) ?? false }

        /// Where its role definition's id is rooted, as ARM prints it: the subscription, or none for a group.
        var roleDefinitionRoot: String { arm.map { "/subscriptions/\($0.subscriptionId)" } ?? "" }
    }

    /// A role assignment, as the role assignments API lists it.
    struct Assignment: Sendable {
        /// A GUID derived from principal, role and scope, so that it is the same in every run.
        let id: String
        let principalId: String
        let principalType: String
        let role: RoleDefinition
        let scope: AssignmentScope
        let condition: String?

        var resourceId: String { "\(scope.path)/providers/Microsoft.Authorization/roleAssignments/\(id)" }
    }

    /// A deny assignment; `principals` holds lower-cased object ids, ``everyone`` for all.
    struct Deny: Sendable {
        static let everyone = "00000000-0000-0000-0000-000000000000"
        let id: String
        let name: String
        let scope: ARMScope
        let block: PermissionBlock
        let principals: Set<String>
        let excludedPrincipals: Set<String>
        let doNotApplyToChildScopes: Bool

        var resourceId: String { "\(scope.path)/providers/Microsoft.Authorization/denyAssignments/\(id)" }

        /// Whether it applies at `target` to the principal whose object id and transitive groups are `ids`.
        func applies(to ids: Set<String>, at target: ARMScope) -> Bool {
            guard doNotApplyToChildScopes ? scope == target : scope.contains(target) else { return false }
            return (principals.contains(Self.everyone) || !principals.isDisjoint(with: ids)) && excludedPrincipals.isDisjoint(with: ids)
        }
    }

    /// A security group: its members' object ids (principals and groups).
    struct Group: Sendable {
        let name: String
        let objectId: String
        let tenantId: String
        let members: [String]
    }

    let tokenLifetime: Int
    /// Polls (and seconds) an asynchronous operation answers 202 before it is done, and their `Retry-After`.
    let operationPolls: Int
    let operationRetryAfter: Int
    let operationSeconds: Double
    let throttling: [EmulatorConfiguration.ThrottlingRule]
    let pageSize: Int
    let tokenBucket: [String: EmulatorConfiguration.TokenBucket]
    let subscriptions: [Subscription]
    /// Configured federated issuers (the built-in test issuer is added by the server).
    let federatedIssuers: [FederatedIssuer]
    let managedIdentities: ManagedIdentityIndex
    private let tenantsByKey: [String: Tenant]
    private let principalsByClient: [String: Principal]
    private let principalsByObjectId: [String: Principal]
    /// Every service principal and managed identity, by object id.
    let allPrincipals: [Principal]
    private let subscriptionsByKey: [String: Subscription]
    /// The configured assignments by principal; ``assignments(objectId:at:)`` reads the changes besides.
    private let assignmentsByPrincipal: [String: [Assignment]]
    /// The configured role assignments, in configuration order.
    private let configuredAssignments: [Assignment]
    /// Those made and removed through the API since the emulator started.
    let changes = AssignmentChanges()

    /// Every role assignment: the configured ones, less those deleted, and those created since.
    var assignments: [Assignment] { changes.apply(to: configuredAssignments) }

    /// Creates `assignment`; the existing one instead when its id, or its principal, role and scope, are taken.
    func create(_ assignment: Assignment) -> Assignment? { changes.add(assignment, configured: configuredAssignments) }

    /// Deletes the assignment `id` made at `scope`; the one deleted, if there is one there.
    func deleteAssignment(_ id: String, at scope: AssignmentScope) -> Assignment? {
        changes.remove(id.lowercased(), at: scope, configured: configuredAssignments)
    }
    /// Eligible (PIM) role assignments: listed, never granting.
    let eligibleAssignments: [Assignment]
    /// Groups by object id, and the groups each object id is a direct member of.
    let groupsByObjectId: [String: Group]
    /// For each member of a group, its chains of groups (worked out once: groups do not change while the emulator
    /// runs).
    private let memberships: [String: [[String]]]
    let denies: [Deny]
    /// The APIs tokens may be issued for: Microsoft's, then the configured ones.
    let resources: [Resource]
    /// Built-in and custom roles by lower-cased GUID.
    let rolesById: [String: RoleDefinition]
    /// Users, API service principals, app role assignments, delegated grants, owners and directory roles.
    let entra: Entra

    /// Indexes a configuration that passed ``EmulatorConfiguration/validate()`` (PEM values that fail to load are
    /// skipped; validation reports them).
    init(_ configuration: EmulatorConfiguration) {
        resources = Resource.all(configuration.resources)
        tokenLifetime = configuration.tokenLifetime
        operationPolls = configuration.operationPolls
        operationRetryAfter = configuration.operationRetryAfter
        operationSeconds = configuration.operationSeconds
        throttling = configuration.throttling
        pageSize = configuration.pageSize
        tokenBucket = configuration.tokenBucket
        let folder = configuration.baseDirectory
        var tenants: [String: Tenant] = [:]
        var byClient: [String: Principal] = [:]
        var byObject: [String: Principal] = [:]
        var subscriptionList: [Subscription] = []
        var assignments: [String: [Assignment]] = [:]
        for tenant in configuration.tenants {
            let record = Tenant(id: tenant.id.lowercased(), displayName: tenant.displayName, domains: tenant.domains)
            tenants[record.id] = record
            for domain in tenant.domains { tenants[domain.lowercased()] = record }
        }
        for tenant in configuration.tenants {
            let tenantId = tenant.id.lowercased()
            for principal in tenant.servicePrincipals {
                let entry = Self.principal(principal, tenantId: tenantId, folder: folder, resources: configuration.resources)
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
                appRoles: [:],
                managedIdentityResourceId: identity.resourceId?.lowercased() ?? ""
            )
            identities.append(entry)
            byObject[entry.objectId] = entry
        }
        var roles = Dictionary(RoleDefinition.builtIn.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var allAssignments: [Assignment] = []
        var eligible: [Assignment] = []
        var denyList: [Deny] = []
        var groups: [String: Group] = [:]
        var parents: [String: [String]] = [:]
        for tenant in configuration.tenants {
            let tenantId = tenant.id.lowercased()
            let custom = tenant.roleDefinitions.map { Self.role($0, tenantId: tenantId) }
            for role in custom { roles[role.id] = role }
            let tenantGroups = tenant.groups.map {
                (key: $0.name.lowercased(), group: $0, objectId: $0.objectId.lowercased())
            }
            func objectId(_ reference: String) -> String? {
                let key = reference.lowercased()
                if key == "everyone" { return Deny.everyone }
                if let group = tenantGroups.first(where: { $0.key == key || $0.objectId == key }) { return group.objectId }
                return byObject.values.first { $0.tenantId == tenantId && ($0.name.lowercased() == key || $0.objectId == key) }?
                    .objectId
                    ?? tenant.users.first { [$0.objectId, $0.name, $0.userPrincipalName ?? ""].map { $0.lowercased() }.contains(key) }?
                    .objectId.lowercased()
            }
            for entry in tenantGroups {
                let members = entry.group.members.compactMap(objectId)
                groups[entry.objectId] = Group(name: entry.group.name, objectId: entry.objectId, tenantId: tenantId, members: members)
                for member in members { parents[member, default: []].append(entry.objectId) }
            }
            let belowGroups = ManagementGroups.subscriptions(of: tenant)
            func assignment(_ assignment: EmulatorConfiguration.RoleAssignment, salt: String) -> Assignment? {
                let key = assignment.role.lowercased()
                let scope: AssignmentScope
                if let group = ManagementGroups.id(inScope: assignment.scope) {
                    guard let below = belowGroups[group.lowercased()] else { return nil }
                    scope = AssignmentScope(managementGroup: group, subscriptions: below)
                } else {
                    guard let arm = ARMScope(assignment.scope) else { return nil }
                    scope = AssignmentScope(arm)
                }
                guard let principal = objectId(assignment.principal),
                    let role = custom.first(where: { $0.name.lowercased() == key || $0.id == key })
                        ?? RoleDefinition.builtIn(named: assignment.role)
                else { return nil }
                return Assignment(
                    id: Self.stableGUID(salt + principal + "|" + role.id + "|" + scope.path.lowercased()),
                    principalId: principal,
                    principalType: groups[principal] != nil
                        ? "Group" : tenant.users.contains { $0.objectId.lowercased() == principal } ? "User" : "ServicePrincipal",
                    role: role, scope: scope, condition: assignment.condition)
            }
            for entry in tenant.roleAssignments.compactMap({ assignment($0, salt: "") }) {
                allAssignments.append(entry)
                assignments[entry.principalId, default: []].append(entry)
            }
            eligible += tenant.eligibleRoleAssignments.compactMap { assignment($0, salt: "eligible|") }
            for deny in tenant.denyAssignments {
                guard let scope = ARMScope(deny.scope) else { continue }
                denyList.append(
                    Deny(
                        id: Self.stableGUID("deny|" + deny.name + "|" + scope.path.lowercased()), name: deny.name, scope: scope,
                        block: deny.permissionBlock,
                        principals: Set(deny.principals.compactMap(objectId)),
                        excludedPrincipals: Set(deny.excludePrincipals.compactMap(objectId)),
                        doNotApplyToChildScopes: deny.doNotApplyToChildScopes))
            }
        }
        configuredAssignments = allAssignments
        let groupList = groups
        entra = Self.entra(configuration, principals: byObject, resources: Resource.all(configuration.resources)) { reference, tenantId in
            let key = reference.lowercased()
            if let group = groupList.values.first(where: { $0.tenantId == tenantId && ($0.objectId == key || $0.name.lowercased() == key) })
            {
                return group.objectId
            }
            if let principal = byObject.values.first(where: {
                $0.tenantId == tenantId && ($0.objectId == key || $0.name.lowercased() == key)
            }) {
                return principal.objectId
            }
            return configuration.tenants.first { $0.id.lowercased() == tenantId }?.users
                .first { [$0.objectId, $0.name, $0.userPrincipalName ?? ""].map { $0.lowercased() }.contains(key) }?.objectId.lowercased()
        }
        eligibleAssignments = eligible
        groupsByObjectId = groups
        memberships = Dictionary(uniqueKeysWithValues: parents.keys.map { ($0, Self.membershipPaths(of: $0, parents: parents)) })
        denies = denyList
        rolesById = roles
        tenantsByKey = tenants
        principalsByClient = byClient
        principalsByObjectId = byObject
        allPrincipals = byObject.values.sorted { $0.objectId < $1.objectId }
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
        _ principal: EmulatorConfiguration.ServicePrincipal, tenantId: String, folder: String?,
        resources: [EmulatorConfiguration.Resource]
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
            appRoles: Dictionary(
                principal.appRoles.compactMap { name, roles in Resource.key(name, in: resources).map { ($0, roles) } },
                uniquingKeysWith: +),
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

    /// The groups `objectId` belongs to, directly or through other groups, each once (breadth first, so the
    /// nearest come first).
    func transitiveGroups(of objectId: String) -> [String] {
        membershipPaths(of: objectId).map { $0.last ?? objectId }
    }

    /// For each group `objectId` belongs to, the chain of groups that makes it a member (the nearest first, the
    /// group itself last); breadth first, so each group comes once, by its shortest chain.
    func membershipPaths(of objectId: String) -> [[String]] { memberships[objectId] ?? [] }

    private static func membershipPaths(of objectId: String, parents parentGroups: [String: [String]]) -> [[String]] {
        var seen: Set<String> = [objectId]
        var paths: [[String]] = []
        var queue: [[String]] = (parentGroups[objectId] ?? []).map { [$0] }
        var index = 0
        while index < queue.count {
            let path = queue[index]
            index += 1
            guard let group = path.last, seen.insert(group).inserted else { continue }
            paths.append(path)
            queue += (parentGroups[group] ?? []).map { path + [$0] }
        }
        return paths
    }

    /// The role assignments that apply to `objectId` at `scope` (made there or above it, to it or to one of its
    /// groups), each with the group it comes through, if any.
    func assignments(objectId: String, at scope: ARMScope) -> [(assignment: Assignment, through: [Group])] {
        let changed = changes.isEmpty ? nil : assignments
        return ([[]] + membershipPaths(of: objectId)).flatMap { path in
            let holder = path.last ?? objectId
            let held = changed.map { all in all.filter { $0.principalId == holder } } ?? assignmentsByPrincipal[holder] ?? []
            return held.filter { $0.scope.contains(scope) }.map { ($0, path.compactMap { groupsByObjectId[$0] }) }
        }
    }

    /// True when `objectId` (or one of its groups) holds any role anywhere in the subscription (what
    /// `GET /subscriptions` lists).
    func hasAnyAssignment(objectId: String, subscriptionKey: String) -> Bool {
        let holders = [objectId] + transitiveGroups(of: objectId)
        // The index answers while nothing was granted or revoked over the API (the common case: every list call).
        guard changes.isEmpty else {
            let set = Set(holders)
            return assignments.contains { set.contains($0.principalId) && $0.scope.concerns(subscription: subscriptionKey) }
        }
        return holders.contains { holder in
            assignmentsByPrincipal[holder]?.contains { $0.scope.concerns(subscription: subscriptionKey) } ?? false
        }
    }

    /// Azure RBAC for `objectId` at `scope`: the deny assignments and role grants that apply there, through its
    /// groups too.
    func evaluator(objectId: String, at scope: ARMScope) -> RBACEvaluator {
        let grants = assignments(objectId: objectId, at: scope).flatMap { held in
            held.assignment.role.permissions.map {
                RBACEvaluator.Entry(
                    $0,
                    source: .init(
                        role: held.assignment.role.name, assignment: held.assignment.resourceId,
                        condition: held.assignment.condition, through: held.through.map { "group '\($0.name)'" }))
            }
        }
        let ids = Set([objectId] + transitiveGroups(of: objectId))
        let denials = denies.filter { $0.applies(to: ids, at: scope) }.map {
            RBACEvaluator.Entry($0.block, source: .init(role: nil, assignment: $0.resourceId))
        }
        return RBACEvaluator(grants: grants, denies: denials)
    }

    /// RBAC at a subscription or one of its resource groups. Conditions are not evaluated: an assignment with one
    /// grants as if it had none (the emulator serves no data plane, where conditions mostly apply).
    func isAllowed(_ action: RBACAction, objectId: String, subscriptionKey: String, resourceGroupKey: String?) -> Bool {
        let path = "/subscriptions/\(subscriptionKey)" + (resourceGroupKey.map { "/resourceGroups/\($0)" } ?? "")
        guard let scope = ARMScope(path) else { return false }
        return isAllowed(action, objectId: objectId, at: scope)
    }

    func isAllowed(_ action: RBACAction, objectId: String, at scope: ARMScope) -> Bool {
        evaluator(objectId: objectId, at: scope).decide(action).isAllowed
    }

    /// A custom role from the configuration; its GUID is derived from its tenant and name when none is given.
    private static func role(_ role: EmulatorConfiguration.CustomRole, tenantId: String) -> RoleDefinition {
        RoleDefinition(
            name: role.name, id: role.id ?? stableGUID("role|" + tenantId + "|" + role.name.lowercased()),
            permissions: [role.permissionBlock])
    }

    /// A GUID made from `text` (SHA-256), the same in every run.
    static func stableGUID(_ text: String) -> String {
        var bytes = Array(SHA256.hash(data: Data(text.utf8)).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let uuid = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
        return uuid.uuidString.lowercased()
    }
}

extension Directory {
    /// Whether an operation polled `polls` times (this one included), first seen `age` seconds ago, is still running.
    func isInProgress(polls: Int, age: Double) -> Bool {
        polls <= operationPolls || age < operationSeconds
    }
}
