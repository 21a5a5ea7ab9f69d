import AzspecCore

extension Directory {
    /// An API the emulator issues tokens for: the identifiers clients name it by (lower-cased, without a trailing
    /// slash), its application id, and the access-token version it accepts. Microsoft's own APIs (Resource Manager,
    /// Graph, Key Vault, Storage) take v1.0 tokens whichever endpoint is asked, as Entra issues them; a configured one
    /// says which (`accessTokenVersion`, Entra's `requestedAccessTokenVersion`).
    struct Resource: Sendable {
        /// `arm`, `graph`, `keyVault`, `storage`, or a configured resource's normalized uri: the key principals' app
        /// roles are filed under.
        let name: String
        let appId: String
        let identifiers: Set<String>
        let version: TokenEndpoint.Version

        static let builtIn = [
            Resource(
                name: "arm", appId: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
                identifiers: ["https://management.azure.com", "https://management.core.windows.net"], version: .v1),
            Resource(
                name: "graph", appId: "00000003-0000-0000-c000-000000000000",
                identifiers: ["https://graph.microsoft.com"], version: .v1),
            Resource(
                name: "keyVault", appId: "cfa8b339-82a2-471a-a3c9-0fc0be7a4093", identifiers: ["https://vault.azure.net"],
                version: .v1),
            Resource(
                name: "storage", appId: "e406a681-f3d4-42a8-90b6-c2b029497af1", identifiers: ["https://storage.azure.com"],
                version: .v1),
        ]

        /// `uri` lower-cased, without trailing slashes.
        static func normalized(_ uri: String) -> String {
            var text = uri.lowercased()
            while text.hasSuffix("/") { text.removeLast() }
            return text
        }

        /// The resources of a configuration: Microsoft's, then the configured ones.
        static func all(_ configured: [EmulatorConfiguration.Resource]) -> [Resource] {
            builtIn
                + configured.map { resource in
                    let key = normalized(resource.uri)
                    return Resource(
                        name: key, appId: resource.appId?.lowercased() ?? Directory.stableGUID("resource|" + key),
                        identifiers: [key], version: resource.accessTokenVersion == 2 ? .v2 : .v1)
                }
        }

        /// The names appRoles may file roles under.
        static func names(_ configured: [EmulatorConfiguration.Resource]) -> [String] {
            builtIn.map(\.name) + configured.map(\.uri)
        }

        /// The key of the resource `name` stands for (a built-in name in any case, or a uri), or nil.
        static func key(_ name: String, in configured: [EmulatorConfiguration.Resource]) -> String? {
            all(configured).first { $0.name.lowercased() == name.lowercased() || $0.identifiers.contains(normalized(name)) }?.name
        }

        /// The `aud` claim of a token for this resource asked for as `requested`: a v1.0 token echoes the resource as
        /// the client named it (a trailing slash kept); a v2.0 token carries the API's application id.
        func audience(requested: String) -> String {
            version == .v1 ? requested : appId
        }
    }

    /// The resource `requested` (a v1 `resource`, or a v2 scope without `/.default`) names: by App ID URI, application
    /// id, the emulator's own address (which is Resource Manager) or its Graph address (`{baseURL}/graph`); nil for one
    /// the emulator does not know.
    func resource(_ requested: String, baseURL: String) -> Resource? {
        if EmulatorAddress.isOwnURL(requested, baseURL: baseURL) { return Resource.builtIn[0] }
        if EmulatorAddress.isOwnGraphURL(requested, baseURL: baseURL) { return Resource.builtIn[1] }
        let key = Resource.normalized(requested)
        return resources.first { $0.identifiers.contains(key) || $0.appId == key }
    }
}
