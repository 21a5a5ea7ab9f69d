import AzspecCore
import Foundation

/// The resource a token is for (`resource:` on an identity or a test): Resource Manager by default, Microsoft
/// Graph, Key Vault, Storage, or any audience URI; with the hosts in the identity's cloud that may receive it
/// (azure-protocol.md §7).
struct TokenResource: Sendable, Hashable {
    /// The audience with a trailing slash: v1 `resource`, and the v2 scope `{audience}.default`.
    let audience: String
    /// Hosts that may receive the token; `*.suffix` matches any host ending in `.suffix`.
    let hosts: [String]

    static let names = ["arm", "graph", "keyVault", "storage"]

    /// `name` (one of ``names``, any case) or an `https://` audience, in `cloud`; nil when it is neither.
    static func named(_ name: String, in cloud: CloudEndpoints) -> TokenResource? {
        let national: KnownCloud? = KnownCloud.allCases.first { $0.endpoints.login == cloud.login }
        switch name.lowercased() {
        case "arm", "resourcemanager":
            return TokenResource(audience: cloud.audience, hosts: [Origin(url: cloud.arm)?.description ?? cloud.arm])
        case "graph":
            // The cloud's Graph endpoint (an emulator's, or a custom cloud's) may receive it too.
            let own = Origin(url: cloud.graph).map { [$0.description] } ?? []
            switch national {
            case .azureChinaCloud:
                return .init(audience: "https://microsoftgraph.chinacloudapi.cn/", hosts: ["microsoftgraph.chinacloudapi.cn"] + own)
            case .azureUSGovernment:
                return .init(audience: "https://graph.microsoft.us/", hosts: ["graph.microsoft.us", "dod-graph.microsoft.us"] + own)
            default: return .init(audience: "https://graph.microsoft.com/", hosts: ["graph.microsoft.com"] + own)
            }
        case "keyvault":
            switch national {
            case .azureChinaCloud: return .init(audience: "https://vault.azure.cn/", hosts: ["*.vault.azure.cn"])
            case .azureUSGovernment: return .init(audience: "https://vault.usgovcloudapi.net/", hosts: ["*.vault.usgovcloudapi.net"])
            default: return .init(audience: "https://vault.azure.net/", hosts: ["*.vault.azure.net"])
            }
        case "storage":
            let suffix =
                switch national {
                case .azureChinaCloud: "core.chinacloudapi.cn"
                case .azureUSGovernment: "core.usgovcloudapi.net"
                default: "core.windows.net"
                }
            return .init(
                audience: "https://storage.azure.com/", hosts: ["blob", "queue", "table", "file", "dfs"].map { "*.\($0).\(suffix)" })
        default:
            guard name.lowercased().hasPrefix("https://"), let origin = Origin(url: name) else { return nil }
            return .init(audience: name.hasSuffix("/") ? name : name + "/", hosts: [origin.description])
        }
    }

    /// Why `name` names no resource.
    static func problem(_ name: String) -> String? {
        if names.contains(where: { $0.lowercased() == name.lowercased() }) || name.lowercased() == "resourcemanager" { return nil }
        if name.lowercased().hasPrefix("https://"), Origin(url: name) != nil { return nil }
        return "resource '\(name)' is none of \(names.joined(separator: ", ")) and not an https:// audience"
            + Suggestion.hint(for: name, in: names)
    }
}
