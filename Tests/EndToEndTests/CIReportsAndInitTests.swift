import AzspecCore
import AzspecTesting
import Foundation
import Testing

/// Reports beyond JUnit through the binary (`--report`, and the CI systems' own variables), `init`, and diagnostics
/// with their source lines.
@Suite(.serialized) struct CIReportsAndInitTests {
    static let failingSpec = """
        name: One fails
        vars: { subscriptionId: "{{env.AZURE_SUBSCRIPTION_ID}}" }
        identity: true
        tests:
          - name: the subscription
            request: { url: "/subscriptions/{{subscriptionId}}", query: { api-version: "2022-12-01" } }
            expect:
              status: 200
              json:
                $.state: Disabled

        """

    @Test func everyReportKindInOneRun() async throws {
        let result = try await BinaryRun(
            ["run", "--emulator", "specs", "--report", "json", "--report", "tap=-", "--report", "html=out/run.html", "--report", "github"],
            files: [
                "specs/fails.yaml": Self.failingSpec,
                "summary.md": "# earlier step\n",
            ], environment: ["GITHUB_STEP_SUMMARY": "summary.md"],
            reading: ["out/run.html", "reports/azspec.json", "summary.md"])
        #expect(result.status == 1, "\(result.all)")
        // TAP owns standard output; the console's lines went to standard error.
        #expect(result.stdout.hasPrefix("TAP version 14\n1..1\n"), "\(result.stdout)")
        #expect(result.stdout.contains("    not ok 1 - the subscription"))
        #expect(result.stderr.contains("✗ the subscription"))
        #expect(
            result.stdout.contains("::error file=specs/fails.yaml,line=10,col=9,title=One fails › the subscription::$.state:"),
            "\(result.stdout)")
        let json = try #require(result.files["reports/azspec.json"])
        let document = try #require(JSONValue.parsed(Array(json.utf8)))
        #expect(document["totals"]?["failed"] == .int(1))
        #expect(document["suites"]?[0]?["tests"]?[0]?["requests"]?[0]?["status"] == .int(200))
        let html = try #require(result.files["out/run.html"])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("the subscription"))
        let summary = try #require(result.files["summary.md"])
        #expect(summary.hasPrefix("# earlier step\n### azspec: ❌ 0 tests passed, 1 failed"), "appended, not replaced: \(summary)")
        #expect(result.stderr.contains("report: reports/junit.xml, reports/azspec.json, out/run.html"))
    }

    @Test func azurePipelinesIssuesComeOnByThemselves() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/fails.yaml", Self.failingSpec)
        let result = try await folder.run(["run", "--emulator", "specs"], environment: ["TF_BUILD": "True"])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "##vso[task.logissue type=error;sourcepath=specs/fails.yaml;linenumber=10;columnnumber=9;code=One fails › the subscription]"
            ))
        #expect(result.stdout.contains("##vso[task.complete result=Failed;]azspec: 1 of 1 tests failed"))
        let plain = try await folder.run(["run", "--emulator", "specs"])
        #expect(!plain.stdout.contains("##vso"), "only under Azure Pipelines")
        #expect(!plain.stdout.contains("::error"), "only under GitHub Actions")
    }

    @Test func badReportOptionsExitTwoBeforeAnythingIsSent() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/fails.yaml", Self.failingSpec)
        try folder.write("blocker", "a file where a folder should be")
        let blocked = try await folder.run(["run", "--emulator", "specs", "--report", "json=blocker/run.json"])
        #expect(blocked.status == 2, "\(blocked.all)")
        #expect(blocked.stderr.contains("cannot write the report to blocker/run.json"))
        #expect(!blocked.all.contains("the subscription"), "nothing ran")
        let unknown = try await folder.run(["run", "--emulator", "specs", "--report", "xml"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown report kind 'xml'"))
        let twice = try await folder.run(["run", "--emulator", "specs", "--report", "json=reports/junit.xml"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("two reports would be written to it"))
    }

    @Test func initScaffoldsAProjectThatPassesAgainstTheEmulatorAndNeverOverwrites() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("project/azspec.yaml", "# mine\n")
        let kept = try await folder.run(["init", "project"])
        #expect(kept.status == 0, "\(kept.all)")
        #expect(kept.stdout.contains("kept    project/azspec.yaml (it exists; not overwritten)"))
        #expect(folder.read("project/azspec.yaml") == "# mine\n")
        let created = try await folder.run(["init", "fresh"])
        #expect(created.status == 0)
        for file in [
            "azspec.yaml", "specs/01-smoke.yaml", ".gitignore", "azspec.schema.json", ".github/workflows/azspec.yml", "azure-pipelines.yml",
            ".azure-pipelines/install-azspec.yml",
        ] {
            #expect(created.stdout.contains("created fresh/\(file)"), "\(file)")
        }
        let run = try await AzspecProcess.run(["run", "--emulator"], in: folder.path + "/fresh")
        #expect(run.status == 0, "\(run.all)")
        #expect(run.stdout.contains("2 passed, 0 failed"))
        let again = try await folder.run(["init", "fresh"])
        #expect(again.stdout.components(separatedBy: "kept").count - 1 == 7, "\(again.stdout)")
        let schema = try #require(folder.read("fresh/azspec.schema.json"))
        #expect(JSONValue.parsed(Array(schema.utf8)) != nil)
    }

    @Test func thePostmanManualFlowRunsAgainstTheEmulatorUnchanged() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fixtures = AzspecProcess.packageRoot + "/Tests/AzspecImportTests/Fixtures/"
        let imported = try await folder.run(
            [
                "import", "postman", fixtures + "manual-flow.postman_collection.json", "--environment",
                fixtures + "manual-flow.postman_environment.json", "--out", "specs",
            ])
        #expect(imported.status == 0, "\(imported.all)")
        #expect(imported.stdout.contains("wrote specs/01-azure-manual-flow.yaml"), "\(imported.stdout)")
        #expect(imported.stderr.contains("note: Set these environment variables before running"), "\(imported.stderr)")
        let run = try await folder.run(["run", "--emulator", "specs"])
        #expect(run.status == 0, "\(run.all)")
        #expect(run.stdout.contains("2 passed, 0 failed"))
        // Never overwrites: a second import into the same folder writes nothing.
        let again = try await folder.run(
            ["import", "postman", fixtures + "manual-flow.postman_collection.json", "--out", "specs"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("it exists already; nothing was written"))
        for (file, message) in [
            ("v1.postman_collection.json", "Postman v1 collections are not supported: export it again as Collection v2.1 from Postman"),
            ("manual-flow.postman_environment.json", "not a Postman collection"),
        ] {
            let refused = try await folder.run(["import", "postman", fixtures + file, "--out", "other"])
            #expect(refused.status == 2, "\(file)")
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
        }
    }

    @Test func aDryRunPrintsCurlCommandsAndSendsNothing() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let closed = try await FaultServer.closedPort()
        try folder.write(
            "specs/a.yaml",
            """
            name: Dry
            tests:
              - name: token
                request:
                  method: POST
                  url: "http://127.0.0.1:\(closed)/tenant/oauth2/token"
                  headers: { X-Note: "it's" }
                  form: { client_secret: "{{env.AZURE_CLIENT_SECRET}}" }
                capture: { token: $.access_token }
              - name: use it
                request: { url: "http://127.0.0.1:\(closed)/x", headers: { Authorization: "Bearer {{token}}" } }

            """)
        let secret = "dry-run-canary-" + UUID().uuidString
        let result = try await folder.run(
            ["run", "specs", "--dry-run"], environment: ["AZURE_CLIENT_SECRET": secret])
        #expect(result.status == 0, "nothing was sent, so nothing failed: \(result.all)")
        #expect(
            result.stdout.contains(
                """
                curl -sS \\
                    -X POST \\
                    'http://127.0.0.1:\(closed)/tenant/oauth2/token' \\
                    -H 'X-Note: it'\\''s' \\
                    -H 'Content-Type: application/x-www-form-urlencoded' \\
                    --data-binary 'client_secret=***'
                """), "\(result.stdout)")
        #expect(result.stdout.contains("-H 'Authorization: Bearer {{token}}'"))
        #expect(!result.all.contains(secret))
        #expect(folder.read("reports/junit.xml") == nil, "a dry run writes no report")
    }

    @Test func diagnosticsShowTheSourceLineWithACaret() async throws {
        let result = try await BinaryRun(
            ["validate", "specs"],
            files: [
                "specs/bad.yaml":
                    "name: bad\ntests:\n  - name: t\n    request: { url: \"http://127.0.0.1:9/\" }\n    expect:\n      stauts: 200\n"
            ])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                """
                specs/bad.yaml:6:7: error: unknown key 'stauts' in expect (did you mean 'status'?)
                  |
                6 |       stauts: 200
                  |       ^^^^^^
                """), "\(result.stderr)")
    }
}
