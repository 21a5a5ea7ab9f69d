import AzspecTesting
import Foundation
import Testing

/// `run --rerun-failed`: the tests that failed or errored in the last JSON report, with the earlier tests their
/// captures need, said before the run; a report that cannot be used is refused.
@Suite struct RerunFailedTests {
    static let spec = """
        name: loops
        identities: { deployer: { kind: environment } }
        identity: deployer
        tests:
          - name: list
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups?api-version=2021-04-01" }
            capture: { names: "$.value[*].name" }
          - name: read
            forEach: [rg-smoke, rg-nowhere, rg-shared]
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/{{item}}?api-version=2021-04-01" }
            expect: { status: 200 }
          - name: uses names
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/{{names.0}}?api-version=2021-04-01" }
            expect: { status: 404 }
          - name: passes
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}?api-version=2022-12-01" }
        """

    @Test func onlyWhatFailedRunsAgainWithWhatItNeeds() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/loops.yaml", Self.spec)
        let first = try await folder.run(["run", "--emulator", "specs", "--report", "json"])
        #expect(first.status == 1, "\(first.all)")
        let again = try await folder.run(["run", "--emulator", "specs", "--rerun-failed", "--report", "json"])
        #expect(again.status == 1, "\(again.all)")
        #expect(
            again.stderr.contains(
                "--rerun-failed: 2 failed or errored in reports/azspec.json:\n  specs/loops.yaml › read [rg-nowhere]\n  specs/loops.yaml › uses names"
            ),
            "\(again.all)")
        #expect(again.stderr.contains("also running 'list': it captures 'names' for 'uses names'"), "\(again.all)")
        let xml = try #require(folder.read("reports/junit.xml"))
        #expect(xml.contains(#"tests="3" failures="2""#), "\(xml)")
        #expect(!xml.contains("read [rg-smoke]") && !xml.contains("name=\"passes\""), "\(xml)")
        // Fixed: the rerun's report has no failure left, and the next rerun says so and runs nothing.
        try folder.write(
            "specs/loops.yaml",
            Self.spec.replacingOccurrences(of: "rg-nowhere, ", with: "").replacingOccurrences(of: "status: 404", with: "status: 200"))
        let fixed = try await folder.run(["run", "--emulator", "specs", "--rerun-failed", "--report", "json"])
        #expect(fixed.status == 0, "\(fixed.all)")
        let nothing = try await folder.run(["run", "--emulator", "specs", "--rerun-failed"])
        #expect(nothing.status == 0, "\(nothing.all)")
        #expect(
            nothing.stderr.contains("--rerun-failed: no test failed or errored in reports/azspec.json; nothing to run"), "\(nothing.all)")
    }

    @Test func aReportThatCannotBeUsedIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/loops.yaml", Self.spec)
        let missing = try await folder.run(["run", "specs", "--rerun-failed"])
        #expect(missing.status == 2, "\(missing.all)")
        #expect(missing.stderr.contains("(run once with --report json to write it)"), "\(missing.all)")
        try folder.write("reports/junit.xml", "<testsuites/>")
        let other = try await folder.run(["run", "specs", "--rerun-failed", "--rerun-report", "reports/junit.xml"])
        #expect(other.status == 2, "\(other.all)")
        #expect(other.stderr.contains("reports/junit.xml is not an azspec JSON report"), "\(other.all)")
        let device = try await folder.run(["run", "specs", "--rerun-failed", "--rerun-report", "/dev/zero"])
        #expect(device.status == 2, "\(device.all)")
        #expect(device.stderr.contains("--rerun-failed: "), "\(device.all)")
    }
}
