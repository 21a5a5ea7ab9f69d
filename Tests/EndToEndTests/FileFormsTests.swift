import AzspecTesting
import Foundation
import Testing

/// Files as editors and file systems leave them: a byte order mark first (as Windows editors save UTF-8), and paths that
/// are symbolic links going nowhere.
@Suite struct FileFormsTests {
    static let byteOrderMark = "\u{FEFF}"

    @Test func aByteOrderMarkIsAcceptedInEveryFileAzspecReads() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/azspec.yaml",
            Self.byteOrderMark + "apiVersion: \"2021-04-01\"\n")
        try folder.write(
            "specs/groups.yaml",
            Self.byteOrderMark
                + """
                name: Saved by a Windows editor
                identity: true
                tests:
                  - name: list resource groups
                    request: { url: "/subscriptions/99999999-8888-7777-6666-555555555555/resourcegroups" }
                    expect:
                      status: 200
                      json: { "$.value[*].name": { contains: rg-bom } }

                """)
        let config = try folder.write(
            "emulator.yaml",
            Self.byteOrderMark
                + """
                tenants:
                  - id: 11111111-2222-3333-4444-555555555555
                    servicePrincipals:
                      - { name: app, clientId: a0000000-0000-4000-8000-000000000001, objectId: b0000000-0000-4000-8000-000000000001, secrets: [app-secret-value] }
                    subscriptions:
                      - { id: 99999999-8888-7777-6666-555555555555, resourceGroups: [ { name: rg-bom, location: westeurope } ] }
                    roleAssignments:
                      - { principal: app, role: Reader, scope: /subscriptions/99999999-8888-7777-6666-555555555555 }

                """)
        let run = try await folder.run(
            ["run", "--emulator", "--emulator-config", config, "specs"],
            environment: [
                "AZURE_TENANT_ID": "11111111-2222-3333-4444-555555555555",
                "AZURE_CLIENT_ID": "a0000000-0000-4000-8000-000000000001", "AZURE_CLIENT_SECRET": "app-secret-value",
            ])
        #expect(run.status == 0, "\(run.all)")
        #expect(run.stdout.contains("1 passed, 0 failed"), "\(run.stdout)")

        let fixtures = AzspecProcess.packageRoot + "/Tests/AzspecImportTests/Fixtures/"
        let collection = try String(contentsOfFile: fixtures + "manual-flow.postman_collection.json", encoding: .utf8)
        let environment = try String(contentsOfFile: fixtures + "manual-flow.postman_environment.json", encoding: .utf8)
        try folder.write("postman/collection.json", Self.byteOrderMark + collection)
        try folder.write("postman/environment.json", Self.byteOrderMark + environment)
        let imported = try await folder.run(
            ["import", "postman", "postman/collection.json", "--environment", "postman/environment.json", "--out", "imported"])
        #expect(imported.status == 0, "\(imported.all)")
        #expect(imported.stdout.contains("wrote imported/01-azure-manual-flow.yaml"), "\(imported.stdout)")
    }

    @Test func aByteOrderMarkDoesNotMoveColumns() async throws {
        let result = try await BinaryRun(
            ["validate", "specs"],
            files: [
                "specs/t.yaml": Self.byteOrderMark + "nmae: typo\ntests: []\n"
            ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("specs/t.yaml:1:1: error: unknown key 'nmae'"), "\(result.stderr)")
    }

    @Test func aSymbolicLinkLoopOrADanglingLinkIsNamedForWhatItIs() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder.path + "/loop-a.yaml", withDestinationPath: "loop-b.yaml")
        try manager.createSymbolicLink(atPath: folder.path + "/loop-b.yaml", withDestinationPath: "loop-a.yaml")
        try manager.createSymbolicLink(atPath: folder.path + "/gone.yaml", withDestinationPath: "nowhere.yaml")
        let loop = try await folder.run(["validate", "loop-a.yaml"])
        #expect(loop.status == 2)
        #expect(loop.stderr.contains("error: a symbolic link loop (too many levels of symbolic links): loop-a.yaml"), "\(loop.stderr)")
        let dangling = try await folder.run(["run", "gone.yaml"])
        #expect(dangling.status == 2)
        #expect(dangling.stderr.contains("error: a symbolic link to something that does not exist: gone.yaml"), "\(dangling.stderr)")
        let missing = try await folder.run(["validate", "absent.yaml"])
        #expect(missing.stderr.contains("error: no such file or folder: absent.yaml"), "\(missing.stderr)")
    }
}
