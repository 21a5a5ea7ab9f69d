import AzspecCore
import AzspecTesting
import Foundation
import Testing

@testable import AzspecKit

/// Which cloud a suite runs against: `--cloud`/`--emulator`, then the environment, then azspec.yaml, then public.
@Suite struct CloudTests {
    /// The project file written to a temporary folder and loaded, with its diagnostics.
    static func project(_ yaml: String) throws -> (ProjectFile?, [String]) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("azspec.yaml", yaml)
        var diagnostics: [Diagnostic] = []
        let project = ProjectFile.load(path: path, diagnostics: &diagnostics)
        return (project, diagnostics.map { $0.description.replacingOccurrences(of: path, with: "azspec.yaml") })
    }

    /// Microsoft Graph, which audits read: the national cloud's, an emulator's (an authority on loopback) or the one
    /// AZSPEC_GRAPH_ENDPOINT names; never the public one for a loopback authority, so no test reaches out.
    @Test func theGraphEndpointFollowsTheCloud() {
        #expect(KnownCloud.azureCloud.endpoints.graph == "https://graph.microsoft.com")
        #expect(KnownCloud.azureChinaCloud.endpoints.graph == "https://microsoftgraph.chinacloudapi.cn")
        #expect(KnownCloud.azureUSGovernment.endpoints.graph == "https://graph.microsoft.us")
        let emulator = CloudEndpoints.from(
            environment: ["AZURE_AUTHORITY_HOST": "http://127.0.0.1:8400/", "AZURE_RESOURCE_MANAGER_ENDPOINT": "http://127.0.0.1:8400"])
        #expect(emulator.graph == "http://127.0.0.1:8400")
        let named = CloudEndpoints.from(environment: ["AZSPEC_GRAPH_ENDPOINT": "https://graph.example/"])
        #expect(named.graph == "https://graph.example")
        #expect(
            CloudEndpoints.from(environment: ["AZURE_AUTHORITY_HOST": "login.microsoftonline.us"]).graph == "https://graph.microsoft.us")
        let graph = TokenResource.named("graph", in: emulator)
        #expect(graph?.audience == "https://graph.microsoft.com/")
        #expect(graph?.hosts == ["graph.microsoft.com", "http://127.0.0.1:8400"], "the emulator may receive a Graph token")
    }

    @Test(arguments: [
        (KnownCloud.azureCloud, "https://login.microsoftonline.com", "https://management.azure.com"),
        (.azureChinaCloud, "https://login.chinacloudapi.cn", "https://management.chinacloudapi.cn"),
        (.azureUSGovernment, "https://login.microsoftonline.us", "https://management.usgovcloudapi.net"),
    ])
    func knownClouds(cloud: KnownCloud, login: String, arm: String) {
        #expect(cloud.endpoints.login == login)
        #expect(cloud.endpoints.arm == arm)
        #expect(cloud.endpoints.audience == arm + "/")
        #expect(cloud.endpoints.scope == arm + "/.default")
        #expect(KnownCloud.named(cloud.rawValue.lowercased()) == cloud)
    }

    @Test func theProjectFileNamesACloudOrDescribesACustomOne() throws {
        let (named, _) = try Self.project("cloud: AzureUSGovernment\n")
        #expect(named?.cloud == KnownCloud.azureUSGovernment.endpoints)
        let (custom, diagnostics) = try Self.project(
            "cloud: { login: https://login.stack.example/, arm: https://management.stack.example, audience: https://management.stack.example/abc }\n"
        )
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(custom?.cloud?.login == "https://login.stack.example")
        #expect(custom?.cloud?.audience == "https://management.stack.example/abc/")
        #expect(custom?.cloud?.scope == "https://management.stack.example/abc/.default")
    }

    @Test func precedenceIsOverrideThenEnvironmentThenProjectThenPublic() throws {
        let (project, _) = try Self.project(
            "cloud: { login: https://login.stack.example, arm: https://arm.stack.example, audience: https://aud.stack.example/ }\n")
        let emulator = CloudEndpoints(login: "http://127.0.0.1:1", arm: "http://127.0.0.1:1")
        #expect(SuitePlan.cloud(override: emulator, environment: ["AZURE_AUTHORITY_HOST": "x.example"], project: project) == emulator)
        let fromProject = SuitePlan.cloud(override: nil, environment: [:], project: project)
        #expect(fromProject.audience == "https://aud.stack.example/")
        // Only the authority from the environment: the project's ARM endpoint and audience stay.
        let login = SuitePlan.cloud(override: nil, environment: ["AZURE_AUTHORITY_HOST": "https://login.other.example/"], project: project)
        #expect(login.login == "https://login.other.example")
        #expect(login.arm == "https://arm.stack.example")
        #expect(login.audience == "https://aud.stack.example/")
        // A new ARM endpoint brings its own audience.
        let arm = SuitePlan.cloud(
            override: nil, environment: ["AZURE_RESOURCE_MANAGER_ENDPOINT": "https://arm.other.example"], project: project)
        #expect(arm.audience == "https://arm.other.example/")
        #expect(SuitePlan.cloud(override: nil, environment: [:], project: nil) == .azureCloud)
    }

    @Test func badCloudsAreReportedWhereTheyAre() throws {
        let (_, unknown) = try Self.project("cloud: AzureChinaClod\n")
        #expect(
            unknown.first?.hasPrefix("azspec.yaml:1:8: error: unknown cloud 'AzureChinaClod' (did you mean 'AzureChinaCloud'?)") == true,
            "\(unknown)")
        let (_, notURL) = try Self.project("cloud: { login: login.example, arm: https://arm.example }\n")
        #expect(notURL == ["azspec.yaml:1:17: error: login must be a URL such as https://login.example.com"])
    }
}
