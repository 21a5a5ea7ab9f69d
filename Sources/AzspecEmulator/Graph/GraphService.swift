import AzspecCore
import Hummingbird
import NIOCore

/// Microsoft Graph v1.0, the part an access audit and the Azure CLI read: directory objects by id
/// (`directoryObjects/{id}`, `directoryObjects/getByIds`), service principals and groups (by id, or listed with
/// `$filter=appId eq '…'` / `displayName eq '…'`), applications with their credentials (`applications[/{id}[/
/// federatedIdentityCredentials]]`), an object's `transitiveMemberOf` and a group's `transitiveMembers`. Lists are paged with `$top` and `@odata.nextLink` (the emulator's `pageSize` caps a page).
///
/// A call needs a Graph token (audience `https://graph.microsoft.com`) of the tenant, whose `roles` hold one of the
/// application permissions Graph documents for it; otherwise 401 or `403 Authorization_RequestDenied`, as Graph
/// answers.
struct GraphService: Sendable {
    let directory: Directory
    let authenticator: Authenticator

    /// Graph's largest `$top`.
    static let maximumTop = 999
    /// The most ids `getByIds` takes in one call.
    static let maximumIds = 1_000

    /// The permissions that allow each kind of read (Microsoft Graph's permission reference, application permissions).
    enum Read {
        case directoryObjects, servicePrincipals, groups, users, memberships, grants, roleManagement, roleEligibility

        var permissions: [String] {
            let directory = ["Directory.Read.All", "Directory.ReadWrite.All"]
            let roles = ["RoleManagement.Read.Directory", "RoleManagement.Read.All", "RoleManagement.ReadWrite.Directory"]
            return switch self {
            case .directoryObjects: directory
            case .servicePrincipals: ["Application.Read.All", "Application.ReadWrite.All"] + directory
            case .groups: ["Group.Read.All", "Group.ReadWrite.All", "GroupMember.Read.All"] + directory
            case .users: ["User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All"] + directory
            case .memberships: ["GroupMember.Read.All", "Group.Read.All", "Application.Read.All"] + directory
            case .grants: ["DelegatedPermissionGrant.ReadWrite.All"] + directory
            case .roleManagement: roles + directory
            case .roleEligibility: ["RoleEligibilitySchedule.Read.Directory", "RoleEligibilitySchedule.ReadWrite.Directory"] + roles
            }
        }
    }

    /// One Graph request: what the handlers read and what the response echoes.
    struct Call {
        let segments: [String]
        let query: [(String, String)]
        let baseURL: String
        let requestId = GUID.random()
        let clientRequestId: String?

        func query(_ name: String) -> String? { query.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    func handle(_ request: Request, segments: [String], body: ByteBuffer?, baseURL: String) -> Response {
        let call = Call(
            segments: segments, query: request.uri.query.map { PercentEncoding.pairs($0, plusAsSpace: false) } ?? [],
            baseURL: baseURL, clientRequestId: request.headers[.clientRequestId].flatMap { $0.count > 128 ? nil : $0 })
        let claims: AccessTokenClaims
        do {
            claims = try authenticator.authenticate(
                authorization: request.headers[.authorization], baseURL: baseURL, now: UTCTime.now(), graph: true)
        } catch {
            let failure = GraphError.unauthenticated(error)
            return response(failure.status, failure.json(call: call), call: call)
        }
        do {
            return response(.ok, try route(request.method, call: call, body: body, claims: claims), call: call)
        } catch {
            return response(error.status, error.json(call: call), call: call)
        }
    }

    private func route(
        _ method: HTTPRequest.Method, call: Call, body: ByteBuffer?, claims: AccessTokenClaims
    ) throws(GraphError) -> JSONValue {
        let path = call.segments.map { $0.lowercased() }
        let tenant = claims.tenantId
        func allow(_ read: Read) throws(GraphError) {
            guard read.permissions.contains(where: claims.roles.contains) else { throw .denied }
        }
        switch (method, path.count, path.first) {
        case (.post, 2, "directoryobjects") where path[1] == "getbyids":
            try allow(.directoryObjects)
            return try byIds(body, tenant: tenant, call: call)
        case (.get, 2, "directoryobjects"):
            try allow(.directoryObjects)
            return try found(call.segments[1], tenant: tenant).json(context: "directoryObjects", call: call)
        case (.get, 1, "serviceprincipals"):
            try allow(.servicePrincipals)
            let objects =
                directory.principals(tenantId: tenant).map(Directory.Object.principal)
                + directory.resourceApps(tenantId: tenant).map(Directory.Object.resourceApp)
            return try page(try filtered(objects, call: call), call: call, context: "servicePrincipals")
        case (.get, 1, "groups"):
            try allow(.groups)
            return try page(
                try filtered(directory.groups(tenantId: tenant).map(Directory.Object.group), call: call), call: call,
                context: "groups")
        case (.get, 1, "users"):
            try allow(.users)
            return try page(
                try filtered(directory.users(tenantId: tenant).map(Directory.Object.user), call: call), call: call, context: "users")
        case (.get, 2, let collection?) where ["serviceprincipals", "groups", "users"].contains(collection):
            try allow(collection == "groups" ? .groups : collection == "users" ? .users : .servicePrincipals)
            return try found(call.segments[1], tenant: tenant, in: collection).json(context: call.segments[0], call: call)
        case (.get, 3, let collection?)
        where ["serviceprincipals", "groups", "users", "directoryobjects"].contains(collection) && path[2] == "transitivememberof":
            try allow(.memberships)
            let object = try found(call.segments[1], tenant: tenant, in: collection == "directoryobjects" ? nil : collection)
            return try page(directory.transitiveMemberOf(object.id).map(Directory.Object.group), call: call, context: "directoryObjects")
        case (.get, 1, "applications"), (.get, 2, "applications"), (.get, 3, "applications"):
            try allow(.servicePrincipals)
            return try applications(call: call, tenant: tenant)
        case (.get, 3, "groups") where path[2] == "transitivemembers":
            try allow(.memberships)
            let group = try found(call.segments[1], tenant: tenant, in: "groups")
            return try page(directory.transitiveMembers(of: group.id, tenantId: tenant), call: call, context: "directoryObjects")
        case (.get, 3, "serviceprincipals") where ["approleassignments", "oauth2permissiongrants", "owners"].contains(path[2]):
            try allow(path[2] == "oauth2permissiongrants" ? .grants : .servicePrincipals)
            let object = try found(call.segments[1], tenant: tenant, in: "serviceprincipals")
            return try servicePrincipalList(path[2], of: object, call: call)
        case (.get, 1, "oauth2permissiongrants"):
            try allow(.grants)
            return try grants(call: call, tenant: tenant)
        case (.get, _, "rolemanagement") where path.count >= 3 && path[1] == "directory":
            try allow(path[2] == "roleeligibilityschedules" ? .roleEligibility : .roleManagement)
            return try roleManagement(call: call, tenant: tenant)
        default:
            throw .unknownPath(method.rawValue, "/v1.0/" + call.segments.joined(separator: "/"))
        }
    }

    /// The object `id` names, of the collection's kind when one is given; Graph's 404 otherwise.
    private func found(_ id: String, tenant: String, in collection: String? = nil) throws(GraphError) -> Directory.Object {
        guard let object = directory.object(id, tenantId: tenant) else { throw .notFound(id) }
        switch collection {
        case "groups"?: guard object.kind == "group" else { throw .notFound(id) }
        case "serviceprincipals"?: guard object.kind == "servicePrincipal" else { throw .notFound(id) }
        case "users"?: guard object.kind == "user" else { throw .notFound(id) }
        default: break
        }
        return object
    }

    /// `POST directoryObjects/getByIds` `{"ids": […], "types": […]}`: the objects found, in no promised order.
    private func byIds(_ body: ByteBuffer?, tenant: String, call: Call) throws(GraphError) -> JSONValue {
        guard let body, let json = try? JSONValue(parsing: body.readableBytesView), let ids = json["ids"]?.arrayValue else {
            throw .badRequest("Request_BadRequest", "The request body must be a JSON object with an 'ids' array.")
        }
        guard ids.count <= Self.maximumIds else {
            throw .badRequest("Request_BadRequest", "Too many ids: at most \(Self.maximumIds) may be given.")
        }
        let types = Set((json["types"]?.arrayValue ?? []).compactMap { $0.stringValue?.lowercased() })
        let objects = ids.compactMap { $0.stringValue.flatMap { directory.object($0, tenantId: tenant) } }.filter { object in
            types.isEmpty || types.contains(object.kind.lowercased())
        }
        return .object([
            "@odata.context": .string(call.baseURL + "/v1.0/$metadata#directoryObjects"),
            "value": .array(objects.map { $0.json(context: nil, call: call) }),
        ])
    }

    /// The one `$filter` term the emulator reads: one of `fields` `eq '…'` (an OData string, `''` for a quote); nil
    /// without a filter, Graph's 400 for any other.
    func filterTerm(
        _ call: Call, fields: [String] = ["appId", "displayName", "id", "servicePrincipalNames", "userPrincipalName"]
    ) throws(GraphError) -> (field: String, value: String)? {
        guard let filter = call.query("$filter") else { return nil }
        // The Azure CLI finds a service principal by any of its names (its appId among them).
        if fields.contains("servicePrincipalNames"),
            let names = filter.wholeMatch(of: #/\s*servicePrincipalNames/any\(\s*\w+\s*:\s*\w+\s+eq\s+'((?:[^']|'')*)'\)\s*/#)
        {
            return ("servicePrincipalNames", String(names.output.1).replacing("''", with: "'"))
        }
        guard let match = filter.wholeMatch(of: #/\s*([A-Za-z]+)\s+eq\s+'((?:[^']|'')*)'\s*/#),
            let field = fields.first(where: { $0.lowercased() == match.output.1.lowercased() })
        else {
            throw .badRequest("Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified: '\(filter)'.")
        }
        return (field, String(match.output.2).replacing("''", with: "'"))
    }

    /// `objects` narrowed by `$filter` (`appId eq '…'`, `displayName eq '…'` or `id eq '…'`).
    private func filtered(_ objects: [Directory.Object], call: Call) throws(GraphError) -> [Directory.Object] {
        guard let (field, value) = try filterTerm(call) else { return objects }
        return objects.filter { object in
            switch field {
            case "appId": return object.appId == value.lowercased()
            case "servicePrincipalNames":
                if case .resourceApp(let app) = object {
                    return app.resource.identifiers.contains(Directory.Resource.normalized(value)) || object.appId == value.lowercased()
                }
                return object.appId == value.lowercased()
            case "userPrincipalName":
                if case .user(let user) = object { return user.userPrincipalName.lowercased() == value.lowercased() }
                return false
            case "displayName": return object.displayName == value
            default: return object.id == value.lowercased()
            }
        }
    }

    /// One page of `objects` (see ``page(_:call:context:)``).
    func page(_ objects: [Directory.Object], call: Call, context: String) throws(GraphError) -> JSONValue {
        try page(objects.map { $0.json(context: nil, call: call) }, call: call, context: context)
    }

    /// One page of `objects`: `$top` of them (the emulator's page size at most) from `$skiptoken`, with an
    /// `@odata.nextLink` that keeps the query when more remain.
    func page(_ objects: [JSONValue], call: Call, context: String) throws(GraphError) -> JSONValue {
        var size = 100
        if let top = call.query("$top") {
            guard let value = Int(top), (1...Self.maximumTop).contains(value) else {
                throw .badRequest("Request_BadRequest", "Invalid value '\(top)' for $top: it must be from 1 to \(Self.maximumTop).")
            }
            size = value
        }
        if directory.pageSize > 0 { size = min(size, directory.pageSize) }
        let start = call.query("$skiptoken").flatMap(Int.init) ?? 0
        guard start >= 0, start <= objects.count else {
            throw .badRequest("Directory_ExpiredPageToken", "The specified page token value has expired and can no longer be used.")
        }
        let end = min(objects.count, start + size)
        var body: JSONObject = [
            "@odata.context": .string(call.baseURL + "/v1.0/$metadata#" + context),
            "value": .array(Array(objects[start..<end])),
        ]
        if end < objects.count {
            let kept = call.query.filter { $0.0.lowercased() != "$skiptoken" } + [("$skiptoken", String(end))]
            body["@odata.nextLink"] = .string(
                call.baseURL + "/v1.0/" + call.segments.map { PercentEncoding.encode($0) }.joined(separator: "/") + "?"
                    + kept.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&"))
        }
        return .object(body)
    }

    private func response(_ status: HTTPResponse.Status, _ body: JSONValue, call: Call) -> Response {
        var extra: [(HeaderName, String)] = [(.msRequestId, call.requestId), (.requestId, call.requestId)]
        if let client = call.clientRequestId { extra.append((.clientRequestId, client)) }
        return JSONResponse.make(status, body, extraHeaders: extra)
    }
}

extension Directory.Object {
    /// The object as Graph writes it, with its `@odata.type` (and `@odata.context` when it is the whole response).
    func json(context: String?, call: GraphService.Call) -> JSONValue {
        var fields: JSONObject = [:]
        if let context { fields["@odata.context"] = .string(call.baseURL + "/v1.0/$metadata#\(context)/$entity") }
        switch self {
        case .principal(let principal):
            fields["@odata.type"] = "#microsoft.graph.servicePrincipal"
            fields["id"] = .string(principal.objectId)
            fields["appId"] = .string(principal.clientId)
            fields["displayName"] = .string(principal.name)
            fields["servicePrincipalType"] = .string(principal.isManagedIdentity ? "ManagedIdentity" : "Application")
            fields["appOwnerOrganizationId"] = .string(principal.tenantId)
            fields["servicePrincipalNames"] = [.string(principal.clientId)]
        case .group(let group):
            fields["@odata.type"] = "#microsoft.graph.group"
            fields["id"] = .string(group.objectId)
            fields["displayName"] = .string(group.name)
            fields["securityEnabled"] = true
            fields["mailEnabled"] = false
            fields["groupTypes"] = []
        case .user(let user):
            fields["@odata.type"] = "#microsoft.graph.user"
            fields["id"] = .string(user.objectId)
            fields["displayName"] = .string(user.name)
            fields["userPrincipalName"] = .string(user.userPrincipalName)
        case .resourceApp(let app):
            fields["@odata.type"] = "#microsoft.graph.servicePrincipal"
            fields["id"] = .string(app.objectId)
            fields["appId"] = .string(app.resource.appId)
            fields["displayName"] = .string(app.displayName)
            fields["servicePrincipalType"] = "Application"
            fields["appOwnerOrganizationId"] = "f8cdef31-a31e-4b4a-93e4-5f571e91255a"  // Microsoft Services
            fields["servicePrincipalNames"] = .array(([app.resource.appId] + app.resource.identifiers.sorted()).map(JSONValue.string))
            fields["appRoles"] = .array(
                app.appRoles.map { role in
                    .object([
                        "id": .string(role.id), "value": .string(role.value), "displayName": .string(role.value),
                        "description": .string(role.value), "allowedMemberTypes": ["Application"], "isEnabled": true,
                        "origin": "Application",
                    ])
                })
        }
        return .object(fields)
    }
}
