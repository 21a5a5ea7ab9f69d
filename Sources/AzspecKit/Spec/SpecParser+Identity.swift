import AzspecCore
import Yams

extension SpecParser {
    static let identityKinds = SpecFormat.identityKinds.map(\.kind)

    /// `resource:`: a known resource's name or an https:// audience.
    mutating func resource(_ node: Node) -> String? {
        guard let text = reader.string(node, "resource") else { return nil }
        if let problem = TokenResource.problem(text) {
            reader.error(problem, at: node)
            return nil
        }
        return text
    }

    /// Keys each kind takes besides `kind`, `hosts` and `resource`.
    static let identityKeys = Dictionary(uniqueKeysWithValues: SpecFormat.identityKinds.map { ($0.kind, $0.keys) })

    /// `identities:` — name → identity.
    mutating func identities(_ node: Node) -> [IdentitySpec] {
        guard let mapping = reader.mapping(node, "identities") else { return [] }
        var result: [IdentitySpec] = []
        for (name, keyNode, value) in reader.members(mapping, allowed: [], in: "identities") {
            guard Self.isIdentifier(name) else {
                reader.error("identity name '\(name)' must be letters, digits, - and _", at: keyNode)
                continue
            }
            if let identity = identity(named: name, value, at: keyNode) { result.append(identity) }
        }
        return result
    }

    /// `identity: NAME`, `identity: true` (the default identity) or `identity: false`.
    mutating func identityChoice(_ node: Node) -> IdentityChoice? {
        guard case .scalar(let scalar) = node else {
            reader.error("identity must be the name of an identity, or true for the default one", at: node)
            return nil
        }
        switch scalar.resolvedJSON {
        case .bool(true): return .default
        case .bool(false): return IdentityChoice.none
        case .string(let name): return .named(name, reader.location(of: node))
        default:
            reader.error("identity must be the name of an identity, or true for the default one", at: node)
            return nil
        }
    }

    private mutating func identity(named name: String, _ node: Node, at keyNode: Node) -> IdentitySpec? {
        guard let mapping = reader.mapping(node, "identity '\(name)'") else { return nil }
        guard let kindNode = mapping["kind"], let kind = reader.string(kindNode, "kind") else {
            reader.error("identity '\(name)' needs 'kind': one of \(Self.identityKinds.joined(separator: ", "))", at: node)
            return nil
        }
        guard let keys = Self.identityKeys[kind] else {
            reader.error(
                "unknown identity kind '\(kind)'\(Suggestion.hint(for: kind, in: Self.identityKinds)); use one of \(Self.identityKinds.joined(separator: ", "))",
                at: kindNode)
            return nil
        }
        let members = reader.members(mapping, allowed: ["kind", "hosts", "resource"] + keys, in: "a \(kind) identity")
        var fields: [String: Node] = [:]
        for (key, _, value) in members { fields[key] = value }
        let location = reader.location(of: keyNode)

        /// The field's template, or the environment variable azure-identity would read.
        func field(_ key: String, default variable: String?) -> Template? {
            if let value = fields[key] { return reader.template(value, "\(key) of identity '\(name)'") }
            guard let variable else { return nil }
            var ignored = DiagnosticCollector()
            return Template.parse("{{env.\(variable)}}", at: location, diagnostics: &ignored)
        }
        var endpoint = IdentitySpec.Endpoint.v2
        if let node = fields["endpoint"], kind != "managedIdentity", let text = reader.string(node, "endpoint") {
            if let value = IdentitySpec.Endpoint(rawValue: text.lowercased()) {
                endpoint = value
            } else {
                reader.error("endpoint must be v2 (scope, the default) or v1 (resource)", at: node)
            }
        }
        var hosts: [String] = []
        if let node = fields["hosts"], let items = reader.sequence(node, "hosts") {
            hosts = items.compactMap { reader.string($0, "a host") }.map { $0.lowercased() }
        }
        let resolved: IdentitySpec.Kind
        switch kind {
        case "clientSecret":
            guard let tenant = field("tenant", default: "AZURE_TENANT_ID"), let clientId = field("clientId", default: "AZURE_CLIENT_ID"),
                let secret = field("secret", default: "AZURE_CLIENT_SECRET")
            else { return nil }
            resolved = .clientSecret(tenant: tenant, clientId: clientId, secret: secret, endpoint: endpoint)
        case "clientCertificate":
            guard let tenant = field("tenant", default: "AZURE_TENANT_ID"), let clientId = field("clientId", default: "AZURE_CLIENT_ID"),
                let certificate = field("certificate", default: "AZURE_CLIENT_CERTIFICATE_PATH")
            else { return nil }
            resolved = .clientCertificate(
                tenant: tenant, clientId: clientId, certificate: certificate, password: field("password", default: nil), endpoint: endpoint)
        case "workloadIdentity":
            guard let tenant = field("tenant", default: "AZURE_TENANT_ID"), let clientId = field("clientId", default: "AZURE_CLIENT_ID")
            else { return nil }
            let audience = fields["audience"].flatMap { reader.string($0, "audience") } ?? "api://AzureADTokenExchange"
            resolved = .workloadIdentity(
                tenant: tenant, clientId: clientId, tokenFile: field("tokenFile", default: nil), audience: audience)
        case "managedIdentity":
            resolved = .managedIdentity(
                clientId: field("clientId", default: nil), objectId: field("objectId", default: nil),
                resourceId: field("resourceId", default: nil), endpoint: field("endpoint", default: nil))
            let chosen = ["clientId", "objectId", "resourceId"].filter { fields[$0] != nil }
            if chosen.count > 1 {
                reader.error(
                    "a managed identity takes one of clientId, objectId or resourceId, not \(chosen.joined(separator: " and "))", at: node)
            }
        case "azureCli":
            var command = ["az", "account", "get-access-token"]
            if let node = fields["command"] {
                if case .scalar(let scalar) = node {
                    command = scalar.string.split(separator: " ").map(String.init)
                } else if let items = reader.sequence(node, "command") {
                    command = items.compactMap { reader.string($0, "a command word") }
                }
                if command.isEmpty { reader.error("command must not be empty", at: node) }
            }
            resolved = .azureCli(command: command)
        case "token":
            guard let node = fields["variable"], let variable = reader.string(node, "variable") else {
                reader.error("a token identity needs 'variable': the environment variable that holds the token", at: node)
                return nil
            }
            resolved = .token(variable: variable)
        default:
            resolved = .environment
        }
        var identity = IdentitySpec(name: name, kind: resolved, hosts: hosts, location: location)
        if let node = fields["resource"] { identity.resource = resource(node) }
        return identity
    }
}
