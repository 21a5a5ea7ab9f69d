import AzspecCore
import Foundation

/// `entra:`: what a principal may do in Entra ID, read from Microsoft Graph by the test's identity. Application
/// permissions are its app role assignments named through the API's `appRoles`; delegated permissions are the
/// `oauth2PermissionGrants` consented to it; directory roles are its own and its groups' role assignments and
/// eligibility schedules; owners are its application's and its service principal's. Only reads are sent.
extension TestExecution {
    /// Microsoft Graph's application id: a permission written without an API is Graph's.
    static let graphAppId = "00000003-0000-0000-c000-000000000000"

    /// A permission held: the API (display name and application id), the value, and how it is held.
    struct HeldPermission {
        let api: String
        let apiAppId: String
        let value: String
        var note = ""

        func matches(_ permission: EntraCheckSpec.Permission) -> Bool {
            guard value.lowercased() == permission.value.lowercased() else { return false }
            guard let resource = permission.resource?.lowercased() else { return apiAppId == TestExecution.graphAppId }
            return resource == api.lowercased() || resource == apiAppId
        }

        var text: String { "\(api): \(value)" }
    }

    /// A directory role held or eligible, directly or through a group.
    struct HeldRole {
        let name: String
        let templateId: String
        let eligible: Bool
        let through: String?
        let directoryScope: String

        func matches(_ role: EntraCheckSpec.Role) -> Bool {
            role.name.lowercased() == name.lowercased() || role.name.lowercased() == templateId
        }

        var text: String {
            "\(name) (\(eligible ? "eligible" : "active")\(through.map { ", through \($0)" } ?? "")\(directoryScope == "/" ? "" : ", over \(directoryScope)"))"
        }
    }

    func checkEntra(_ spec: EntraCheckSpec, in scope: TemplateScope) async -> CaseReport {
        func problem(_ problem: PrincipalProblem) -> CaseReport {
            let message = problem.invalidSpec ? "\(spec.location): \(problem.message)" : problem.message
            return errored(message, type: problem.invalidSpec ? "InvalidSpec" : "EntraCheckError", details: message)
        }
        func failure(_ failure: GraphReader.Failure) -> CaseReport { problem(PrincipalProblem(message: failure.message)) }
        let graph: GraphReader
        let object: GraphReader.Object
        switch await graphPrincipal(spec.principal, in: scope, at: spec.location, errorType: "EntraCheckError") {
        case .failure(let end): return end.report
        case .success(let found): (graph, object) = found
        }
        var lines = ["Entra ID of \(object.description) (\(object.id)):"]
        var problems: [String] = []
        var apis = APICache(graph: graph)
        if let check = spec.applicationPermissions {
            let held: [HeldPermission]
            switch await applicationPermissions(of: object, graph: graph, apis: &apis) {
            case .failure(let error): return failure(error)
            case .success(let found): held = found
            }
            lines += Self.listed("application permissions", held.map(\.text))
            problems += Self.judge(check, held: held, of: object, "applicationPermissions")
        }
        if let check = spec.delegatedPermissions {
            let held: [HeldPermission]
            switch await delegatedPermissions(of: object, graph: graph, apis: &apis) {
            case .failure(let error): return failure(error)
            case .success(let found): held = found
            }
            lines += Self.listed("delegated permissions", held.map { $0.text + $0.note })
            problems += Self.judge(check, held: held, of: object, "delegatedPermissions")
        }
        if let check = spec.directoryRoles {
            let held: [HeldRole]
            switch await directoryRoles(of: object, graph: graph, eligible: check.eligible != .ignored) {
            case .failure(let error): return failure(error)
            case .success(let found): held = found
            }
            lines += Self.listed("directory roles", held.map(\.text))
            problems += Self.judge(check, held: held, of: object)
        }
        if let check = spec.owners {
            var expected: [String] = []
            switch check.expectation {
            case .only(let names), .exactly(let names):
                for name in names {
                    do {
                        expected.append(try scope.render(name).trimmingCharacters(in: .whitespaces))
                    } catch {
                        return errored("\(error.reference.location): \(error)", type: "InvalidSpec", details: "\(error)")
                    }
                }
            case .nobody: break
            }
            let owners: [(owner: GraphReader.Object, of: String)]
            switch await self.owners(of: object, graph: graph) {
            case .failure(let error): return failure(error)
            case .success(let found): owners = found
            }
            lines += Self.listed("owners", owners.map { "\($0.owner.description) (\($0.owner.id)), of the \($0.of)" })
            func isNamed(_ owner: GraphReader.Object, _ name: String) -> Bool {
                let key = name.lowercased()
                return owner.id == key || owner.displayName.lowercased() == key || owner.userPrincipalName?.lowercased() == key
                    || owner.appId == key
            }
            var unmatched = expected.filter { name in !owners.contains { isNamed($0.owner, name) } }
            // A declared identity's name, or a name Graph resolves to an object that owns nothing here.
            var resolved: [String: String] = [:]
            for name in unmatched where !GUID.isValid(name) {
                if case .success(let found) = await principal(name, graph: graph, scope: scope) { resolved[name] = found.id }
            }
            unmatched = unmatched.filter { name in !owners.contains { $0.owner.id == resolved[name] } }
            let allowed = { (owner: GraphReader.Object) in
                expected.contains { isNamed(owner, $0) || resolved[$0] == owner.id }
            }
            switch check.expectation {
            case .nobody:
                problems += owners.map { "owners: \($0.owner.description) owns the \($0.of), but none may" }
            case .only:
                problems += owners.filter { !allowed($0.owner) }.map {
                    "owners: \($0.owner.description) owns the \($0.of), and is not in only"
                }
            case .exactly:
                problems += owners.filter { !allowed($0.owner) }.map {
                    "owners: \($0.owner.description) owns the \($0.of), and is not in exactly"
                }
                problems += unmatched.map { "owners: \($0) is in exactly, but owns neither the application nor the service principal" }
            }
        }
        return finish(problems: problems, summary: lines.joined(separator: "\n"), failingLine: problems.isEmpty ? nil : spec.location)
    }

    /// `  title: a; b`, or `  title: none`.
    private static func listed(_ title: String, _ items: [String]) -> [String] {
        items.isEmpty ? ["  \(title): none"] : ["  \(title):"] + items.map { "    \($0)" }
    }

    private static func judge(
        _ check: EntraCheckSpec.Permissions, held: [HeldPermission], of object: GraphReader.Object, _ key: String
    ) -> [String] {
        var problems: [String] = []
        for wanted in check.allow where !held.contains(where: { $0.matches(wanted) }) {
            problems.append("\(key): \(object.description) does not hold \(wanted.text)")
        }
        for unwanted in check.deny {
            for found in held where found.matches(unwanted) {
                problems.append("\(key): \(object.description) holds \(found.text)\(found.note), which deny lists")
            }
        }
        if check.exactly {
            for found in held where !check.allow.contains(where: found.matches) && !check.deny.contains(where: found.matches) {
                problems.append("\(key): \(object.description) also holds \(found.text)\(found.note), beyond allow")
            }
        }
        return problems
    }

    private static func judge(_ check: EntraCheckSpec.Roles, held: [HeldRole], of object: GraphReader.Object) -> [String] {
        var problems: [String] = []
        let counts = { (role: HeldRole) in !role.eligible || check.eligible == .allowed }
        for wanted in check.allow {
            let found = held.filter { $0.matches(wanted) }
            if !found.contains(where: counts) {
                problems.append(
                    found.isEmpty
                        ? "directoryRoles: \(object.description) does not hold \(wanted.name)"
                        : "directoryRoles: \(object.description) may only activate \(wanted.name) (eligible), it does not hold it")
            }
        }
        for unwanted in check.deny {
            for found in held where found.matches(unwanted) {
                problems.append(
                    "directoryRoles: \(object.description) \(found.eligible ? "can activate" : "holds") \(found.text), which deny lists")
            }
        }
        if check.noTier0 {
            let tier0 = Set(DirectoryRole.tier0.map(\.templateId))
            for found in held where tier0.contains(found.templateId) {
                problems.append(
                    "directoryRoles: \(object.description) \(found.eligible ? "can activate" : "holds") tier-0 role \(found.text)")
            }
        }
        if check.exactly {
            for found in held where counts(found) && !(check.allow + check.deny).contains(where: found.matches) {
                problems.append("directoryRoles: \(object.description) also holds \(found.text), beyond allow")
            }
        }
        return problems
    }

    /// The APIs' service principals read for one check: display name, application id and app roles by id.
    struct APICache {
        let graph: GraphReader
        var apis: [String: (name: String, appId: String, roles: [String: String])] = [:]

        mutating func api(_ id: String) async -> Result<(name: String, appId: String, roles: [String: String]), GraphReader.Failure> {
            if let known = apis[id] { return .success(known) }
            switch await graph.servicePrincipal(id) {
            case .failure(let failure): return .failure(failure)
            case .success(let json):
                var roles: [String: String] = [:]
                for role in json?["appRoles"]?.arrayValue ?? [] {
                    if let roleId = role["id"]?.stringValue?.lowercased(), let value = role["value"]?.stringValue { roles[roleId] = value }
                }
                let api = (
                    name: json?["displayName"]?.stringValue ?? id, appId: json?["appId"]?.stringValue?.lowercased() ?? "", roles: roles
                )
                apis[id] = api
                return .success(api)
            }
        }
    }

    private func applicationPermissions(
        of object: GraphReader.Object, graph: GraphReader, apis: inout APICache
    ) async -> Result<[HeldPermission], GraphReader.Failure> {
        let assignments: [JSONValue]
        switch await graph.appRoleAssignments(of: object) {
        case .failure(let failure): return .failure(failure)
        case .success(let items): assignments = items
        }
        var held: [HeldPermission] = []
        for assignment in assignments {
            guard let resourceId = assignment["resourceId"]?.stringValue?.lowercased(),
                let roleId = assignment["appRoleId"]?.stringValue?.lowercased()
            else { continue }
            switch await apis.api(resourceId) {
            case .failure(let failure): return .failure(failure)
            case .success(let api):
                // The all-zero id is default access: an assignment with no app role.
                let value =
                    api.roles[roleId] ?? (roleId == "00000000-0000-0000-0000-000000000000" ? "(default access)" : "app role \(roleId)")
                held.append(HeldPermission(api: api.name, apiAppId: api.appId, value: value))
            }
        }
        return .success(held)
    }

    private func delegatedPermissions(
        of object: GraphReader.Object, graph: GraphReader, apis: inout APICache
    ) async -> Result<[HeldPermission], GraphReader.Failure> {
        let grants: [JSONValue]
        switch await graph.delegatedGrants(of: object) {
        case .failure(let failure): return .failure(failure)
        case .success(let items): grants = items
        }
        var held: [HeldPermission] = []
        for grant in grants {
            guard let resourceId = grant["resourceId"]?.stringValue?.lowercased() else { continue }
            let api: (name: String, appId: String, roles: [String: String])
            switch await apis.api(resourceId) {
            case .failure(let failure): return .failure(failure)
            case .success(let found): api = found
            }
            let note =
                grant["consentType"]?.stringValue == "AllPrincipals"
                ? " (every user)" : " (user \(grant["principalId"]?.stringValue ?? "?"))"
            for scope in (grant["scope"]?.stringValue ?? "").split(separator: " ") {
                held.append(HeldPermission(api: api.name, apiAppId: api.appId, value: String(scope), note: note))
            }
        }
        return .success(held)
    }

    private func directoryRoles(
        of object: GraphReader.Object, graph: GraphReader, eligible: Bool
    ) async -> Result<[HeldRole], GraphReader.Failure> {
        var holders: [(id: String, through: String?)] = [(object.id, nil)]
        switch await graph.groups(of: object) {
        case .failure(let failure): return .failure(failure)
        case .success(let groups): holders += groups.map { ($0.id, $0.description) }
        }
        var names = Dictionary(DirectoryRole.builtIn.map { ($0.templateId, $0.name) }, uniquingKeysWith: { first, _ in first })
        switch await graph.directoryRoleDefinitions() {
        case .failure(let failure): return .failure(failure)
        case .success(let definitions):
            for definition in definitions {
                guard let id = definition["id"]?.stringValue?.lowercased(), let name = definition["displayName"]?.stringValue else {
                    continue
                }
                names[id] = name
                if let template = definition["templateId"]?.stringValue?.lowercased() { names[template] = name }
            }
        }
        var held: [HeldRole] = []
        for isEligible in eligible ? [false, true] : [false] {
            for holder in holders {
                switch await graph.directoryRoles(of: holder.id, eligible: isEligible) {
                case .failure(let failure): return .failure(failure)
                case .success(let items):
                    for item in items {
                        guard let roleId = item["roleDefinitionId"]?.stringValue?.lowercased() else { continue }
                        held.append(
                            HeldRole(
                                name: names[roleId] ?? roleId, templateId: roleId, eligible: isEligible, through: holder.through,
                                directoryScope: item["directoryScopeId"]?.stringValue ?? "/"))
                    }
                }
            }
        }
        return .success(held)
    }

    private func owners(
        of object: GraphReader.Object, graph: GraphReader
    ) async -> Result<[(owner: GraphReader.Object, of: String)], GraphReader.Failure> {
        var found: [(owner: GraphReader.Object, of: String)] = []
        if let appId = object.appId {
            switch await graph.application(appId: appId) {
            case .failure(let failure): return .failure(failure)
            case .success(let application):
                if let id = application?["id"]?.stringValue {
                    switch await graph.owners(application: id) {
                    case .failure(let failure): return .failure(failure)
                    case .success(let owners): found += owners.map { ($0, "application") }
                    }
                }
            }
        }
        switch await graph.owners(servicePrincipal: object.id) {
        case .failure(let failure): return .failure(failure)
        case .success(let owners): found += owners.map { ($0, "service principal") }
        }
        return .success(found)
    }
}
