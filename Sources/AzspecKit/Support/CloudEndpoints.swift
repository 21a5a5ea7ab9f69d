import Foundation

/// The hosts a spec talks to: Entra ID's authority (`{{cloud.login}}`), Resource Manager (`{{cloud.arm}}`) and
/// Microsoft Graph (`{{cloud.graph}}`, which access audits read), and the audience identities ask tokens for.
public struct CloudEndpoints: Sendable, Hashable {
    /// Authority host as a URL without a trailing slash, e.g. `https://login.microsoftonline.com`.
    public let login: String
    /// Resource Manager endpoint without a trailing slash, e.g. `https://management.azure.com`.
    public let arm: String
    /// The App ID URI of Resource Manager with its trailing slash: v1 and managed identity `resource`, and the v2
    /// scope `{audience}.default`. By default the ARM endpoint (`https://management.azure.com/`), which ARM accepts in
    /// every cloud; Azure Stack Hub and other custom clouds name their own.
    public let audience: String
    /// Microsoft Graph's endpoint without a trailing slash: the cloud's own (`https://graph.microsoft.com`,
    /// `https://graph.microsoft.us`, `https://microsoftgraph.chinacloudapi.cn`) unless given.
    public let graph: String

    public init(login: String, arm: String, audience: String? = nil, graph: String? = nil) {
        self.login = Self.normalize(login)
        self.arm = Self.normalize(arm)
        self.audience = audience.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? self.arm + "/"
        self.graph = graph.map(Self.normalize) ?? Self.graphHost(forLogin: self.login)
    }

    /// The Graph endpoint of the national cloud whose authority is `login` (Azure's public cloud's for any other); an
    /// authority on loopback is an emulator, which serves Graph too.
    static func graphHost(forLogin login: String) -> String {
        if Origin(url: login)?.isLoopback == true { return login }
        return switch login {
        case "https://login.chinacloudapi.cn": "https://microsoftgraph.chinacloudapi.cn"
        case "https://login.microsoftonline.us": "https://graph.microsoft.us"
        default: "https://graph.microsoft.com"
        }
    }

    /// The v2 scope for the audience: `https://management.azure.com/.default`.
    var scope: String { audience + ".default" }

    /// Where a token for ``audience`` may go, as ``OriginPattern``s: Resource Manager's origin unless the endpoints
    /// were made for another resource (`*.suffix` for any host under it).
    var tokenHosts: [String] { resourceHosts ?? [Origin(url: arm)?.description ?? arm] }
    private var resourceHosts: [String]?

    /// These endpoints with tokens for `resource` instead of Resource Manager.
    func forResource(_ resource: TokenResource) -> CloudEndpoints {
        var copy = CloudEndpoints(login: login, arm: arm, audience: resource.audience, graph: graph)
        copy.resourceHosts = resource.hosts
        return copy
    }

    /// Azure's public cloud.
    public static let azureCloud = CloudEndpoints(
        login: "https://login.microsoftonline.com", arm: "https://management.azure.com")

    /// `base` (Azure's public cloud unless given), overridden by `AZURE_AUTHORITY_HOST`,
    /// `AZURE_RESOURCE_MANAGER_ENDPOINT` and `AZSPEC_GRAPH_ENDPOINT` when set. Azure tooling sets the authority either
    /// as a bare host or as a URL
    /// with a trailing slash: both work. A new ARM endpoint brings its own audience.
    public static func from(environment: [String: String], over base: CloudEndpoints = azureCloud) -> CloudEndpoints {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return text
        }
        let login = value("AZURE_AUTHORITY_HOST") ?? base.login
        // Graph follows the authority's cloud unless named; a base's own Graph stays with its authority.
        let graph = value("AZSPEC_GRAPH_ENDPOINT") ?? (CloudEndpoints.normalize(login) == base.login ? base.graph : nil)
        guard let arm = value("AZURE_RESOURCE_MANAGER_ENDPOINT") else {
            return CloudEndpoints(login: login, arm: base.arm, audience: base.audience, graph: graph)
        }
        return CloudEndpoints(login: login, arm: arm, graph: graph)
    }

    /// `login.microsoftonline.com` → `https://login.microsoftonline.com`; `https://host/` → `https://host`.
    static func normalize(_ value: String) -> String {
        var text = value.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        if !text.contains("://") { text = "https://" + text }
        return text
    }
}
