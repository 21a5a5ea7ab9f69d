/// What `azspec.yaml` gives every request of the specs below it: an `api-version` for Resource Manager requests
/// that name none (per resource provider where it says), headers, and a timeout.
struct RequestDefaults: Sendable {
    /// The `api-version` of an ARM request without one, unless its provider has its own below.
    var apiVersion: String?
    /// By resource provider namespace, lower-cased (`microsoft.storage` → `2023-01-01`).
    var apiVersions: [String: String] = [:]
    /// Sent with every request that does not set the header itself.
    var headers: [(name: String, value: Template)] = []
    /// Seconds, over `--timeout`; a request's own `timeout` wins.
    var timeout: Double?

    static let none = RequestDefaults()

    /// Whether there is any api-version to add.
    var hasAPIVersions: Bool { apiVersion != nil || !apiVersions.isEmpty }

    /// The `api-version` for an ARM path: its last `providers/{namespace}`'s; for a path with no provider
    /// (subscriptions, resource groups, `/resources`, `/locations`, `/tenants`), Microsoft.Resources' (whose API they
    /// are); else the default.
    func apiVersion(forPath path: String) -> String? {
        let segments = path.split(separator: "/")
        if let index = segments.lastIndex(where: { $0.lowercased() == "providers" }), index + 1 < segments.count {
            if let version = apiVersions[segments[index + 1].lowercased()] { return version }
        } else if let version = apiVersions["microsoft.resources"] {
            return version
        }
        return apiVersion
    }
}
