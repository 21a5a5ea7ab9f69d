import AzspecCore

/// What an access audit reads of Microsoft Graph (v1.0), with the auditor's Graph token: a principal by object id
/// (which also proves it exists), by application id or by display name, the groups it is in (`transitiveMemberOf`,
/// every page) and a group's members (`transitiveMembers`). Pages are followed on Graph's origin only.
struct GraphReader {
    /// The auditor's reads, with its Graph credential and token.
    let reader: ARMReader

    /// A user, group or service principal (a managed identity is one) as Graph lists it.
    struct Object: Sendable, Hashable {
        let id: String
        /// `servicePrincipal`, `user` or `group` (`@odata.type` without `#microsoft.graph.`).
        let type: String
        let displayName: String
        let appId: String?
        /// A user's sign-in name.
        let userPrincipalName: String?

        init?(json: JSONValue) {
            guard let id = json["id"]?.stringValue, GUID.isValid(id) else { return nil }
            self.id = id.lowercased()
            type = (json["@odata.type"]?.stringValue ?? "#microsoft.graph.directoryObject").replacing("#microsoft.graph.", with: "")
            displayName = json["displayName"]?.stringValue ?? id
            appId = json["appId"]?.stringValue?.lowercased()
            userPrincipalName = json["userPrincipalName"]?.stringValue
        }

        var isGroup: Bool { type == "group" }

        /// `group 'sg-ops'`, `servicePrincipal 'ci-reader'`.
        var description: String { "\(type) '\(displayName)'" }
    }

    /// Graph's answer could not be had: what was asked, why, and the permission the auditor may lack.
    struct Failure: Error {
        let message: String
    }

    var base: String { reader.credential.cloud.graph + "/v1.0" }

    /// The object `id` names; nil when Graph says there is none.
    func object(_ id: String) async -> Result<Object?, Failure> {
        switch await reader.get(base + "/directoryObjects/" + PercentEncoding.encode(id)) {
        case .failure(let failure) where failure.status == 404: return .success(nil)
        case .failure(let failure): return .failure(Self.failure(failure, reading: "directory object \(id)", needs: "Directory.Read.All"))
        case .success(let json):
            guard let object = Object(json: json) else {
                return .failure(Failure(message: "Microsoft Graph answered directory object \(id) without an id"))
            }
            return .success(object)
        }
    }

    /// The service principals whose application (client) id is `appId`.
    func servicePrincipals(appId: String) async -> Result<[Object], Failure> {
        await list(
            "/servicePrincipals?$filter=" + PercentEncoding.encode("appId eq '\(appId)'"), "service principals", "Application.Read.All")
    }

    /// The service principals, groups and users whose display name is `name`.
    func objects(named name: String) async -> Result<[Object], Failure> {
        let filter = "?$filter=" + PercentEncoding.encode("displayName eq '\(name.replacing("'", with: "''"))'")
        var found: [Object] = []
        for (collection, permission) in [
            ("servicePrincipals", "Application.Read.All"), ("groups", "Group.Read.All"), ("users", "User.Read.All"),
        ] {
            switch await list("/" + collection + filter, collection, permission) {
            case .failure(let failure): return .failure(failure)
            case .success(let objects): found += objects
            }
        }
        return .success(found)
    }

    /// The application whose client id is `appId`, as Graph gives it (with `passwordCredentials` and
    /// `keyCredentials`); nil when there is none (a managed identity has none).
    func application(appId: String) async -> Result<JSONValue?, Failure> {
        let path = "/applications?$filter=" + PercentEncoding.encode("appId eq '\(appId)'")
        switch await reader.items(from: base + path, of: "applications", nextLink: "@odata.nextLink") {
        case .failure(let failure):
            return .failure(Self.failure(failure, reading: "the application \(appId)", needs: "Application.Read.All"))
        case .success(let items): return .success(items.first)
        }
    }

    /// The subjects of an application's federated credentials (`id` is the application's object id).
    func federatedSubjects(application id: String) async -> Result<[String], Failure> {
        let path = "/applications/\(PercentEncoding.encode(id))/federatedIdentityCredentials"
        switch await reader.items(from: base + path, of: "federated credentials", nextLink: "@odata.nextLink") {
        case .failure(let failure):
            return .failure(Self.failure(failure, reading: "the federated credentials of application \(id)", needs: "Application.Read.All"))
        case .success(let items): return .success(items.compactMap { $0["subject"]?.stringValue })
        }
    }

    /// The groups `object` is in, directly or through other groups.
    func groups(of object: Object) async -> Result<[Object], Failure> {
        let collection = ["servicePrincipal": "servicePrincipals", "user": "users", "group": "groups"][object.type] ?? "directoryObjects"
        return await list("/\(collection)/\(object.id)/transitiveMemberOf", "the groups of \(object.description)", "GroupMember.Read.All")
            .map { $0.filter(\.isGroup) }
    }

    /// The members of `group`, directly or through nested groups.
    func members(of group: Object) async -> Result<[Object], Failure> {
        await list("/groups/\(group.id)/transitiveMembers", "the members of \(group.description)", "GroupMember.Read.All")
    }

    func list(_ path: String, _ what: String, _ permission: String) async -> Result<[Object], Failure> {
        switch await reader.items(from: base + path, of: what, nextLink: "@odata.nextLink") {
        case .failure(let failure): return .failure(Self.failure(failure, reading: what, needs: permission))
        case .success(let items):
            let objects = items.compactMap(Object.init(json:))
            guard objects.count == items.count else {
                return .failure(Failure(message: "Microsoft Graph listed \(what) with an entry that has no id"))
            }
            return .success(objects)
        }
    }

    static func failure(_ failure: ARMReader.Failure, reading what: String, needs permission: String) -> Failure {
        let need = failure.status == 403 ? " (the auditor needs the Microsoft Graph application permission \(permission))" : ""
        return Failure(message: "cannot read \(what) from Microsoft Graph\(need): \(failure.message)")
    }
}
