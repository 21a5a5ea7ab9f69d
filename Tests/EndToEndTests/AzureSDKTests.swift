import AzspecEmulator
import AzspecTesting
import Foundation
import Testing

/// Azure's own Python SDK (azure-identity, azure-mgmt-resource) against the emulator over HTTPS, through
/// `scripts/azure-sdk-check.py`. Runs where the SDK is installed (`.ci/run` tries `pip install`); elsewhere it is
/// reported as skipped, with the reason.
@Suite struct AzureSDKTests {
    static let installed = AzspecProcess.succeeds(["python3", "-c", "import azure.identity, azure.mgmt.resource"])

    @Test(
        .enabled(
            if: installed,
            "SKIPPED: azure-identity and azure-mgmt-resource are not installed for python3 (pip install azure-identity azure-mgmt-resource)"
        ))
    func clientSecretCredentialAndResourceManagementClientWorkUnchanged() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let tls = try EmulatorTLS.generate()
        let ca = try folder.write("emulator-ca.pem", try #require(tls.caCertificatePEM))
        try await Emulator.withRunning(tls: tls) { endpoint in
            let environment = endpoint.environment.merging([
                "AZURE_AUTHORITY_HOST": endpoint.baseURL, "AZURE_RESOURCE_MANAGER_ENDPOINT": endpoint.baseURL,
                "REQUESTS_CA_BUNDLE": ca,
            ]) { $1 }
            let script = AzspecProcess.packageRoot + "/scripts/azure-sdk-check.py"
            let result = try await AzspecProcess.run(
                executable: "python3", [script], in: folder.path, environment: environment, timeout: 90)
            #expect(result.status == 0, "\(result.all)")
            #expect(result.stdout.contains("token: ClientSecretCredential got a "), "\(result.all)")
            #expect(result.stdout.contains("resource groups: rg-shared, rg-smoke"), "\(result.all)")
            #expect(await endpoint.tokenRequestCount(clientId: endpoint.environment["AZURE_CLIENT_ID"]) >= 1)
        }
    }
}
