import AzspecCore
import Foundation

/// A role assignment of the identity with its role's definition, as the role assignments and role definitions APIs
/// give them.
struct AssignedRole: Sendable {
    let roleName: String
    let scope: String
    let condition: String?
    let permissions: [PermissionBlock]
}

/// GETs against Resource Manager for a permission check: the identity's token, pages followed on the same host only.
struct ARMReader {
    let execution: TestExecution
    let credential: TestExecution.Credential
    let token: AccessToken

    struct Failure: Error {
        let status: Int?
        let message: String
    }

    /// The `value` items of `{scope}/providers/Microsoft.Authorization/{collection}`, every page.
    func list(
        _ scope: ARMScope, _ collection: String, filter: String?, apiVersion: String = TestExecution.authorizationAPIVersion
    ) async -> Result<[JSONValue], Failure> {
        var url =
            credential.cloud.arm + scope.path + "/providers/Microsoft.Authorization/\(collection)?api-version=" + apiVersion
        if let filter { url += "&$filter=" + PercentEncoding.encode(filter) }
        return await items(from: url, of: collection, nextLink: "nextLink")
    }

    /// The `value` items of a list at `url`, every page: `nextLink` names the key of the next page's URL (ARM's
    /// `nextLink`, Graph's `@odata.nextLink`), followed on the same origin only.
    func items(from url: String, of collection: String, nextLink: String) async -> Result<[JSONValue], Failure> {
        var url = url
        var items: [JSONValue] = []
        var seen: Set<String> = []
        let first = url
        for _ in 0..<TestExecution.maximumPages {
            guard seen.insert(url).inserted else {
                return .failure(Failure(status: nil, message: "the \(nextLink) of \(collection) leads back to a page already read"))
            }
            switch await get(url) {
            case .failure(let failure): return .failure(failure)
            case .success(let document):
                guard let value = document["value"]?.arrayValue else {
                    return .failure(Failure(status: nil, message: "the \(collection) list has no 'value' array"))
                }
                items += value
                guard items.count <= TestExecution.maximumListEntries else {
                    return .failure(
                        Failure(
                            status: nil,
                            message:
                                "the \(collection) list has more than \(TestExecution.maximumListEntries) entries; azspec reads no more"))
                }
                if let problem = Self.oversizedActions(in: value) {
                    return .failure(Failure(status: nil, message: "the \(collection) list \(problem); azspec reads no such list"))
                }
                guard let next = document[nextLink]?.stringValue, !next.isEmpty else { return .success(items) }
                guard TokenRouting.sameOrigin(next, as: first) else {
                    return .failure(
                        Failure(
                            status: nil,
                            message:
                                "the \(nextLink) of \(collection) points to another origin than \(Origin(url: first)?.description ?? first); "
                                + "no token was sent there"))
                }
                url = next
            }
        }
        return .failure(Failure(status: nil, message: "the \(collection) list has more than \(TestExecution.maximumPages) pages"))
    }

    /// One GET with the identity's token; the body as JSON when the status is 200. Refused, with nothing sent, when
    /// the token is not for that host (an identity whose `resource:` is not Resource Manager).
    func get(_ url: String) async -> Result<JSONValue, Failure> {
        let shared = AuthorizationReads.isShared(url) ? execution.context.authorizationReads : nil
        if let page = shared?.page(url, for: credential.cacheKey) { return .success(page) }
        let result = await fetch(url)
        if case .success(let page) = result { shared?.keep(page, of: url, for: credential.cacheKey) }
        return result
    }

    private func fetch(_ url: String) async -> Result<JSONValue, Failure> {
        if let problem = TokenRouting.problem(
            sending: url, origin: Origin(url: url), identity: credential.identity, patterns: credential.origins)
        {
            return .failure(
                Failure(
                    status: nil,
                    message: problem + "; a permission check needs a Resource Manager token (no resource: on it or its identity)"
                        + " and, to audit a principal, a Microsoft Graph token"))
        }
        var request = PreparedRequest(
            method: "GET", url: url, headers: [("Accept", "application/json"), ("Authorization", "Bearer \(token.value)")],
            body: nil, timeout: execution.context.configuration.defaultTimeout, plainHTTPHost: nil)
        switch await execution.send(&request, token: token) {
        case .failure(let end):
            return .failure(Failure(status: nil, message: end.report.outcome.problem?.message ?? "the request failed"))
        case .success(let response):
            guard response.body.count <= TestExecution.maximumListPageBytes else {
                return .failure(
                    Failure(
                        status: response.status,
                        message:
                            "GET \(url) answered \(response.body.count) bytes, more than the \(TestExecution.maximumListPageBytes >> 20) MiB "
                            + "azspec reads of one page of an authorization list"))
            }
            let body = ResponseBody(bytes: response.body)
            guard response.status == 200 else {
                let error = ARMErrorBody(body)
                return .failure(
                    Failure(
                        status: response.status,
                        message: "GET \(url) answered \(ARMErrorBody.status(response.status, body))"
                            + (error.map { ": \($0.message)" } ?? "")))
            }
            guard let json = body.json else {
                return .failure(Failure(status: 200, message: "GET \(url) answered a body that is not JSON"))
            }
            return .success(json)
        }
    }

    /// What is wrong with the action lists of a page's entries (`permissions`, `properties.permissions`), if anything:
    /// an action longer, or a block with more actions, than Azure ever sends.
    static func oversizedActions(in entries: [JSONValue]) -> String? {
        for entry in entries {
            let blocks = [entry] + (entry["properties"]?["permissions"]?.arrayValue ?? [])
            for block in blocks {
                for key in ["actions", "notActions", "dataActions", "notDataActions"] {
                    guard let actions = block[key]?.arrayValue else { continue }
                    if actions.count > TestExecution.maximumActionsPerBlock {
                        return "holds \(actions.count) \(key) in one entry, more than \(TestExecution.maximumActionsPerBlock)"
                    }
                    if actions.contains(where: { ($0.stringValue?.utf8.count ?? 0) > TestExecution.maximumActionLength }) {
                        return "holds an action longer than \(TestExecution.maximumActionLength) bytes"
                    }
                }
            }
        }
        return nil
    }

    /// The identity's role assignments at or above the scope, with their role definitions (for names and conditions).
    func assignments(at scope: ARMScope, objectId: String?, notes: inout [String]) async -> [AssignedRole] {
        guard let objectId else {
            notes.append("note: the token has no oid claim, so role names and conditions are not shown")
            return []
        }
        let items: [JSONValue]
        switch await list(scope, "roleAssignments", filter: "atScope()") {
        case .failure(let failure):
            notes.append("note: role assignments could not be read (\(failure.message)); role names and conditions are not shown")
            return []
        case .success(let value): items = value
        }
        var definitions: [String: (String, [PermissionBlock])] = [:]
        var roles: [AssignedRole] = []
        for item in items {
            guard let properties = item["properties"], properties["principalId"]?.stringValue?.lowercased() == objectId,
                let definitionId = properties["roleDefinitionId"]?.stringValue
            else { continue }
            let key = definitionId.lowercased()
            if definitions[key] == nil, definitions.count < TestExecution.maximumRoleDefinitions,
                case .success(let definition) = await roleDefinition(definitionId, at: scope)
            {
                definitions[key] = definition
            }
            guard let (name, blocks) = definitions[key] else { continue }
            roles.append(
                AssignedRole(
                    roleName: name, scope: properties["scope"]?.stringValue ?? scope.path,
                    condition: properties["condition"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }, permissions: blocks))
        }
        return roles
    }

    /// The role definition `id` names (a full id or a GUID): its name and permission blocks. Read at `scope` (role
    /// definitions are addressable at any scope), where the assignment applies, rather than at the subscription
    /// named in the id.
    func roleDefinition(_ id: String, at scope: ARMScope) async -> Result<(name: String, blocks: [PermissionBlock]), Failure> {
        let guid = id.split(separator: "/").last.map(String.init) ?? id
        let url =
            credential.cloud.arm + scope.path + "/providers/Microsoft.Authorization/roleDefinitions/" + PercentEncoding.encode(guid)
            + "?api-version=" + TestExecution.authorizationAPIVersion
        switch await get(url) {
        case .failure(let failure): return .failure(failure)
        case .success(let definition):
            guard let name = definition["properties"]?["roleName"]?.stringValue,
                let items = definition["properties"]?["permissions"]?.arrayValue,
                case let blocks = items.compactMap(PermissionBlock.init(json:)), blocks.count == items.count
            else { return .failure(Failure(status: 200, message: "GET \(url) answered no role definition (roleName, permissions)")) }
            return .success((name, blocks))
        }
    }

    /// The deny assignments at or above the scope that apply to the identity; nil when they could not be read.
    func denies(at scope: ARMScope, objectId: String?, notes: inout [String]) async -> [RBACEvaluator.Entry]? {
        let items: [JSONValue]
        switch await list(scope, "denyAssignments", filter: "atScope()") {
        case .failure(let failure):
            notes.append("note: deny assignments could not be read (\(failure.message))")
            return nil
        case .success(let value): items = value
        }
        var entries: [RBACEvaluator.Entry] = []
        for deny in items.compactMap(DenyAssignmentItem.init(json:)) {
            switch deny.applicability(to: objectId ?? "", at: scope) {
            case .applies: entries += deny.entries
            case .doesNot: continue
            case .perhaps(let why): notes.append("note: deny assignment '\(deny.name)' is not weighed: \(why)")
            }
        }
        return entries
    }
}
