import AzspecCore
import Yams

extension SpecParser {

    /// `permissions: { scope, principal, allow, deny, dataActions: { allow, deny }, exactly, none, eligible }`.
    /// `credentials: { principal, noSecrets, minDaysLeft, maxDaysValid, federatedSubjects }`.
    mutating func credentials(_ node: Node) -> CredentialCheckSpec? {
        guard let fields = reader.fields(node, SpecFormat.credentials) else { return nil }
        guard let principal = fields["principal"].flatMap({ reader.template($0, "credentials.principal") }) else { return nil }
        var check = CredentialCheckSpec(principal: principal, location: reader.location(of: node))
        if let value = fields["noSecrets"] {
            if reader.bool(value, "credentials.noSecrets") == true {
                check.noSecrets = true
            } else {
                reader.error("noSecrets takes only true", at: value)
            }
        }
        check.minDaysLeft = fields["minDaysLeft"].flatMap { reader.integer($0, "credentials.minDaysLeft", in: 0...36_500) }
        check.maxDaysValid = fields["maxDaysValid"].flatMap { reader.integer($0, "credentials.maxDaysValid", in: 1...36_500) }
        if let value = fields["federatedSubjects"], let items = reader.sequence(value, "credentials.federatedSubjects", allowingNull: true)
        {
            check.federatedSubjects = items.compactMap { reader.template($0, "a federated subject") }
        }
        if !check.noSecrets, check.minDaysLeft == nil, check.maxDaysValid == nil, check.federatedSubjects == nil {
            reader.error("credentials needs something to check: noSecrets, minDaysLeft, maxDaysValid or federatedSubjects", at: node)
        }
        return check
    }

    mutating func permissions(_ node: Node) -> PermissionCheckSpec? {
        guard let mapping = reader.mapping(node, "permissions") else { return nil }
        let members = reader.members(mapping, allowed: SpecFormat.permissions.keys, in: "permissions")
        reader.require(SpecFormat.permissions.required, in: members, of: node, "permissions")
        var scope: Template?
        var entries: [PermissionCheckSpec.Entry] = []
        var exactly = false
        var principal: Template?
        var none = false
        var eligible = PermissionCheckSpec.Eligible.separate
        var whoCan: PermissionCheckSpec.WhoCan?
        for (key, _, value) in members {
            switch key {
            case "scope": scope = reader.template(value, "permissions.scope")
            case "principal": principal = reader.template(value, "permissions.principal")
            case "whoCan": whoCan = self.whoCan(value)
            case "none":
                none = reader.bool(value, "permissions.none") ?? false
                if !none { reader.error("none takes only true (leave it out to check actions)", at: value) }
            case "eligible":
                guard let text = reader.string(value, "permissions.eligible") else { continue }
                guard let rule = PermissionCheckSpec.Eligible(rawValue: text) else {
                    let names = PermissionCheckSpec.Eligible.allCases.map(\.rawValue)
                    reader.error(
                        "unknown eligible '\(text)'\(Suggestion.hint(for: text, in: names)); use one of \(names.joined(separator: ", "))",
                        at: value)
                    continue
                }
                eligible = rule
            case "allow": entries += actions(value, "permissions.allow", allowed: true, data: false)
            case "deny": entries += actions(value, "permissions.deny", allowed: false, data: false)
            case "exactly": exactly = reader.bool(value, "permissions.exactly") ?? false
            case "dataActions":
                guard let data = reader.mapping(value, "permissions.dataActions") else { continue }
                for (dataKey, _, list) in reader.members(data, allowed: SpecFormat.dataActions.keys, in: "permissions.dataActions") {
                    entries += actions(list, "permissions.dataActions.\(dataKey)", allowed: dataKey == "allow", data: true)
                }
            default: break
            }
        }
        if let scope, scope.references.isEmpty, let problem = ARMScope.problem(scope.source) {
            reader.error(problem, at: members.first { $0.key == "scope" }?.value ?? node)
        }
        if whoCan != nil, principal != nil || none || exactly || !entries.isEmpty {
            reader.error(
                "whoCan asks about every principal: it takes no principal, allow, deny, dataActions, exactly or none beside it", at: node)
        } else if whoCan != nil {
            // Complete on its own.
        } else if none, entries.contains(where: \.mustBeAllowed) || exactly {
            reader.error("none: true says nothing is held, so it takes no allow list and no exactly", at: node)
        } else if entries.isEmpty && !exactly && !none {
            reader.error(
                "permissions needs actions to check: 'allow', 'deny' or 'dataActions' (or 'exactly: true', or 'none: true')", at: node)
        }
        if principal == nil, whoCan == nil, let node = members.first(where: { $0.key == "eligible" })?.value {
            reader.diagnostics.warning(
                "eligible applies to an audit (principal:) or whoCan; the permissions API lists no eligible role",
                at: reader.location(of: node))
        }
        var seen: [String: PermissionCheckSpec.Entry] = [:]
        for entry in entries {
            let key = (entry.isData ? "data|" : "") + entry.pattern.text.lowercased()
            if let first = seen[key], first.mustBeAllowed != entry.mustBeAllowed {
                reader.diagnostics.error(
                    "'\(entry.pattern.text)' is in both the allow and the deny list (line \(first.location.line))", at: entry.location)
            }
            seen[key] = entry
        }
        guard let scope else { return nil }
        var check = PermissionCheckSpec(scope: scope, entries: entries, exactly: exactly, location: reader.location(of: node))
        check.principal = principal
        check.none = none
        check.eligible = eligible
        check.whoCan = whoCan
        return check
    }

    /// `whoCan: { actions, dataActions, only | exactly | none }`.
    private mutating func whoCan(_ node: Node) -> PermissionCheckSpec.WhoCan? {
        guard let fields = reader.fields(node, SpecFormat.whoCan) else { return nil }
        var actions: [RBACAction] = []
        for (key, isData) in [("actions", false), ("dataActions", true)] {
            guard let list = fields[key] else { continue }
            actions += self.actions(list, "permissions.whoCan.\(key)", allowed: false, data: isData).map(\.action)
        }
        if actions.isEmpty { reader.error("whoCan needs the actions (or dataActions) to ask about", at: node) }
        let expectations = ["only", "exactly", "none"].filter { fields[$0] != nil }
        guard expectations.count == 1 else {
            reader.error("whoCan needs one of only, exactly or none (it has \(expectations.count))", at: node)
            return nil
        }
        let expectation: PermissionCheckSpec.WhoCan.Expectation
        switch expectations[0] {
        case "none":
            guard let value = fields["none"], reader.bool(value, "permissions.whoCan.none") == true else {
                if let value = fields["none"] { reader.error("none takes only true", at: value) }
                return nil
            }
            expectation = .nobody
        default:
            let key = expectations[0]
            guard let value = fields[key], let items = reader.sequence(value, "permissions.whoCan.\(key)") else { return nil }
            let principals = items.compactMap { reader.template($0, "a principal in whoCan.\(key)") }
            expectation = key == "only" ? .only(principals) : .exactly(principals)
        }
        let expand = fields["expand"].flatMap { reader.bool($0, "permissions.whoCan.expand") } ?? false
        return PermissionCheckSpec.WhoCan(
            actions: actions, expectation: expectation, expand: expand, location: reader.location(of: node))
    }

    /// A list of actions. Wildcards are allowed in allow lists (checked as written: a role must grant that very
    /// pattern) but not in deny lists, where no answer from Azure could decide them.
    private mutating func actions(_ node: Node, _ what: String, allowed: Bool, data: Bool) -> [PermissionCheckSpec.Entry] {
        guard let items = reader.sequence(node, what) else { return [] }
        var entries: [PermissionCheckSpec.Entry] = []
        for item in items {
            guard let text = reader.string(item, "an item of \(what)") else { continue }
            if let problem = RBACAction.shapeProblem(text, wildcards: allowed) {
                let hint = allowed ? "" : " (a wildcard in a deny list cannot be decided: list the actions it stands for)"
                reader.error(problem + hint, at: item)
                continue
            }
            entries.append(
                .init(pattern: ActionPattern(text), isData: data, mustBeAllowed: allowed, location: reader.location(of: item)))
        }
        return entries
    }
}
