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

    /// An auditor with Directory.Read.All, a principal reached through a group, and who may write resource groups.
    static func auditConfiguration(writers: [String]) -> String {
        """
        environment: { AZURE_SUBSCRIPTION_ID: 99999999-8888-7777-6666-555555555555 }
        tenants:
          - id: 11111111-2222-3333-4444-555555555555
            servicePrincipals:
              - { name: auditor, clientId: a0000000-0000-4000-8000-000000000001, objectId: b0000000-0000-4000-8000-000000000001, secrets: [auditor-secret-value], appRoles: [Directory.Read.All] }
              - { name: payments, clientId: a0000000-0000-4000-8000-000000000002, objectId: b0000000-0000-4000-8000-000000000002, secrets: [payments-secret-value] }
            groups: [ { name: sg-payments, objectId: c0000000-0000-4000-8000-000000000001, members: [payments] } ]
            subscriptions: [ { id: 99999999-8888-7777-6666-555555555555 } ]
            roleAssignments:
              - { principal: auditor, role: Reader, scope: /subscriptions/99999999-8888-7777-6666-555555555555 }
              - { principal: sg-payments, role: Storage Account Contributor, scope: /subscriptions/99999999-8888-7777-6666-555555555555 }
        \(writers.map { "      - { principal: \($0), role: Contributor, scope: /subscriptions/99999999-8888-7777-6666-555555555555 }" }.joined(separator: "\n"))
            eligibleRoleAssignments:
              - { principal: payments, role: Storage Blob Data Reader, scope: /subscriptions/99999999-8888-7777-6666-555555555555 }
        """
    }

    /// `--principal` writes an audit (through the principal's group, eligible roles counted as held) and `--who-can` a
    /// whoCan check of object ids with their names in comments; both pass against what they were taken from, and a
    /// who-can snapshot refreshed after a principal gains the action names it.
    @Test func auditAndWhoCanSnapshotsPassAndRefresh() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let before = try folder.write("before.yaml", Self.auditConfiguration(writers: []))
        let after = try folder.write("after.yaml", Self.auditConfiguration(writers: ["payments"]))
        try folder.write(
            "specs/azspec.yaml",
            "identities:\n  auditor: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, "
                + "clientId: a0000000-0000-4000-8000-000000000001, secret: auditor-secret-value }\n")
        let common = [
            "snapshot", "permissions", "--emulator", "--identity", "auditor", "--scope", "/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}",
        ]
        let audit = try await folder.run(common + ["--principal", "payments", "-o", "specs/payments.yaml", "--emulator-config", before])
        #expect(audit.status == 0, "\(audit.all)")
        let spec = try #require(folder.read("specs/payments.yaml"))
        #expect(spec.contains("      principal: payments\n"), "\(spec)")
        #expect(spec.contains("      eligible: allowed\n"), "its eligible role is counted: \(spec)")
        #expect(
            spec.contains(
                "role 'Storage Account Contributor' at /subscriptions/99999999-8888-7777-6666-555555555555 through group 'sg-payments'"),
            "\(spec)")
        #expect(spec.contains("role 'Storage Blob Data Reader (eligible)'"), "\(spec)")
        let whoCan = try await folder.run(
            common + [
                "--who-can", "Microsoft.Resources/subscriptions/resourceGroups/write", "-o", "specs/writers.yaml", "--emulator-config",
                before,
            ])
        #expect(whoCan.status == 0, "\(whoCan.all)")
        let writers = try #require(folder.read("specs/writers.yaml"))
        #expect(
            writers.contains(
                "      whoCan:\n        actions:\n          - Microsoft.Resources/subscriptions/resourceGroups/write\n        none: true\n"),
            "nobody yet: \(writers)")
        let passes = try await folder.run(["run", "--emulator", "--emulator-config", before, "specs"])
        #expect(passes.status == 0, "\(passes.all)")
        #expect(passes.stdout.contains("2 passed, 0 failed"), "\(passes.stdout)")
        let fails = try await folder.run(["run", "--emulator", "--emulator-config", after, "specs"])
        #expect(fails.status == 1, "payments now holds Contributor: both checks see it: \(fails.all)")
        #expect(fails.stdout.contains("0 passed, 2 failed"), "\(fails.stdout)")
        let refreshed = try await folder.run(
            common + [
                "--who-can", "Microsoft.Resources/subscriptions/resourceGroups/write", "-o", "specs/writers.yaml", "--update",
                "--emulator-config", after,
            ])
        #expect(refreshed.status == 0, "\(refreshed.all)")
        #expect(
            refreshed.stdout.contains("specs/writers.yaml: 1 change:\n  + whoCan.exactly: b0000000-0000-4000-8000-000000000002"),
            "\(refreshed.stdout)")
        let named = try #require(folder.read("specs/writers.yaml"))
        #expect(
            named.contains(
                "# b0000000-0000-4000-8000-000000000002: servicePrincipal 'payments', 'Microsoft.Resources/subscriptions/resourceGroups/write' by role 'Contributor'"
            ), "\(named)")
        let mixed = try await folder.run(
            common + ["--principal", "payments", "--who-can", "Microsoft.Resources/subscriptions/resourceGroups/write"])
        #expect(mixed.status == 2 && mixed.stderr.contains("--principal and --who-can ask different questions"), "\(mixed.all)")
    }
}
