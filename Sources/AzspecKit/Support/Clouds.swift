import Foundation

/// Azure's national clouds by the names the Azure CLI gives them, for `--cloud` and `cloud:` in azspec.yaml.
public enum KnownCloud: String, Sendable, CaseIterable {
    case azureCloud = "AzureCloud"
    case azureChinaCloud = "AzureChinaCloud"
    case azureUSGovernment = "AzureUSGovernment"

    public var endpoints: CloudEndpoints {
        switch self {
        case .azureCloud: CloudEndpoints.azureCloud
        case .azureChinaCloud: CloudEndpoints(login: "https://login.chinacloudapi.cn", arm: "https://management.chinacloudapi.cn")
        case .azureUSGovernment:
            CloudEndpoints(login: "https://login.microsoftonline.us", arm: "https://management.usgovcloudapi.net")
        }
    }

    /// The cloud named `name` (case-insensitive), or nil.
    public static func named(_ name: String) -> KnownCloud? {
        allCases.first { $0.rawValue.caseInsensitiveCompare(name) == .orderedSame }
    }
}
