import AzspecCore
import Yams

/// Users, directory roles, owners and delegated grants.
extension ConfigurationReader {
    mutating func readEntra(_ fields: [String: Node], into tenant: inout EmulatorConfiguration.Tenant) {
        tenant.users = yaml.items("users", in: fields).compactMap { user($0) }
        tenant.directoryRoleAssignments = yaml.items("directoryRoleAssignments", in: fields).compactMap { directoryRole($0) }
        tenant.eligibleDirectoryRoleAssignments = yaml.items("eligibleDirectoryRoleAssignments", in: fields).compactMap {
            directoryRole($0)
        }
    }

    mutating func readEntra(_ fields: [String: Node], into principal: inout EmulatorConfiguration.ServicePrincipal) {
        principal.owners = yaml.strings("owners", in: fields) ?? []
        principal.servicePrincipalOwners = yaml.strings("servicePrincipalOwners", in: fields) ?? []
        principal.delegatedGrants = yaml.items("delegatedGrants", in: fields).compactMap { delegatedGrant($0) }
    }

    private mutating func user(_ node: Node) -> EmulatorConfiguration.User? {
        guard let fields = yaml.fields(node, ConfigurationFormat.user),
            let name = yaml.string("name", in: fields),
            let objectId = yaml.string("objectId", in: fields)
        else { return nil }
        let user = EmulatorConfiguration.User(
            name: name, objectId: objectId, userPrincipalName: yaml.string("userPrincipalName", in: fields))
        return yaml.located(user, node, fields, at: \.location)
    }

    private mutating func directoryRole(_ node: Node) -> EmulatorConfiguration.DirectoryRoleAssignment? {
        guard let fields = yaml.fields(node, ConfigurationFormat.directoryRoleAssignment),
            let principal = yaml.string("principal", in: fields),
            let role = yaml.string("role", in: fields)
        else { return nil }
        let assignment = EmulatorConfiguration.DirectoryRoleAssignment(
            principal: principal, role: role, directoryScope: yaml.string("directoryScope", in: fields) ?? "/")
        return yaml.located(assignment, node, fields, at: \.location)
    }

    private mutating func delegatedGrant(_ node: Node) -> EmulatorConfiguration.DelegatedGrant? {
        guard let fields = yaml.fields(node, ConfigurationFormat.delegatedGrant),
            let resource = yaml.string("resource", in: fields),
            let scopes = yaml.strings("scopes", in: fields)
        else { return nil }
        let grant = EmulatorConfiguration.DelegatedGrant(resource: resource, scopes: scopes, user: yaml.string("user", in: fields))
        return yaml.located(grant, node, fields, at: \.location)
    }
}
