import AzspecCore
import Synchronization

/// The Microsoft.Authorization reads that the run's permission checks share: a role definition and a page of deny
/// assignments, read once per identity and URL (a run that audits fifty principals at one scope reads that scope's
/// deny assignments and each role definition once, not fifty times). Role and eligible assignments and the
/// permissions API are never shared: a spec may grant or revoke a role between two checks. Deny assignments are
/// Azure's to make (managed applications, deployment stacks), not a spec's, and role definitions hardly change
/// during a run. Microsoft Graph's directory objects and group memberships are shared too: azspec never changes them.
final class AuthorizationReads: Sendable {
    private let pages = Mutex<[String: JSONValue]>([:])
    /// The most pages kept (each at most ``TestExecution/maximumListPageBytes``).
    static let limit = 256

    /// Whether a GET of `url` may be shared.
    static func isShared(_ url: String) -> Bool {
        url.contains("/providers/Microsoft.Authorization/roleDefinitions/")
            || url.contains("/providers/Microsoft.Authorization/denyAssignments?") || url.contains("/v1.0/")
    }

    func page(_ url: String, for identity: String) -> JSONValue? {
        pages.withLock { $0[identity + "\n" + url] }
    }

    func keep(_ page: JSONValue, of url: String, for identity: String) {
        pages.withLock { pages in
            guard pages.count < Self.limit else { return }
            pages[identity + "\n" + url] = page
        }
    }
}
