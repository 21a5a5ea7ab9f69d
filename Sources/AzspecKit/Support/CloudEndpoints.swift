import Foundation

/// The two hosts a spec talks to: Entra ID's authority (`{{cloud.login}}`) and Resource Manager (`{{cloud.arm}}`).
public struct CloudEndpoints: Sendable, Hashable {
    /// Authority host as a URL without a trailing slash, e.g. `https://login.microsoftonline.com`.
    public var login: String
    /// Resource Manager endpoint without a trailing slash, e.g. `https://management.azure.com`.
    public var arm: String

    public init(login: String, arm: String) {
        self.login = Self.normalize(login)
        self.arm = Self.normalize(arm)
    }

    /// Azure's public cloud.
    public static let azureCloud = CloudEndpoints(
        login: "https://login.microsoftonline.com", arm: "https://management.azure.com")

    /// The public cloud, overridden by `AZURE_AUTHORITY_HOST` and `AZURE_RESOURCE_MANAGER_ENDPOINT` when set.
    /// Azure tooling sets the authority either as a bare host or as a URL with a trailing slash: both work.
    public static func from(environment: [String: String]) -> CloudEndpoints {
        var cloud = azureCloud
        if let host = environment["AZURE_AUTHORITY_HOST"], !host.trimmingCharacters(in: .whitespaces).isEmpty {
            cloud.login = normalize(host)
        }
        if let arm = environment["AZURE_RESOURCE_MANAGER_ENDPOINT"], !arm.trimmingCharacters(in: .whitespaces).isEmpty {
            cloud.arm = normalize(arm)
        }
        return cloud
    }

    /// `login.microsoftonline.com` → `https://login.microsoftonline.com`; `https://host/` → `https://host`.
    static func normalize(_ value: String) -> String {
        var text = value.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        if !text.contains("://") { text = "https://" + text }
        return text
    }
}
