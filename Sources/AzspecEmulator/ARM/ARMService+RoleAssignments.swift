import AzspecCore
import Foundation
import HTTPTypes
import NIOCore

/// `PUT` and `DELETE {scope}/providers/Microsoft.Authorization/roleAssignments/{id}`: granting and revoking, each
/// authorized by RBAC first (a Contributor's `notActions` take `Microsoft.Authorization/*/Write` and `*/Delete`
/// away, so it gets `403 AuthorizationFailed`, as in Azure), and seen by the next request's authorization.
extension ARMService {
    func writeRoleAssignment(_ request: ARMOperation, scope: ARMScope, id: String, body: ByteBuffer?) async throws(ARMError) -> ARMReply {
        let resource = "\(scope.path)/providers/Microsoft.Authorization/roleAssignments/\(id)"
        let remaining = await state.consume(request.rateLimitKey)
        do throws(ARMError) {
            guard GUID.isValid(id) else { throw .invalidRequestContent("the role assignment name '\(id)' is not a GUID") }
            if request.call.method == .delete {
                try authorize(request, .deleteRoleAssignments, allowed: isAllowed(request, .deleteRoleAssignments, scope), scope: resource)
                guard let deleted = directory.deleteAssignment(id, at: Directory.AssignmentScope(scope)) else {
                    return ARMReply(status: .noContent, body: nil, remaining: remaining)
                }
                return ARMReply(status: .ok, body: Self.json(deleted).serialized, remaining: remaining)
            }
            try authorize(request, .writeRoleAssignments, allowed: isAllowed(request, .writeRoleAssignments, scope), scope: resource)
            let bytes = body.map { Array($0.readableBytesView) } ?? []
            guard let json = JSONValue.parsed(bytes), let properties = json["properties"] else {
                throw .invalidRequestContent("a role assignment needs properties with roleDefinitionId and principalId")
            }
            guard let roleId = properties["roleDefinitionId"]?.stringValue, let principal = properties["principalId"]?.stringValue else {
                throw .invalidRequestContent("a role assignment needs properties.roleDefinitionId and properties.principalId")
            }
            let guid = (roleId.split(separator: "/").last.map(String.init) ?? roleId).lowercased()
            guard let role = directory.rolesById[guid] else { throw .roleDefinitionNotFound(guid) }
            let objectId = principal.lowercased()
            let isGroup = directory.groupsByObjectId[objectId] != nil
            guard isGroup || directory.principal(objectId: objectId) != nil else { throw .principalNotFound(principal) }
            let condition = properties["condition"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            let assignment = Directory.Assignment(
                id: id.lowercased(), principalId: objectId, principalType: isGroup ? "Group" : "ServicePrincipal", role: role,
                scope: Directory.AssignmentScope(scope), condition: condition)
            if let existing = directory.create(assignment) {
                guard existing.id == assignment.id, existing.role.id == role.id, existing.principalId == objectId,
                    existing.scope == assignment.scope
                else { throw .roleAssignmentExists }
                return ARMReply(status: .ok, body: Self.json(existing).serialized, remaining: remaining)
            }
            return ARMReply(status: .created, body: Self.json(assignment).serialized, remaining: remaining)
        } catch {
            throw error.consumed(remaining)
        }
    }

    private func isAllowed(_ request: ARMOperation, _ action: RBACAction, _ scope: ARMScope) -> Bool {
        directory.isAllowed(action, objectId: request.token.objectId, at: scope)
    }
}
