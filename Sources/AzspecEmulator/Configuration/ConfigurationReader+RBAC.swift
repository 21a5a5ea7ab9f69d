import AzspecCore
import Yams

/// Custom roles, groups, role assignments (active and eligible) and deny assignments.
extension ConfigurationReader {
    mutating func roleAssignment(_ node: Node) -> EmulatorConfiguration.RoleAssignment? {
        guard let fields = yaml.fields(node, ConfigurationFormat.roleAssignment),
            let principal = yaml.string("principal", in: fields),
            let role = yaml.string("role", in: fields),
            let scope = yaml.string("scope", in: fields)
        else { return nil }
        var assignment = EmulatorConfiguration.RoleAssignment(principal: principal, role: role, scope: scope)
        assignment.condition = yaml.string("condition", in: fields)
        return yaml.located(assignment, node, fields, at: \.location)
    }

    mutating func group(_ node: Node) -> EmulatorConfiguration.Group? {
        guard let fields = yaml.fields(node, ConfigurationFormat.group),
            let name = yaml.string("name", in: fields),
            let objectId = yaml.string("objectId", in: fields)
        else { return nil }
        let members = yaml.strings("members", in: fields) ?? []
        return yaml.located(EmulatorConfiguration.Group(name: name, objectId: objectId, members: members), node, fields, at: \.location)
    }

    mutating func managementGroup(_ node: Node) -> EmulatorConfiguration.ManagementGroup? {
        guard let fields = yaml.fields(node, ConfigurationFormat.managementGroup),
            let name = yaml.string("name", in: fields)
        else { return nil }
        var group = EmulatorConfiguration.ManagementGroup(name: name, parent: yaml.string("parent", in: fields))
        group.subscriptions = yaml.strings("subscriptions", in: fields) ?? []
        return yaml.located(group, node, fields, at: \.location)
    }

    mutating func customRole(_ node: Node) -> EmulatorConfiguration.CustomRole? {
        guard let fields = yaml.fields(node, ConfigurationFormat.roleDefinition),
            let name = yaml.string("name", in: fields)
        else { return nil }
        var role = EmulatorConfiguration.CustomRole(name: name, id: yaml.string("id", in: fields))
        readActions(fields, into: &role)
        return yaml.located(role, node, fields, at: \.location)
    }

    mutating func denyAssignment(_ node: Node) -> EmulatorConfiguration.DenyAssignment? {
        guard
            let fields = yaml.fields(node, ConfigurationFormat.denyAssignment),
            let name = yaml.string("name", in: fields),
            let scope = yaml.string("scope", in: fields),
            let principals = yaml.strings("principals", in: fields)
        else { return nil }
        var deny = EmulatorConfiguration.DenyAssignment(name: name, scope: scope, principals: principals)
        readActions(fields, into: &deny)
        deny.excludePrincipals = yaml.strings("excludePrincipals", in: fields) ?? []
        deny.doNotApplyToChildScopes = yaml.bool("doNotApplyToChildScopes", in: fields) ?? false
        return yaml.located(deny, node, fields, at: \.location)
    }
}

extension ConfigurationReader {
    /// Fills an entry's four action lists from its fields.
    mutating func readActions<Entry: ActionLists>(_ fields: [String: Node], into entry: inout Entry) {
        for (key, list) in Entry.actionKeys { entry[keyPath: list] = yaml.strings(key, in: fields) ?? [] }
    }
}
