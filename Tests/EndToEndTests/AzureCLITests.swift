import AzspecTesting
import Foundation
import Testing

/// The real Azure CLI against the emulator, through `scripts/azure-cli-check.sh`: in a network namespace holding
/// only loopback, it registers the emulator as a cloud, logs in as service principals and runs the commands users
/// run. Runs where the CLI is installed in the script's virtual environment (`.ci/run` installs it) and `unshare`
/// works; elsewhere it is reported as skipped, with the reason.
@Suite struct AzureCLITests {
    static let venv =
        ProcessInfo.processInfo.environment["AZSPEC_AZ_VENV"]
        ?? (NSHomeDirectory() + "/.cache/azspec/azure-cli")

    static let runnable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: venv + "/bin/az") else { return false }
        // The namespace must be possible, and `ip` there to bring its loopback up.
        let inside = ["sh", "-c", "command -v ip >/dev/null"]
        return AzspecProcess.succeeds((getuid() == 0 ? ["unshare", "--net"] : ["unshare", "--net", "--map-root-user"]) + inside)
    }()

    @Test(
        .enabled(
            if: runnable,
            "SKIPPED: the Azure CLI is not installed in \(venv) (scripts/azure-cli-check.sh installs it), or unshare --net is not allowed here, or ip (iproute2) is missing"
        ))
    func theAzureCLIWorksAgainstTheEmulatorAsAgainstAzure() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let binary = try #require(AzspecProcess.executablePath)
        let result = try await AzspecProcess.run(
            executable: AzspecProcess.packageRoot + "/scripts/azure-cli-check.sh", [binary], in: folder.path,
            environment: ["AZSPEC_AZ_VENV": Self.venv], timeout: 300)
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains("azure-cli check: 0 failed"), "\(result.all)")
        for step in [
            "cloud register (endpoint discovery)", "login as a service principal",
            "role assignment list --assignee (app id, found in Graph)",
            "role assignment create (by role name, app id)", "storage account create", "storage account keys list", "az rest",
            "a Reader may not create a group", "no account after account clear",
        ] {
            #expect(result.stdout.contains("ok: \(step)\n"), "\(step)\n\(result.stdout)")
        }
        #expect(!result.all.contains("azcli-admin-secret-for-the-emulator"), "the script prints no secret")
    }
}
