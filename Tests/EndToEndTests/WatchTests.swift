import AzspecTesting
import Foundation
import Testing

/// `run --watch`: the run, then a rerun of the file that changed (and every file when azspec.yaml does), a line
/// between runs; Ctrl-C while waiting ends it with the last run's status.
@Suite(.serialized) struct WatchTests {
    static func spec(_ name: String, status: Int) -> String {
        """
        name: \(name)
        identities: { deployer: { kind: environment } }
        identity: deployer
        tests:
          - name: read
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/rg-smoke?api-version=2021-04-01" }
            expect: { status: \(status) }
        """
    }

    @Test(.timeLimit(.minutes(1))) func changedFilesRunAgainUntilCtrlC() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/a.yaml", Self.spec("a", status: 200))
        try folder.write("specs/b.yaml", Self.spec("b", status: 200))
        let output = folder.path + "/out.txt"
        let process = try AzspecProcess.start(
            ["run", "--emulator", "--watch", "specs"], in: folder.path, environment: [:], outputFile: output)
        #expect(try await AzspecProcess.waitFor("watch: waiting for changes to specs (Ctrl-C ends)", in: output))
        try folder.write("specs/b.yaml", Self.spec("b", status: 201))
        #expect(try await AzspecProcess.waitFor("── watch: specs/b.yaml changed; running specs/b.yaml ──", in: output))
        #expect(try await AzspecProcess.waitFor("0 passed, 1 failed", in: output))
        #expect(try await AzspecProcess.waitFor("0 passed, 1 failed\nwatch: waiting for changes", in: output))
        try folder.write("specs/azspec.yaml", "timeout: 30s\n")
        #expect(try await AzspecProcess.waitFor("changed; running specs ──", in: output))
        #expect(try await AzspecProcess.waitFor("1 passed, 1 failed\nwatch: waiting for changes", in: output))
        kill(process.processIdentifier, SIGINT)
        try await AzspecProcess.exit(of: process)
        let text = folder.read("out.txt") ?? ""
        #expect(process.terminationStatus == 1, "the last run failed: \(text)")
        #expect(text.hasSuffix("watch: stopped\n"), "\(text)")
        let xml = try #require(folder.read("reports/junit.xml"))
        #expect(xml.contains(#"tests="2" failures="1""#), "the last run's report: \(xml)")
    }

    @Test func watchTakesNoRerunOrShard() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/a.yaml", Self.spec("a", status: 200))
        let result = try await folder.run(["run", "--watch", "--shard", "1/2", "specs"])
        #expect(result.status == 2, "\(result.all)")
        #expect(result.stderr.contains("--watch reruns what changes; it takes no --dry-run, --rerun-failed or --shard"), "\(result.all)")
    }
}
