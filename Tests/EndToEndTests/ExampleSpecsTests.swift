import AzspecEmulator
import AzspecTesting
import Foundation
import Testing

/// The README's main command, run as a user would: the example specs against the built-in emulator.
@Suite(.serialized) struct ExampleSpecsTests {
    @Test func exampleSpecsPassAgainstTheBuiltInEmulator() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = folder.path + "/reports/junit.xml"
        let result = try await folder.run(
            ["run", "--emulator", AzspecProcess.packageRoot + "/specs", "--junit", report])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains("29 passed, 0 failed"), "\(result.stdout)")
        #expect(!result.all.contains("warning"), "a newcomer's first run is clean: \(result.all)")
        #expect(
            result.stdout.contains("4 tokens acquired"),
            "one per (identity, resource): deployer and reader for Resource Manager and for Graph (the audits read it)")
        #expect(result.stdout.contains("✓ acquire a token (client credentials, v1 endpoint)"))
        let xml = try String(contentsOfFile: report, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"Service principal can list resource groups\""))
        #expect(xml.contains("tests=\"29\""))
        // The specs were named by absolute path, so the class name is that path, dotted.
        let classname = AzspecProcess.packageRoot.dropFirst().replacingOccurrences(of: "/", with: ".") + ".specs.01-list-resource-groups"
        #expect(xml.contains("classname=\"\(classname)\""), "\(xml)")
        // The emulator's client secrets and every issued token stay out of every output.
        for secret in EmulatorConfiguration.default.environment.filter({ $0.key.contains("SECRET") }).map(\.value) {
            #expect(!result.all.contains(secret))
            #expect(!xml.contains(secret))
        }
        #expect(!result.all.contains("eyJ"), "a JWT leaked to the console")
        #expect(!xml.contains("eyJ"), "a JWT leaked to the report")
    }

    @Test func validateAndListWorkWithoutSendingAnything() async throws {
        let root = AzspecProcess.packageRoot
        let validated = try await AzspecProcess.run(["validate", "--emulator", "specs"], in: root)
        #expect(validated.status == 0, "\(validated.all)")
        #expect(validated.stdout.contains("10 spec files valid, 29 tests"))
        let listed = try await AzspecProcess.run(["list", "specs"], in: root)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("Reader can read but not create resource groups  (specs/03-reader-permissions.yaml)"))
        #expect(listed.stdout.contains("  the reader cannot create a resource group  (line "))
    }

    @Test func validateWithoutTheEnvironmentNamesTheMissingVariables() async throws {
        let result = try await AzspecProcess.run(["validate", "specs"], in: AzspecProcess.packageRoot)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("specs/01-list-resource-groups.yaml:4:14: error: environment variable AZURE_TENANT_ID is not set"),
            "\(result.stderr)")
    }
}
