import AzspecCore
import Foundation
import Yams

/// Turns configuration YAML into an ``EmulatorConfiguration``, collecting every structural problem
/// (syntax, unknown keys, wrong types) with its line and column before giving up.
struct ConfigurationReader {
    let file: String
    let text: String
    /// The folder relative PEM paths are read from (the configuration file's).
    let baseDirectory: String?
    var yaml: YAMLReader

    init(file: String, text: String, baseDirectory: String? = nil) {
        self.file = file
        self.text = text
        self.baseDirectory = baseDirectory
        yaml = YAMLReader(file: file)
        yaml.quotesValues = false  // the configuration holds secrets in plain text
    }

    mutating func read() throws(EmulatorError) -> EmulatorConfiguration {
        let (root, problems) = YAMLDocument.compose(text, file: file)
        guard let root else {
            throw EmulatorError.invalidConfiguration(problems)
        }
        var configuration = EmulatorConfiguration(tokenLifetime: 3599)
        configuration.location = yaml.location(of: root)
        if let fields = yaml.fields(root, ConfigurationFormat.configuration) {
            configuration.fieldLocations = yaml.locations(of: fields)
            if let node = fields["tokenLifetime"], let value = yaml.integer(node, "tokenLifetime", in: 0...31_536_000) {
                configuration.tokenLifetime = value
            }
            if let node = fields["environment"], let pairs = yaml.stringPairs(node, "environment") {
                configuration.environment = Dictionary(pairs, uniquingKeysWith: { _, last in last })
            }
            if let node = fields["tenants"] {
                configuration.tenants = yaml.sequence(node, "tenants", allowingNull: true)?.compactMap { tenant($0) } ?? []
            }
            readIdentitySettings(fields, into: &configuration)
            if let node = fields["tokenBucket"], let buckets = yaml.fields(node, ConfigurationFormat.tokenBucket) {
                for (name, bucketNode) in buckets {
                    guard
                        let bucket = yaml.fields(
                            bucketNode, "the \(name) bucket", keys: ConfigurationFormat.bucket.keys,
                            required: ConfigurationFormat.bucket.required),
                        let burst = bucket["burst"].flatMap({ yaml.integer($0, "burst", in: 1...100_000) }),
                        let refill = bucket["refill"].flatMap({ yaml.number($0, "refill (per second)") })
                    else { continue }
                    guard refill > 0, refill <= 100_000 else {
                        yaml.error("refill must be more than 0 and at most 100000 a second", at: bucket["refill"] ?? bucketNode)
                        continue
                    }
                    configuration.tokenBucket[name] = .init(burst: burst, refill: refill)
                }
            }
            if let node = fields["pageSize"], let size = yaml.integer(node, "pageSize", in: 0...1000) {
                configuration.pageSize = size
            }
            configuration.resources = yaml.items("resources", in: fields).compactMap { resource($0) }
            if let node = fields["throttling"] {
                configuration.throttling = yaml.sequence(node, "throttling", allowingNull: true)?.compactMap { throttlingRule($0) } ?? []
            }
            if let node = fields["operations"], let operations = yaml.fields(node, ConfigurationFormat.operations) {
                if let seconds = operations["seconds"].flatMap({ yaml.number($0, "operations.seconds") }) {
                    if (0...3600).contains(seconds) {
                        configuration.operationSeconds = seconds
                    } else {
                        yaml.error("operations.seconds must be from 0 to 3600", at: operations["seconds"] ?? node)
                    }
                }
                if let polls = operations["polls"].flatMap({ yaml.integer($0, "operations.polls", in: 0...100) }) {
                    configuration.operationPolls = polls
                }
                if let seconds = operations["retryAfter"].flatMap({ yaml.integer($0, "operations.retryAfter", in: 0...600) }) {
                    configuration.operationRetryAfter = seconds
                }
            }
        }
        // The semantic checks run on what could be read, so that every mistake is reported in one go; a check that
        // trips over a line already reported adds nothing.
        configuration.baseDirectory = baseDirectory
        var checker = ConfigurationChecker(configuration)
        checker.check()
        let readProblems: [Diagnostic] = yaml.diagnostics.diagnostics
        let reported = Set(readProblems.map { $0.location.line })
        let checked: [Diagnostic] = checker.diagnostics.diagnostics.filter { !reported.contains($0.location.line) }
        let all: [Diagnostic] = readProblems + checked
        guard !all.contains(where: { $0.severity == .error }) else {
            let ordered: [Diagnostic] = all.enumerated().sorted { a, b in
                a.element.location != b.element.location ? a.element.location < b.element.location : a.offset < b.offset
            }.map { $0.element }
            throw EmulatorError.invalidConfiguration(ordered)
        }
        return configuration
    }

    // MARK: Sections

    private mutating func tenant(_ node: Node) -> EmulatorConfiguration.Tenant? {
        guard let fields = yaml.fields(node, ConfigurationFormat.tenant),
            let id = fields["id"].flatMap({ yaml.string($0, "tenant id") })
        else { return nil }
        var tenant = EmulatorConfiguration.Tenant(id: id)
        tenant.location = yaml.location(of: node)
        tenant.fieldLocations = yaml.locations(of: fields)
        tenant.displayName = yaml.string("displayName", in: fields)
        tenant.domains = yaml.strings("domains", in: fields) ?? []
        tenant.servicePrincipals = yaml.items("servicePrincipals", in: fields).compactMap { servicePrincipal($0) }
        tenant.subscriptions = yaml.items("subscriptions", in: fields).compactMap { subscription($0) }
        tenant.roleAssignments = yaml.items("roleAssignments", in: fields).compactMap { roleAssignment($0) }
        tenant.roleDefinitions = yaml.items("roleDefinitions", in: fields).compactMap { customRole($0) }
        tenant.groups = yaml.items("groups", in: fields).compactMap { group($0) }
        tenant.managementGroups = yaml.items("managementGroups", in: fields).compactMap { managementGroup($0) }
        tenant.eligibleRoleAssignments = yaml.items("eligibleRoleAssignments", in: fields).compactMap { roleAssignment($0) }
        tenant.denyAssignments = yaml.items("denyAssignments", in: fields).compactMap { denyAssignment($0) }
        readEntra(fields, into: &tenant)
        return tenant
    }

    private mutating func servicePrincipal(_ node: Node) -> EmulatorConfiguration.ServicePrincipal? {
        guard
            let fields = yaml.fields(node, ConfigurationFormat.servicePrincipal),
            let name = yaml.string("name", in: fields),
            let clientId = yaml.string("clientId", in: fields),
            let objectId = yaml.string("objectId", in: fields)
        else { return nil }
        let secrets = yaml.items("secrets", in: fields).compactMap { secret($0) }
        var principal = EmulatorConfiguration.ServicePrincipal(
            name: name,
            clientId: clientId,
            objectId: objectId,
            secrets: secrets,
            certificates: yaml.items("certificates", in: fields).compactMap { certificate($0) },
            federatedCredentials: yaml.items("federatedCredentials", in: fields).compactMap { federatedCredential($0) },
            appRoles: fields["appRoles"].map { appRoles($0) } ?? [:]
        )
        readEntra(fields, into: &principal)
        return yaml.located(principal, node, fields, at: \.location)
    }

    /// `appRoles`: a list (Microsoft Graph's) or a mapping from a resource to its roles.
    private mutating func appRoles(_ node: Node) -> [String: [String]] {
        if case .mapping(let mapping) = node {
            var roles: [String: [String]] = [:]
            for (key, value) in mapping {
                guard let resource = yaml.string(key, "a resource of appRoles"),
                    let list = yaml.strings(value, "the app roles of \(resource)")
                else { continue }
                roles[resource] = list
            }
            return roles
        }
        guard let list = yaml.strings(node, "appRoles"), !list.isEmpty else { return [:] }
        return ["graph": list]
    }

    private mutating func resource(_ node: Node) -> EmulatorConfiguration.Resource? {
        guard let fields = yaml.fields(node, ConfigurationFormat.resource), let uri = yaml.string("uri", in: fields) else { return nil }
        var resource = EmulatorConfiguration.Resource(uri: uri, appId: yaml.string("appId", in: fields))
        if let version = fields["accessTokenVersion"].flatMap({ yaml.integer($0, "accessTokenVersion", in: 1...2) }) {
            resource.accessTokenVersion = version
        }
        return yaml.located(resource, node, fields, at: \.location)
    }

    private mutating func secret(_ node: Node) -> EmulatorConfiguration.Secret? {
        if case .scalar = node {
            guard let value = yaml.string(node, "secret") else { return nil }
            var secret = EmulatorConfiguration.Secret(value: value)
            secret.location = yaml.location(of: node)
            return secret
        }
        guard let fields = yaml.fields(node, ConfigurationFormat.secret),
            let value = fields["value"].flatMap({ yaml.string($0, "secret value") })
        else { return nil }
        var secret = EmulatorConfiguration.Secret(value: value)
        secret.location = yaml.location(of: node)
        if let expiresNode = fields["expires"], let text = yaml.string(expiresNode, "expires") {
            if let seconds = UTCTime.parseISO8601(text) {
                secret.expires = Date(timeIntervalSince1970: TimeInterval(seconds))
            } else {
                yaml.error("expires must be an ISO 8601 date such as 2030-01-01T00:00:00Z, not '\(text)'", at: expiresNode)
            }
        }
        return secret
    }

    private mutating func subscription(_ node: Node) -> EmulatorConfiguration.Subscription? {
        guard let fields = yaml.fields(node, ConfigurationFormat.subscription),
            let id = fields["id"].flatMap({ yaml.string($0, "subscription id") })
        else { return nil }
        let subscription = EmulatorConfiguration.Subscription(
            id: id,
            displayName: yaml.string("displayName", in: fields) ?? id,
            state: yaml.string("state", in: fields) ?? "Enabled",
            tags: fields["tags"].flatMap { yaml.stringPairs($0, "tags") },
            resourceGroups: yaml.items("resourceGroups", in: fields).compactMap { resourceGroup($0) }
        )
        return yaml.located(subscription, node, fields, at: \.location)
    }

    private mutating func resourceGroup(_ node: Node) -> EmulatorConfiguration.ResourceGroup? {
        guard let fields = yaml.fields(node, ConfigurationFormat.resourceGroup),
            let name = fields["name"].flatMap({ yaml.string($0, "resource group name") }),
            let location = yaml.string("location", in: fields)
        else { return nil }
        let group = EmulatorConfiguration.ResourceGroup(
            name: name,
            location: location,
            tags: fields["tags"].flatMap { yaml.stringPairs($0, "tags") },
            managedBy: yaml.string("managedBy", in: fields)
        )
        return yaml.located(group, node, fields, at: \.sourceLocation)
    }

    private mutating func throttlingRule(_ node: Node) -> EmulatorConfiguration.ThrottlingRule? {
        guard let fields = yaml.fields(node, ConfigurationFormat.throttlingRule),
            let path = yaml.string("path", in: fields),
            let times = fields["times"].flatMap({ yaml.integer($0, "times", in: 1...100_000) })
        else { return nil }
        var rule = EmulatorConfiguration.ThrottlingRule(path: path, times: times)
        if let node = fields["retryAfter"], let seconds = yaml.integer(node, "retryAfter", in: 0...86_400) { rule.retryAfter = seconds }
        if let node = fields["status"], let status = yaml.integer(node, "status", in: 400...599) { rule.status = status }
        rule.method = yaml.string("method", in: fields)
        if !path.hasPrefix("/") {
            yaml.error("a throttling path starts with /, such as /subscriptions/*/resourcegroups", at: fields["path"] ?? node)
        }
        rule.location = yaml.location(of: node)
        return rule
    }
}

extension YAMLReader {
    /// `entry` with where it was written: its mapping's location at `location` and each of its keys' locations, for
    /// the errors validation reports later.
    func located<Entry: ConfigurationEntry>(
        _ entry: Entry, _ node: Node, _ fields: [String: Node], at location: WritableKeyPath<Entry, SourceLocation?>
    ) -> Entry {
        var entry = entry
        entry[keyPath: location] = self.location(of: node)
        entry.fieldLocations = locations(of: fields)
        return entry
    }
}

/// An entry of the configuration that remembers where each of its keys was written.
protocol ConfigurationEntry {
    var fieldLocations: [String: SourceLocation] { get set }
}

extension EmulatorConfiguration.ServicePrincipal: ConfigurationEntry {}
extension EmulatorConfiguration.Group: ConfigurationEntry {}
extension EmulatorConfiguration.ManagementGroup: ConfigurationEntry {}
extension EmulatorConfiguration.FederatedCredential: ConfigurationEntry {}
extension EmulatorConfiguration.FederatedIssuer: ConfigurationEntry {}
extension EmulatorConfiguration.ManagedIdentity: ConfigurationEntry {}
extension EmulatorConfiguration.RoleAssignment: ConfigurationEntry {}
extension EmulatorConfiguration.CustomRole: ConfigurationEntry {}
extension EmulatorConfiguration.DenyAssignment: ConfigurationEntry {}
extension EmulatorConfiguration.Subscription: ConfigurationEntry {}
extension EmulatorConfiguration.ResourceGroup: ConfigurationEntry {}
extension EmulatorConfiguration.Resource: ConfigurationEntry {}
extension EmulatorConfiguration.User: ConfigurationEntry {}
extension EmulatorConfiguration.DirectoryRoleAssignment: ConfigurationEntry {}
extension EmulatorConfiguration.DelegatedGrant: ConfigurationEntry {}
