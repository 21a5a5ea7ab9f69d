import AzspecCore
import Foundation
import Yams

/// Turns configuration YAML into an ``EmulatorConfiguration``, collecting every structural problem
/// (syntax, unknown keys, wrong types) with its line and column before giving up.
struct ConfigurationReader {
    let file: String
    let text: String
    private var diagnostics: [EmulatorError.Diagnostic] = []

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    mutating func read() throws(EmulatorError) -> EmulatorConfiguration {
        let (root, problems) = YAMLDocument.compose(text, file: file)
        guard let root else {
            throw EmulatorError.invalidConfiguration(
                problems.map {
                    .init(file: file, line: $0.location.line, column: $0.location.column, message: $0.message)
                })
        }
        var configuration = EmulatorConfiguration(tokenLifetime: 3599)
        configuration.location = location(of: root)
        let rootKeys = [
            "tokenLifetime", "environment", "tenants", "federatedIssuers", "managedIdentities",
            "defaultManagedIdentity", "githubRequestToken", "githubSubject", "identityHeader",
        ]
        if let fields = mapping(root, "the configuration", keys: rootKeys) {
            configuration.fieldLocations = locations(of: fields)
            if let node = fields["tokenLifetime"], let value = integer(node, "tokenLifetime") {
                configuration.tokenLifetime = value
            }
            if let node = fields["environment"], let pairs = stringPairs(node, "environment") {
                configuration.environment = Dictionary(pairs, uniquingKeysWith: { _, last in last })
            }
            if let node = fields["tenants"] {
                configuration.tenants = sequence(node, "tenants")?.compactMap { tenant($0) } ?? []
            }
            readIdentitySettings(fields, into: &configuration)
        }
        guard diagnostics.isEmpty else { throw EmulatorError.invalidConfiguration(diagnostics) }
        return configuration
    }

    // MARK: Sections

    private mutating func tenant(_ node: Node) -> EmulatorConfiguration.Tenant? {
        let keys = ["id", "displayName", "domains", "servicePrincipals", "subscriptions", "roleAssignments"]
        guard let fields = mapping(node, "a tenant", keys: keys, required: ["id"]),
            let id = fields["id"].flatMap({ string($0, "tenant id") })
        else { return nil }
        var tenant = EmulatorConfiguration.Tenant(id: id)
        tenant.location = location(of: node)
        tenant.fieldLocations = locations(of: fields)
        tenant.displayName = fields["displayName"].flatMap { string($0, "displayName") }
        tenant.domains = fields["domains"].flatMap { strings($0, "domains") } ?? []
        tenant.servicePrincipals =
            fields["servicePrincipals"].flatMap { sequence($0, "servicePrincipals") }?.compactMap {
                servicePrincipal($0)
            } ?? []
        tenant.subscriptions =
            fields["subscriptions"].flatMap { sequence($0, "subscriptions") }?.compactMap { subscription($0) } ?? []
        tenant.roleAssignments =
            fields["roleAssignments"].flatMap { sequence($0, "roleAssignments") }?.compactMap {
                roleAssignment($0)
            } ?? []
        return tenant
    }

    private mutating func servicePrincipal(_ node: Node) -> EmulatorConfiguration.ServicePrincipal? {
        let keys = ["name", "clientId", "objectId", "secrets", "certificates", "federatedCredentials", "appRoles"]
        guard
            let fields = mapping(node, "a service principal", keys: keys, required: ["name", "clientId", "objectId"]),
            let name = fields["name"].flatMap({ string($0, "name") }),
            let clientId = fields["clientId"].flatMap({ string($0, "clientId") }),
            let objectId = fields["objectId"].flatMap({ string($0, "objectId") })
        else { return nil }
        let secrets = fields["secrets"].flatMap { sequence($0, "secrets") }?.compactMap { secret($0) } ?? []
        var principal = EmulatorConfiguration.ServicePrincipal(
            name: name,
            clientId: clientId,
            objectId: objectId,
            secrets: secrets,
            certificates: fields["certificates"].flatMap { sequence($0, "certificates") }?.compactMap {
                certificate($0)
            } ?? [],
            federatedCredentials: fields["federatedCredentials"].flatMap { sequence($0, "federatedCredentials") }?
                .compactMap { federatedCredential($0) } ?? [],
            appRoles: fields["appRoles"].flatMap { strings($0, "appRoles") } ?? []
        )
        principal.location = location(of: node)
        principal.fieldLocations = locations(of: fields)
        return principal
    }

    private mutating func secret(_ node: Node) -> EmulatorConfiguration.Secret? {
        if case .scalar = node {
            guard let value = string(node, "secret") else { return nil }
            var secret = EmulatorConfiguration.Secret(value: value)
            secret.location = location(of: node)
            return secret
        }
        guard let fields = mapping(node, "a secret", keys: ["value", "expires"], required: ["value"]),
            let value = fields["value"].flatMap({ string($0, "secret value") })
        else { return nil }
        var secret = EmulatorConfiguration.Secret(value: value)
        secret.location = location(of: node)
        if let expiresNode = fields["expires"], let text = string(expiresNode, "expires") {
            if let seconds = UTCTime.parseISO8601(text) {
                secret.expires = Date(timeIntervalSince1970: TimeInterval(seconds))
            } else {
                report(expiresNode, "expires must be an ISO 8601 date such as 2030-01-01T00:00:00Z, not '\(text)'")
            }
        }
        return secret
    }

    private mutating func subscription(_ node: Node) -> EmulatorConfiguration.Subscription? {
        let keys = ["id", "displayName", "state", "tags", "resourceGroups"]
        guard let fields = mapping(node, "a subscription", keys: keys, required: ["id"]),
            let id = fields["id"].flatMap({ string($0, "subscription id") })
        else { return nil }
        var subscription = EmulatorConfiguration.Subscription(
            id: id,
            displayName: fields["displayName"].flatMap { string($0, "displayName") } ?? id,
            state: fields["state"].flatMap { string($0, "state") } ?? "Enabled",
            tags: fields["tags"].flatMap { stringPairs($0, "tags") },
            resourceGroups: fields["resourceGroups"].flatMap { sequence($0, "resourceGroups") }?.compactMap {
                resourceGroup($0)
            } ?? []
        )
        subscription.location = location(of: node)
        subscription.fieldLocations = locations(of: fields)
        return subscription
    }

    private mutating func resourceGroup(_ node: Node) -> EmulatorConfiguration.ResourceGroup? {
        let keys = ["name", "location", "tags", "managedBy"]
        guard let fields = mapping(node, "a resource group", keys: keys, required: ["name", "location"]),
            let name = fields["name"].flatMap({ string($0, "resource group name") }),
            let location = fields["location"].flatMap({ string($0, "location") })
        else { return nil }
        var group = EmulatorConfiguration.ResourceGroup(
            name: name,
            location: location,
            tags: fields["tags"].flatMap { stringPairs($0, "tags") },
            managedBy: fields["managedBy"].flatMap { string($0, "managedBy") }
        )
        group.sourceLocation = self.location(of: node)
        group.fieldLocations = locations(of: fields)
        return group
    }

    private mutating func roleAssignment(_ node: Node) -> EmulatorConfiguration.RoleAssignment? {
        let keys = ["principal", "role", "scope"]
        guard let fields = mapping(node, "a role assignment", keys: keys, required: keys),
            let principal = fields["principal"].flatMap({ string($0, "principal") }),
            let role = fields["role"].flatMap({ string($0, "role") }),
            let scope = fields["scope"].flatMap({ string($0, "scope") })
        else { return nil }
        var assignment = EmulatorConfiguration.RoleAssignment(principal: principal, role: role, scope: scope)
        assignment.location = location(of: node)
        assignment.fieldLocations = locations(of: fields)
        return assignment
    }

    // MARK: Node helpers

    func location(of node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    func locations(of fields: [String: Node]) -> [String: SourceLocation] {
        fields.compactMapValues { location(of: $0) }
    }

    mutating func report(_ node: Node?, _ message: String) {
        let mark = node?.mark
        diagnostics.append(.init(file: file, line: mark?.line, column: mark?.column, message: message))
    }

    /// The mapping's values by key; reports unknown, duplicate and missing keys.
    mutating func mapping(
        _ node: Node,
        _ what: String,
        keys: [String],
        required: [String] = []
    ) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            report(node, "expected a mapping for \(what), found \(kind(of: node))")
            return nil
        }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                report(keyNode, "keys in \(what) must be plain strings")
                continue
            }
            if !keys.contains(key.string) {
                let expected = keys.joined(separator: ", ")
                report(keyNode, "unknown key '\(key.string)' in \(what); expected one of: \(expected)")
            } else if fields[key.string] != nil {
                report(keyNode, "duplicate key '\(key.string)' in \(what)")
            } else {
                fields[key.string] = value
            }
        }
        for key in required where fields[key] == nil {
            report(node, "missing key '\(key)' in \(what)")
        }
        return fields
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            if node.null != nil { return [] }
            report(node, "expected a list for \(what), found \(kind(of: node))")
            return nil
        }
        return Array(sequence)
    }

    mutating func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node, node.null == nil else {
            report(node, "expected a string for \(what), found \(kind(of: node))")
            return nil
        }
        return scalar.string
    }

    mutating func integer(_ node: Node, _ what: String) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            report(node, "expected a whole number for \(what)")
            return nil
        }
        return value
    }

    mutating func strings(_ node: Node, _ what: String) -> [String]? {
        sequence(node, what)?.compactMap { string($0, "an item of \(what)") }
    }

    /// A mapping of scalar keys to scalar values, in document order.
    mutating func stringPairs(_ node: Node, _ what: String) -> [(key: String, value: String)]? {
        guard case .mapping(let mapping) = node else {
            if node.null != nil { return [] }
            report(node, "expected a mapping of names to values for \(what), found \(kind(of: node))")
            return nil
        }
        var pairs: [(key: String, value: String)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                report(keyNode, "keys in \(what) must be plain strings")
                continue
            }
            if pairs.contains(where: { $0.key == key.string }) {
                report(keyNode, "duplicate key '\(key.string)' in \(what)")
                continue
            }
            if case .scalar(let value) = valueNode {
                pairs.append((key.string, valueNode.null != nil ? "" : value.string))
            } else {
                report(valueNode, "expected a string value for '\(key.string)' in \(what)")
            }
        }
        return pairs
    }

    func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return node.null != nil ? "null" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
