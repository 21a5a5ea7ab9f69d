import AzspecTesting
import Foundation
import Testing

/// `azspec snapshot permissions` writes a spec that passes today and fails on drift.
@Suite struct SnapshotTests {
    @Test func aSnapshotPassesAgainstWhatItWasTakenFrom() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = try String(contentsOfFile: AzspecProcess.packageRoot + "/specs/azspec.yaml", encoding: .utf8)
        try folder.write("specs/azspec.yaml", project)
        let scope = "/subscriptions/2a7c9e4b-1d3f-4b5a-8c6e-9f0a1b2c3d4e"
        let taken = try await AzspecProcess.run(
            [
                "snapshot", "permissions", "--emulator", "--identity", "deployer", "--scope", scope, "--specs", "specs", "-o",
                "specs/deployer.yaml",
            ],
            in: folder.path)
        #expect(taken.status == 0, "\(taken.all)")
        let spec = try #require(folder.read("specs/deployer.yaml"))
        #expect(spec.hasPrefix("# Written by `azspec snapshot permissions` at "), "\(spec)")
        #expect(spec.contains("      allow:\n        - \"*\"\n"), "\(spec)")
        #expect(spec.contains("        - Microsoft.Authorization/elevateAccess/Action\n"), "Contributor's notActions: \(spec)")
        #expect(spec.contains("# Taken away by wildcards, which a deny list cannot hold: Microsoft.Authorization/*/Delete"), "\(spec)")
        #expect(spec.contains("      exactly: true\n"))
        #expect(!spec.contains("emu8Q~") && !spec.contains("eyJ"), "no secret or token in it")

        let run = try await AzspecProcess.run(["run", "--emulator", "specs"], in: folder.path)
        #expect(run.status == 0, "the snapshot passes against what it was taken from: \(run.all)")
        #expect(run.stdout.contains("1 passed, 0 failed"), "\(run.stdout)")
        let report = try #require(folder.read("reports/junit.xml"))

        let again = try await AzspecProcess.run(
            ["snapshot", "permissions", "--emulator", "--identity", "deployer", "--scope", scope, "-o", "specs/deployer.yaml"],
            in: folder.path)
        #expect(
            again.status == 2 && again.stderr.contains("specs/deployer.yaml exists; azspec snapshot does not overwrite files"),
            "\(again.all)")
        let unknown = try await AzspecProcess.run(
            ["snapshot", "permissions", "--emulator", "--identity", "deployr", "--scope", scope], in: folder.path)
        #expect(unknown.status == 2, "\(unknown.all)")
        #expect(unknown.stderr.contains("unknown identity 'deployr' (did you mean 'deployer'?)"), "\(unknown.stderr)")
        let badScope = try await AzspecProcess.run(
            ["snapshot", "permissions", "--emulator", "--identity", "deployer", "--scope", "/nowhere"], in: folder.path)
        #expect(badScope.status == 2 && badScope.stderr.contains("'/nowhere' is not an ARM scope"), "\(badScope.all)")
        #expect(folder.read("reports/junit.xml") == report, "snapshot is not a run: its usage errors write no report")
    }
}
