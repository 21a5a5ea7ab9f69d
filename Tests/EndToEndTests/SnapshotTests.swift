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
        let taken = try await folder.run(
            [
                "snapshot", "permissions", "--emulator", "--identity", "deployer", "--scope", scope, "--specs", "specs", "-o",
                "specs/deployer.yaml",
            ])
        #expect(taken.status == 0, "\(taken.all)")
        let spec = try #require(folder.read("specs/deployer.yaml"))
        #expect(spec.hasPrefix("# Written by `azspec snapshot permissions` at "), "\(spec)")
        #expect(spec.contains("      allow:\n        - \"*\"\n"), "\(spec)")
        #expect(spec.contains("        - Microsoft.Authorization/elevateAccess/Action\n"), "Contributor's notActions: \(spec)")
        #expect(spec.contains("# Taken away by wildcards, which a deny list cannot hold: Microsoft.Authorization/*/Delete"), "\(spec)")
        #expect(spec.contains("      exactly: true\n"))
        #expect(!spec.contains("emu8Q~") && !spec.contains("eyJ"), "no secret or token in it")

        let run = try await folder.run(["run", "--emulator", "specs"])
        #expect(run.status == 0, "the snapshot passes against what it was taken from: \(run.all)")
        #expect(run.stdout.contains("1 passed, 0 failed"), "\(run.stdout)")
        let report = try #require(folder.read("reports/junit.xml"))

        let again = try await folder.run(
            ["snapshot", "permissions", "--emulator", "--identity", "deployer", "--scope", scope, "-o", "specs/deployer.yaml"])
        #expect(
            again.status == 2 && again.stderr.contains("specs/deployer.yaml exists; azspec snapshot does not overwrite files"),
            "\(again.all)")
        let unknown = try await folder.run(
            ["snapshot", "permissions", "--emulator", "--identity", "deployr", "--scope", scope])
        #expect(unknown.status == 2, "\(unknown.all)")
        #expect(unknown.stderr.contains("unknown identity 'deployr' (did you mean 'deployer'?)"), "\(unknown.stderr)")
        let badScope = try await folder.run(
            ["snapshot", "permissions", "--emulator", "--identity", "deployer", "--scope", "/nowhere"])
        #expect(badScope.status == 2 && badScope.stderr.contains("'/nowhere' is not an ARM scope"), "\(badScope.all)")
        #expect(folder.read("reports/junit.xml") == report, "snapshot is not a run: its usage errors write no report")
    }

    static func configuration(roles: [String]) -> String {
        """
        environment: { AZURE_SUBSCRIPTION_ID: 99999999-8888-7777-6666-555555555555 }
        tenants:
          - id: 11111111-2222-3333-4444-555555555555
            servicePrincipals:
              - { name: deployer, clientId: a0000000-0000-4000-8000-000000000001, objectId: b0000000-0000-4000-8000-000000000001, secrets: [deployer-secret-value] }
            subscriptions: [ { id: 99999999-8888-7777-6666-555555555555 } ]
            roleAssignments:
        \(roles.map { "      - { principal: deployer, role: \($0), scope: /subscriptions/99999999-8888-7777-6666-555555555555 }" }.joined(separator: "\n"))
        """
    }

    @Test func aTemplatedSnapshotIsRefreshedInPlaceWithItsChanges() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let before = try folder.write("before.yaml", Self.configuration(roles: ["Reader"]))
        let after = try folder.write("after.yaml", Self.configuration(roles: ["Reader", "Storage Account Contributor"]))
        try folder.write(
            "specs/azspec.yaml",
            "identities:\n  deployer: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, "
                + "clientId: a0000000-0000-4000-8000-000000000001, secret: deployer-secret-value }\n")
        let snapshot = [
            "snapshot", "permissions", "--emulator", "--identity", "deployer", "--scope", "/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}",
            "-o", "specs/deployer.yaml",
        ]
        let taken = try await folder.run(snapshot + ["--emulator-config", before])
        #expect(taken.status == 0, "\(taken.all)")
        let spec = try #require(folder.read("specs/deployer.yaml"))
        #expect(spec.contains("scope: \"/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}\""), "the template is kept: \(spec)")
        #expect(spec.contains("- name: deployer holds exactly these permissions\n"), "a stable name: \(spec)")
        #expect(spec.contains("# '*/read': role 'Reader' at /subscriptions/99999999-8888-7777-6666-555555555555"), "\(spec)")
        let passes = try await folder.run(["run", "--emulator", "--emulator-config", before, "specs"])
        #expect(passes.status == 0, "\(passes.all)")

        let refreshed = try await folder.run(snapshot + ["--emulator-config", after, "--update"])
        #expect(refreshed.status == 0, "\(refreshed.all)")
        #expect(
            refreshed.stdout.contains("specs/deployer.yaml: 9 changes:\n  + allow: Microsoft.Authorization/*/read\n"), "\(refreshed.stdout)"
        )
        #expect(refreshed.stdout.contains("  + allow: Microsoft.Storage/storageAccounts/*\n"), "\(refreshed.stdout)")
        let updated = try #require(folder.read("specs/deployer.yaml"))
        #expect(updated.contains("Microsoft.Storage/storageAccounts/*"), "\(updated)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/specs").sorted() == ["azspec.yaml", "deployer.yaml"])
        let newPasses = try await folder.run(["run", "--emulator", "--emulator-config", after, "specs"])
        #expect(newPasses.status == 0, "\(newPasses.all)")
        let unchanged = try await folder.run(snapshot + ["--emulator-config", after, "--update"])
        #expect(unchanged.stdout.contains("specs/deployer.yaml: no change"), "\(unchanged.all)")

        try FileManager.default.createSymbolicLink(atPath: folder.path + "/specs/link.yaml", withDestinationPath: "deployer.yaml")
        let link = try await folder.run(
            Array(snapshot.dropLast()) + ["specs/link.yaml", "--emulator-config", after, "--update"])
        #expect(link.status == 2 && link.stderr.contains("it is not a regular file"), "\(link.all)")
        let notSnapshot = try await folder.run(
            Array(snapshot.dropLast()) + ["specs/azspec.yaml", "--emulator-config", after, "--update"])
        #expect(notSnapshot.status == 2 && notSnapshot.stderr.contains("is not a permission snapshot"), "\(notSnapshot.all)")
        #expect(folder.read("specs/azspec.yaml")?.hasPrefix("identities:") == true, "left as it was")
    }
}
