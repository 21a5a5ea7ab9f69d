import AzspecCore

/// A declared permission check: what an identity must and must not be able to do at an ARM scope, decided from
/// what Azure reports (permissions, deny assignments, role assignments) without making any change.
struct PermissionCheckSpec: Sendable {
    /// One action (or, in an allow list, a wildcard a role must grant as written) and what it must be.
    struct Entry: Sendable {
        let pattern: ActionPattern
        let isData: Bool
        let mustBeAllowed: Bool
        let location: SourceLocation

        var action: RBACAction { RBACAction(pattern.text, isData: isData) }
        var kind: String { isData ? "data action" : "action" }
    }

    let scope: Template
    let entries: [Entry]
    /// Fail on any action or wildcard granted beyond the allow lists (drift).
    let exactly: Bool
    let location: SourceLocation
}
