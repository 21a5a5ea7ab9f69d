/// The managed identities by client id, object id and resource id, and the one used when a request names none.
struct ManagedIdentityIndex: Sendable {
    /// How a token request names its identity (IMDS `client_id` / `object_id` / `msi_res_id`, App Service
    /// `client_id` / `principal_id` / `mi_res_id`).
    enum Selector: Sendable {
        case clientId(String)
        case objectId(String)
        case resourceId(String)
    }

    private let byClientId: [String: Directory.Principal]
    private let byObjectId: [String: Directory.Principal]
    private let byResourceId: [String: Directory.Principal]
    private let defaultIdentity: Directory.Principal?

    init(_ identities: [Directory.Principal], defaultName: String?) {
        byClientId = Dictionary(identities.map { ($0.clientId, $0) }, uniquingKeysWith: { first, _ in first })
        byObjectId = Dictionary(identities.map { ($0.objectId, $0) }, uniquingKeysWith: { first, _ in first })
        byResourceId = Dictionary(
            identities.compactMap { identity in
                identity.managedIdentityResourceId.flatMap { $0.isEmpty ? nil : ($0, identity) }
            },
            uniquingKeysWith: { first, _ in first })
        defaultIdentity = defaultName.flatMap { name in
            identities.first { $0.name.lowercased() == name.lowercased() }
        }
    }

    /// The identity the selector names, or the default one when there is no selector.
    func identity(_ selector: Selector?) -> Directory.Principal? {
        switch selector {
        case nil: defaultIdentity
        case .clientId(let id): byClientId[id.lowercased()]
        case .objectId(let id): byObjectId[id.lowercased()]
        case .resourceId(let id): byResourceId[id.lowercased()]
        }
    }
}
