import AzspecCore
import Foundation
import Hummingbird

/// Microsoft.Authorization at any scope: the caller's permissions, role assignments, role definitions and deny
/// assignments (azure-protocol.md §6–§7), decided by the same RBAC evaluator as the engine's permission checks.
extension ARMService {
    func authorization(
        _ request: ARMOperation, scope: ARMScope, kind: ARMRoute.AuthorizationKind, id: String?
    ) async throws(ARMError) -> ARMReply {
        if let group = scope.resourceGroup {
            let (record, remaining) = await state.resourceGroup(
                subscription: request.subscription.id, name: group, consuming: request.rateLimitKey)
            guard record != nil else { throw ARMError.resourceGroupNotFound(group).consumed(remaining) }
            return try reply(request, scope: scope, kind: kind, id: id, remaining: remaining)
        }
        let remaining = await state.consume(request.rateLimitKey)
        return try reply(request, scope: scope, kind: kind, id: id, remaining: remaining)
    }

    private func reply(
        _ request: ARMOperation, scope: ARMScope, kind: ARMRoute.AuthorizationKind, id: String?, remaining: Int
    ) throws(ARMError) -> ARMReply {
        let body: JSONValue
        do throws(ARMError) {
            switch kind {
            case .permissions:
                try authorize(request, .readPermissions, at: scope)
                body = try page(permissions(request, at: scope), request.call)
            case .roleAssignments:
                try authorize(request, .readRoleAssignments, at: scope)
                body = try page(try assignments(request, at: scope).map(Self.json), request.call)
            case .roleDefinitions:
                try authorize(request, .readRoleDefinitions, at: scope)
                if let id {
                    guard let role = directory.rolesById[id.lowercased()] else { throw ARMError.roleDefinitionNotFound(id) }
                    body = Self.json(role, at: scope)
                } else {
                    let roles =
                        try Self.roleFilter(request.call).map { filter in directory.rolesById.values.filter(filter) }
                        ?? Array(directory.rolesById.values)
                    body = try page(roles.sorted { $0.name < $1.name }.map { Self.json($0, at: scope) }, request.call)
                }
            case .denyAssignments:
                try authorize(request, .readDenyAssignments, at: scope)
                body = try page(try denyAssignments(request, at: scope).map(json), request.call)
            case .roleEligibilityScheduleInstances:
                // Azure asks for roleAssignments/read to list eligibility (learn.microsoft.com, PIM REST sample).
                try authorize(request, .readRoleAssignments, at: scope)
                body = try page(try assignments(request, at: scope, eligible: true).map(Self.eligibilityJSON), request.call)
            }
        } catch {
            throw error.consumed(remaining)
        }
        return ARMReply(status: .ok, body: body.serialized, remaining: remaining)
    }

    /// One page of a list: all of it, or `pageSize` items from `$skipToken` with a `nextLink` to the rest (the
    /// Microsoft.Authorization lists, subscriptions and storage accounts).
    func page(_ items: [JSONValue], _ call: ARMCall) throws(ARMError) -> JSONValue {
        let size = directory.pageSize
        guard size > 0 else { return .object(["value": .array(items)]) }
        let offset =
            try call.query("$skiptoken").map { text throws(ARMError) in
                guard let offset = Self.decodeSkipToken(text) else { throw .invalidQueryParameter("$skipToken", text) }
                return offset
            } ?? 0
        let end = min(items.count, offset + size)
        var object: JSONObject = ["value": .array(offset < end ? Array(items[offset..<end]) : [])]
        if end < items.count {
            var query = call.query.filter { $0.0.lowercased() != "$skiptoken" }.map {
                PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1)
            }
            query.append("%24skipToken=" + Self.encodeSkipToken(end))
            object["nextLink"] = .string(call.baseURL + call.path + "?" + query.joined(separator: "&"))
        }
        return .object(object)
    }

    /// One entry per role assignment of the caller that applies at the scope (as ARM does: clients must union them).
    private func permissions(_ request: ARMOperation, at scope: ARMScope) -> [JSONValue] {
        directory.assignments(objectId: request.token.objectId, at: scope).flatMap { $0.assignment.role.permissions.map(\.json) }
    }

    /// Role assignments (active, or eligible for PIM) as the list at `scope` answers with the request's `$filter`:
    /// `atScope()`, those at or above the scope, for every principal; `principalId eq '{id}'`, that principal's at,
    /// above and below; `assignedTo('{id}')`, also those of its groups (transitively), as Azure documents; either
    /// after `atScope() and`; no filter, every assignment at, above and below.
    private func assignments(
        _ request: ARMOperation, at scope: ARMScope, eligible: Bool = false
    ) throws(ARMError) -> [Directory.Assignment] {
        let filter = try Self.filter(request.call)
        let inSubscription = (eligible ? directory.eligibleAssignments : directory.assignments).filter {
            $0.scope.concerns(subscription: scope.subscriptionId.lowercased())
        }
        let related = inSubscription.filter { $0.scope.contains(scope) || $0.scope.isBelow(scope) }
        switch filter {
        case .atScope: return inSubscription.filter { $0.scope.contains(scope) }
        case .principal(let id): return related.filter { $0.principalId == id }
        case .atScopeAndPrincipal(let id): return inSubscription.filter { $0.scope.contains(scope) && $0.principalId == id }
        case .assignedTo(let id):
            let holders = Set([id] + directory.transitiveGroups(of: id))
            return related.filter { holders.contains($0.principalId) }
        case .atScopeAndAssignedTo(let id):
            let holders = Set([id] + directory.transitiveGroups(of: id))
            return inSubscription.filter { $0.scope.contains(scope) && holders.contains($0.principalId) }
        case nil: return related
        }
    }

    /// Deny assignments at or above the scope (`atScope()`), or also below it without a filter.
    private func denyAssignments(_ request: ARMOperation, at scope: ARMScope) throws(ARMError) -> [Directory.Deny] {
        let filter = try Self.filter(request.call)
        let inSubscription = directory.denies.filter { $0.scope.subscriptionId.lowercased() == scope.subscriptionId.lowercased() }
        switch filter {
        case .atScope: return inSubscription.filter { $0.scope.contains(scope) }
        case .principal(let id), .atScopeAndPrincipal(let id):
            return inSubscription.filter {
                $0.scope.contains(scope) && ($0.principals.contains(id) || $0.principals.contains(Directory.Deny.everyone))
            }
        case .assignedTo(let id), .atScopeAndAssignedTo(let id):
            // The principal, its groups or everyone named; the client weighs excludePrincipals.
            let holders = Set([id] + directory.transitiveGroups(of: id))
            return inSubscription.filter {
                $0.scope.contains(scope)
                    && (!$0.principals.isDisjoint(with: holders) || $0.principals.contains(Directory.Deny.everyone))
            }
        case nil: return inSubscription.filter { $0.scope.contains(scope) || scope.contains($0.scope) }
        }
    }

    enum Filter: Equatable {
        case atScope
        case principal(String)
        case atScopeAndPrincipal(String)
        /// `assignedTo('{id}')`: the principal's, and its groups' (transitively).
        case assignedTo(String)
        case atScopeAndAssignedTo(String)
    }

    /// The OData `$filter` forms ARM accepts on these lists.
    static func filter(_ call: ARMCall) throws(ARMError) -> Filter? {
        guard let text = call.query("$filter") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func principal(_ clause: Substring) -> String? {
            let parts = clause.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 3, parts[0].lowercased() == "principalid", parts[1].lowercased() == "eq",
                parts[2].hasPrefix("'"), parts[2].hasSuffix("'"), parts[2].count > 2
            else { return nil }
            return parts[2].dropFirst().dropLast().lowercased()
        }
        func assignedTo(_ clause: Substring) -> String? {
            let lower = clause.lowercased()
            guard lower.hasPrefix("assignedto('"), lower.hasSuffix("')"), clause.count > "assignedto('')".count else { return nil }
            return String(lower.dropFirst("assignedto('".count).dropLast(2))
        }
        if trimmed.lowercased() == "atscope()" { return .atScope }
        if let id = principal(Substring(trimmed)) { return .principal(id) }
        if let id = assignedTo(Substring(trimmed)) { return .assignedTo(id) }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("atscope() and ") {
            let rest = trimmed.dropFirst("atscope() and ".count)
            if let id = principal(rest) { return .atScopeAndPrincipal(id) }
            if let id = assignedTo(rest) { return .atScopeAndAssignedTo(id) }
        }
        throw .invalidQueryParameter("$filter", text)
    }

    static func json(_ assignment: Directory.Assignment) -> JSONValue {
        var properties: JSONObject = [
            "roleDefinitionId": .string(
                "\(assignment.scope.roleDefinitionRoot)/providers/Microsoft.Authorization/roleDefinitions/\(assignment.role.id)"
            ),
            "principalId": .string(assignment.principalId),
            "principalType": .string(assignment.principalType),
            "scope": .string(assignment.scope.path),
        ]
        if let condition = assignment.condition {
            properties["condition"] = .string(condition)
            properties["conditionVersion"] = "2.0"
        }
        return .object([
            "id": .string(assignment.resourceId), "name": .string(assignment.id),
            "type": "Microsoft.Authorization/roleAssignments", "properties": .object(properties),
        ])
    }

    /// `roleName eq '{name}'` (any case, as Azure matched `reader` to Reader for the Azure CLI) or
    /// `type eq 'BuiltInRole'|'CustomRole'`; nil without a filter.
    static func roleFilter(_ call: ARMCall) throws(ARMError) -> ((RoleDefinition) -> Bool)? {
        guard let text = call.query("$filter") else { return nil }
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count == 3, parts[1].lowercased() == "eq", parts[2].hasPrefix("'"), parts[2].hasSuffix("'"), parts[2].count >= 2
        else { throw .invalidQueryParameter("$filter", text) }
        let value = parts[2].dropFirst().dropLast().lowercased()
        switch parts[0].lowercased() {
        case "rolename": return { $0.name.lowercased() == value }
        case "type": return { ($0.isCustom ? "customrole" : "builtinrole") == value }
        default: throw .invalidQueryParameter("$filter", text)
        }
    }

    /// `Group` or `ServicePrincipal`, as role assignment lists name a principal's type.
    func principalType(_ objectId: String) -> String {
        directory.groupsByObjectId[objectId] != nil ? "Group" : "ServicePrincipal"
    }

    /// An eligibility schedule instance as PIM lists it (`2020-10-01`).
    static func eligibilityJSON(_ assignment: Directory.Assignment) -> JSONValue {
        var properties: JSONObject = [
            "roleDefinitionId": .string(
                "\(assignment.scope.roleDefinitionRoot)/providers/Microsoft.Authorization/roleDefinitions/\(assignment.role.id)"
            ),
            "principalId": .string(assignment.principalId), "principalType": .string(assignment.principalType),
            "scope": .string(assignment.scope.path), "status": "Provisioned", "memberType": "Direct",
            "startDateTime": "2026-01-01T00:00:00Z",
        ]
        if let condition = assignment.condition {
            properties["condition"] = .string(condition)
            properties["conditionVersion"] = "2.0"
        }
        return .object([
            "id": .string("\(assignment.scope.path)/providers/Microsoft.Authorization/roleEligibilityScheduleInstances/\(assignment.id)"),
            "name": .string(assignment.id), "type": "Microsoft.Authorization/RoleEligibilityScheduleInstances",
            "properties": .object(properties),
        ])
    }

    static func json(_ role: RoleDefinition, at scope: ARMScope) -> JSONValue {
        .object([
            "id": .string("/subscriptions/\(scope.subscriptionId)/providers/Microsoft.Authorization/roleDefinitions/\(role.id)"),
            "name": .string(role.id), "type": "Microsoft.Authorization/roleDefinitions",
            "properties": .object([
                "roleName": .string(role.name), "type": .string(role.isCustom ? "CustomRole" : "BuiltInRole"),
                "permissions": .array(role.permissions.map(\.json)),
                "assignableScopes": .array([.string(role.isCustom ? "/subscriptions/\(scope.subscriptionId)" : "/")]),
            ]),
        ])
    }

    func json(_ deny: Directory.Deny) -> JSONValue {
        let principals: [JSONValue] = deny.principals.sorted().map {
            .object(["id": .string($0), "type": .string($0 == Directory.Deny.everyone ? "SystemDefined" : principalType($0))])
        }
        let excluded: [JSONValue] = deny.excludedPrincipals.sorted().map {
            .object(["id": .string($0), "type": .string(principalType($0))])
        }
        return .object([
            "id": .string(deny.resourceId), "name": .string(deny.id), "type": "Microsoft.Authorization/denyAssignments",
            "properties": .object([
                "denyAssignmentName": .string(deny.name), "scope": .string(deny.scope.path),
                "permissions": .array([deny.block.json]), "principals": .array(principals),
                "excludePrincipals": .array(excluded), "doNotApplyToChildScopes": .bool(deny.doNotApplyToChildScopes),
                "isSystemProtected": false,
            ]),
        ])
    }
}
