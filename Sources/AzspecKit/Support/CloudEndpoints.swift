import Foundation

/// The two hosts a spec talks to: Entra ID's authority (`{{cloud.login}}`) and Resource Manager (`{{cloud.arm}}`),
/// and the audience identities ask tokens for.
public struct CloudEndpoints: Sendable, Hashable {
    /// Authority host as a URL without a trailing slash, e.g. `https://login.microsoftonline.com`.
    public let login: String
    /// Resource Manager endpoint without a trailing slash, e.g. `https://management.azure.com`.
    public let arm: String
    /// The App ID URI of Resource Manager with its trailing slash: v1 and managed identity `resource`, and the v2
    /// scope `{audience}.default`. By default the ARM endpoint (`https://management.azure.com/`), which ARM accepts in
    /// every cloud; Azure Stack Hub and other custom clouds name their own.
    public let audience: String

    public init(login: String, arm: String, audience: String? = nil) {
        self.login = Self.normalize(login)
        self.arm = Self.normalize(arm)
        self.audience = audience.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? self.arm + "/"
    }

    /// The v2 scope for the audience: `https://management.azure.com/.default`.
    var scope: String { audience + ".default" }

    /// Where a token for ``audience`` may go, as ``OriginPattern``s: Resource Manager's origin unless the endpoints
    /// were made for another resource (`*.suffix` for any host under it).
    var tokenHosts: [String] { resourceHosts ?? [Origin(url: arm)?.description ?? arm] }
    private var resourceHosts: [String]?

    /// These endpoints with tokens for `resource` instead of Resource Manager.
    func forResource(_ resource: TokenResource) -> CloudEndpoints {
        var copy = CloudEndpoints(login: login, arm: arm, audience: resource.audience)
        copy.resourceHosts = resource.hosts
        return copy
    }

    /// Azure's public cloud.
    public static let azureCloud = CloudEndpoints(
        login: "https://login.microsoftonline.com", arm: "https://management.azure.com")

    /// `base` (Azure's public cloud unless given), overridden by `AZURE_AUTHORITY_HOST` and
    /// `AZURE_RESOURCE_MANAGER_ENDPOINT` when set. Azure tooling sets the authority either as a bare host or as a URL
    /// with a trailing slash: both work. A new ARM endpoint brings its own audience.
    public static func from(environment: [String: String], over base: CloudEndpoints = azureCloud) -> CloudEndpoints {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return text
        }
        let login = value("AZURE_AUTHORITY_HOST") ?? base.login
        guard let arm = value("AZURE_RESOURCE_MANAGER_ENDPOINT") else {
            return CloudEndpoints(login: login, arm: base.arm, audience: base.audience)
        }
        return CloudEndpoints(login: login, arm: arm)
    }

    /// `login.microsoftonline.com` → `https://login.microsoftonline.com`; `https://host/` → `https://host`.
    static func normalize(_ value: String) -> String {
        var text = value.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        if !text.contains("://") { text = "https://" + text }
        return text
    }
}
