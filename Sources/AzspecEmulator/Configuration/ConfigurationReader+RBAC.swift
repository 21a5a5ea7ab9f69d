import AzspecCore
import Yams

/// Custom roles, groups, role assignments (active and eligible) and deny assignments.
extension ConfigurationReader {
    mutating func roleAssignment(_ node: Node) -> EmulatorConfiguration.RoleAssignment? {
        guard let fields = yaml.fields(node, ConfigurationFormat.roleAssignment),
            let principal = fields["principal"].flatMap({ yaml.string($0, "principal") }),
            let role = fields["role"].flatMap({ yaml.string($0, "role") }),
            let scope = fields["scope"].flatMap({ yaml.string($0, "scope") })
        else { return nil }
        var assignment = EmulatorConfiguration.RoleAssignment(principal: principal, role: role, scope: scope)
        assignment.condition = fields["condition"].flatMap { yaml.string($0, "condition") }
        return yaml.located(assignment, node, fields, at: \.location)
    }

    mutating func group(_ node: Node) -> EmulatorConfiguration.Group? {
        guard let fields = yaml.fields(node, ConfigurationFormat.group),
            let name = fields["name"].flatMap({ yaml.string($0, "name") }),
            let objectId = fields["objectId"].flatMap({ yaml.string($0, "objectId") })
        else { return nil }
        let members = fields["members"].flatMap { yaml.strings($0, "members") } ?? []
        return yaml.located(EmulatorConfiguration.Group(name: name, objectId: objectId, members: members), node, fields, at: \.location)
    }

    mutating func managementGroup(_ node: Node) -> EmulatorConfiguration.ManagementGroup? {
        guard let fields = yaml.fields(node, ConfigurationFormat.managementGroup),
            let name = fields["name"].flatMap({ yaml.string($0, "name") })
        else { return nil }
        var group = EmulatorConfiguration.ManagementGroup(name: name, parent: fields["parent"].flatMap { yaml.string($0, "parent") })
        group.subscriptions = fields["subscriptions"].flatMap { yaml.strings($0, "subscriptions") } ?? []
        return yaml.located(group, node, fields, at: \.location)
    }

    mutating func customRole(_ node: Node) -> EmulatorConfiguration.CustomRole? {
        guard let fields = yaml.fields(node, ConfigurationFormat.roleDefinition),
            let name = fields["name"].flatMap({ yaml.string($0, "name") })
        else { return nil }
        var role = EmulatorConfiguration.CustomRole(name: name, id: fields["id"].flatMap { yaml.string($0, "id") })
        role.actions = fields["actions"].flatMap { yaml.strings($0, "actions") } ?? []
        role.notActions = fields["notActions"].flatMap { yaml.strings($0, "notActions") } ?? []
        role.dataActions = fields["dataActions"].flatMap { yaml.strings($0, "dataActions") } ?? []
        role.notDataActions = fields["notDataActions"].flatMap { yaml.strings($0, "notDataActions") } ?? []
        return yaml.located(role, node, fields, at: \.location)
    }

    mutating func denyAssignment(_ node: Node) -> EmulatorConfiguration.DenyAssignment? {
        guard
            let fields = yaml.fields(node, ConfigurationFormat.denyAssignment),
            let name = fields["name"].flatMap({ yaml.string($0, "name") }),
            let scope = fields["scope"].flatMap({ yaml.string($0, "scope") }),
            let principals = fields["principals"].flatMap({ yaml.strings($0, "principals") })
        else { return nil }
        var deny = EmulatorConfiguration.DenyAssignment(name: name, scope: scope, principals: principals)
        deny.actions = fields["actions"].flatMap { yaml.strings($0, "actions") } ?? []
        deny.notActions = fields["notActions"].flatMap { yaml.strings($0, "notActions") } ?? []
        deny.dataActions = fields["dataActions"].flatMap { yaml.strings($0, "dataActions") } ?? []
        deny.notDataActions = fields["notDataActions"].flatMap { yaml.strings($0, "notDataActions") } ?? []
        deny.excludePrincipals = fields["excludePrincipals"].flatMap { yaml.strings($0, "excludePrincipals") } ?? []
        deny.doNotApplyToChildScopes = fields["doNotApplyToChildScopes"].flatMap { yaml.bool($0, "doNotApplyToChildScopes") } ?? false
        return yaml.located(deny, node, fields, at: \.location)
    }
}
