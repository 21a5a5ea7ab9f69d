import AzspecCore
import Yams

extension SpecParser {
    /// `entra: { principal, applicationPermissions, delegatedPermissions, directoryRoles, owners }`.
    mutating func entra(_ node: Node) -> EntraCheckSpec? {
        guard let fields = reader.fields(node, SpecFormat.entra) else { return nil }
        guard let principal = fields["principal"].flatMap({ reader.template($0, "entra.principal") }) else { return nil }
        var check = EntraCheckSpec(principal: principal, location: reader.location(of: node))
        check.applicationPermissions = fields["applicationPermissions"].flatMap { entraPermissions($0, "entra.applicationPermissions") }
        check.delegatedPermissions = fields["delegatedPermissions"].flatMap { entraPermissions($0, "entra.delegatedPermissions") }
        check.directoryRoles = fields["directoryRoles"].flatMap { directoryRoles($0) }
        check.owners = fields["owners"].flatMap { owners($0) }
        // Only the principal (an unknown key is reported on its own).
        if case .mapping(let mapping) = node, mapping.count == 1 {
            reader.error(
                "entra needs something to check: applicationPermissions, delegatedPermissions, directoryRoles or owners", at: node)
        }
        return check
    }

    private mutating func entraPermissions(_ node: Node, _ what: String) -> EntraCheckSpec.Permissions? {
        guard let fields = reader.fields(node, SpecFormat.entraPermissions) else { return nil }
        var permissions = EntraCheckSpec.Permissions()
        for key in ["allow", "deny"] {
            guard let list = fields[key], let items = reader.sequence(list, "\(what).\(key)") else { continue }
            for item in items {
                guard let text = reader.string(item, "a permission in \(what).\(key)") else { continue }
                let permission = EntraCheckSpec.Permission(text, location: reader.location(of: item))
                guard !permission.value.isEmpty, !permission.value.contains(where: \.isWhitespace), permission.resource != "" else {
                    reader.error(
                        "'\(text)' is not a permission: write Application.Read.All, or 'Microsoft Graph: Application.Read.All'", at: item)
                    continue
                }
                if key == "allow" { permissions.allow.append(permission) } else { permissions.deny.append(permission) }
            }
        }
        permissions.exactly = fields["exactly"].flatMap { reader.bool($0, "\(what).exactly") } ?? false
        if fields["allow"] == nil, fields["deny"] == nil, !permissions.exactly {
            reader.error("\(what) needs allow, deny or exactly: true", at: node)
        }
        reportOverlap(
            permissions.allow.map { ($0.text.lowercased(), $0.location) }, permissions.deny.map { ($0.text.lowercased(), $0.location) })
        return permissions
    }

    private mutating func directoryRoles(_ node: Node) -> EntraCheckSpec.Roles? {
        guard let fields = reader.fields(node, SpecFormat.directoryRoles) else { return nil }
        var roles = EntraCheckSpec.Roles()
        for key in ["allow", "deny"] {
            guard let list = fields[key], let items = reader.sequence(list, "entra.directoryRoles.\(key)") else { continue }
            for item in items {
                guard let name = reader.string(item, "a directory role") else { continue }
                let role = EntraCheckSpec.Role(name: name, location: reader.location(of: item))
                if key == "allow" { roles.allow.append(role) } else { roles.deny.append(role) }
            }
        }
        roles.exactly = fields["exactly"].flatMap { reader.bool($0, "entra.directoryRoles.exactly") } ?? false
        if let value = fields["noTier0"] {
            if reader.bool(value, "entra.directoryRoles.noTier0") == true {
                roles.noTier0 = true
            } else {
                reader.error("noTier0 takes only true", at: value)
            }
        }
        if let value = fields["eligible"], let text = reader.string(value, "entra.directoryRoles.eligible") {
            if let rule = PermissionCheckSpec.Eligible(rawValue: text) {
                roles.eligible = rule
            } else {
                let names = PermissionCheckSpec.Eligible.allCases.map(\.rawValue)
                reader.error(
                    "unknown eligible '\(text)'\(Suggestion.hint(for: text, in: names)); use one of \(names.joined(separator: ", "))",
                    at: value)
            }
        }
        if fields["allow"] == nil, fields["deny"] == nil, !roles.exactly, fields["noTier0"] == nil {
            reader.error("entra.directoryRoles needs allow, deny, exactly: true or noTier0: true", at: node)
        }
        if roles.noTier0, let tier0 = roles.allow.first(where: { DirectoryRole.named($0.name)?.isTier0 == true }) {
            reader.diagnostics.error("'\(tier0.name)' is a tier-0 role, which noTier0 denies", at: tier0.location)
        }
        reportOverlap(roles.allow.map { ($0.name.lowercased(), $0.location) }, roles.deny.map { ($0.name.lowercased(), $0.location) })
        return roles
    }

    /// `owners: { only | exactly | none }`.
    private mutating func owners(_ node: Node) -> EntraCheckSpec.Owners? {
        guard let fields = reader.fields(node, SpecFormat.owners) else { return nil }
        let given = ["only", "exactly", "none"].filter { fields[$0] != nil }
        guard given.count == 1 else {
            reader.error("entra.owners needs one of only, exactly or none (it has \(given.count))", at: node)
            return nil
        }
        let location = reader.location(of: node)
        guard given[0] != "none" else {
            guard let value = fields["none"], reader.bool(value, "entra.owners.none") == true else {
                if let value = fields["none"] { reader.error("none takes only true", at: value) }
                return nil
            }
            return .init(expectation: .nobody, location: location)
        }
        let key = given[0]
        guard let value = fields[key], let items = reader.sequence(value, "entra.owners.\(key)") else { return nil }
        let names = items.compactMap { reader.template($0, "an owner in entra.owners.\(key)") }
        return .init(expectation: key == "only" ? .only(names) : .exactly(names), location: location)
    }

    /// An entry in both the allow and the deny list.
    private mutating func reportOverlap(_ allow: [(String, SourceLocation)], _ deny: [(String, SourceLocation)]) {
        for (key, location) in deny {
            if let first = allow.first(where: { $0.0 == key }) {
                reader.diagnostics.error("'\(key)' is in both the allow and the deny list (line \(first.1.line))", at: location)
            }
        }
    }
}
