import AzspecCore

/// A declared permission check: what an identity (or a principal it audits) must and must not be able to do at an
/// ARM scope, decided from what Azure reports (permissions, deny assignments, role and eligible assignments) without
/// making any change.
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

    /// How an action that only an eligible (PIM) role grants counts, when auditing a principal.
    enum Eligible: String, Sendable, CaseIterable {
        /// Its own verdict: it fails a deny entry (the principal can take it) and does not satisfy an allow entry.
        case separate
        /// As held: it satisfies an allow entry and fails a deny entry.
        case allowed
        /// As not held.
        case ignored
    }

    /// `whoCan`: the principals that may take some actions at the scope, and what the set must be.
    struct WhoCan: Sendable {
        enum Expectation: Sendable {
            /// Every principal that can is one of these.
            case only([Template])
            case exactly([Template])
            case nobody
        }

        let actions: [RBACAction]
        let expectation: Expectation
        /// List each group's members (from Microsoft Graph) under it.
        var expand = false
        let location: SourceLocation
    }

    let scope: Template
    let entries: [Entry]
    /// Fail on any action or wildcard granted beyond the allow lists (drift).
    let exactly: Bool
    /// The principal (object id) audited from its assignments; nil: the test's identity, through the permissions API.
    var principal: Template? = nil
    /// Nothing may be held at the scope.
    var none = false
    var eligible = Eligible.separate
    var whoCan: WhoCan? = nil
    let location: SourceLocation

    /// Every template of the check: the scope, the principal, whoCan's object ids.
    var templates: [Template] {
        var templates = [scope] + [principal].compactMap { $0 }
        switch whoCan?.expectation {
        case .only(let ids), .exactly(let ids): templates += ids
        case .nobody, nil: break
        }
        return templates
    }
}
