import AzspecCore
import Synchronization

/// The role assignments created (`PUT …/roleAssignments/{id}`) and deleted since the emulator started, on top of
/// the configured ones: shared by every request, so that a grant or a revocation shows in the next call's
/// authorization and lists at once.
final class AssignmentChanges: Sendable {
    private let state = Mutex<(added: [Directory.Assignment], removed: Set<String>)>(([], []))

    var isEmpty: Bool { state.withLock { $0.added.isEmpty && $0.removed.isEmpty } }

    /// `configured` less what was deleted, then what was created.
    func apply(to configured: [Directory.Assignment]) -> [Directory.Assignment] {
        state.withLock { changes in
            configured.filter { !changes.removed.contains($0.id) } + changes.added
        }
    }

    /// Adds `assignment` unless one with its id, or with its principal, role and scope, is there; the one found
    /// otherwise.
    func add(_ assignment: Directory.Assignment, configured: [Directory.Assignment]) -> Directory.Assignment? {
        state.withLock { changes in
            let current = configured.filter { !changes.removed.contains($0.id) } + changes.added
            if let existing = current.first(where: {
                $0.id == assignment.id
                    || ($0.principalId == assignment.principalId && $0.role.id == assignment.role.id && $0.scope == assignment.scope)
            }) {
                return existing
            }
            changes.added.append(assignment)
            return nil
        }
    }

    /// Removes the assignment `id` (lower case) made at `scope`; the one removed, if there was one (an id made at
    /// another scope is not this scope's to delete).
    func remove(_ id: String, at scope: Directory.AssignmentScope, configured: [Directory.Assignment]) -> Directory.Assignment? {
        state.withLock { changes in
            if let index = changes.added.firstIndex(where: { $0.id == id && $0.scope == scope }) { return changes.added.remove(at: index) }
            guard let found = configured.first(where: { $0.id == id && $0.scope == scope }), !changes.removed.contains(id) else {
                return nil
            }
            changes.removed.insert(id)
            return found
        }
    }
}
