import AzspecTesting
import Foundation
import Testing

/// The messages a new user meets while writing specs: a tab in the indentation, a key written twice, a variable
/// that is not there, an api-version that azspec.yaml gives per provider.
@Suite struct AuthoringMessagesTests {
    @Test func tabsDuplicatesAndUndefinedNamesSayWhatToDo() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/tab.yaml", "name: t\ntests:\n  - name: x\n    request:\n  \t  url: \"https://management.azure.com/\"\n")
        try folder.write(
            "specs/twice.yaml", "name: t\ntests:\n  - name: x\n    request: { url: \"https://management.azure.com/\" }\n    name: y\n")
        try folder.write(
            "specs/names.yaml",
            """
            name: t
            vars: { region: westeurope, subscriptionId: "{{env.AZURE_SUBSCRIPTION_ID}}" }
            tests:
              - name: x
                request: { url: "https://management.azure.com/{{zzzzzz}}/{{regoin}}" }
            """)
        let result = try await folder.run(["validate", "specs"], environment: ["AZURE_SUBSCRIPTION_ID": "s"])
        #expect(result.status == 2, "\(result.all)")
        for message in [
            "specs/tab.yaml:5:3: error: tabs cannot indent YAML; use spaces",
            "specs/twice.yaml:5:5: error: duplicate key 'name': it is set already at line 3",
            "specs/twice.yaml:3:5: note: 'name' is first set here",
            "specs/names.yaml:5:51: error: undefined variable 'zzzzzz'; defined here: region, subscriptionId",
            "specs/names.yaml:5:62: error: undefined variable 'regoin' (did you mean 'region'?)",
        ] {
            #expect(result.stderr.contains(message), "\(message)\n\(result.stderr)")
        }
        #expect(!result.stderr.contains("cannot start any token"), "\(result.stderr)")
    }

    @Test func microsoftResourcesGivesSubscriptionAndGroupPathsTheirVersion() async throws {
        let run = try await BinaryRun(
            ["run", "--emulator", "specs"],
            files: [
                "specs/azspec.yaml": "apiVersions: { Microsoft.Resources: \"2021-04-01\", Microsoft.Storage: \"2023-01-01\" }\n",
                "specs/groups.yaml": """
                name: groups
                identities: { deployer: { kind: environment } }
                identity: deployer
                tests:
                  - name: a group, with Microsoft.Resources' version
                    request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/rg-smoke" }
                    expect: { status: 200 }
                  - name: the storage accounts, with Microsoft.Storage's
                    request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourceGroups/rg-smoke/providers/Microsoft.Storage/storageAccounts" }
                    expect: { status: 200 }
                """,
            ])
        #expect(run.status == 0, "\(run.all)")
        #expect(!run.all.contains("names no api-version"), "\(run.all)")
        let warned = try await BinaryRun(
            ["validate", "--emulator", "specs"],
            files: [
                "specs/azspec.yaml": "apiVersions: { Microsoft.Storage: \"2023-01-01\" }\n",
                "specs/groups.yaml": """
                name: groups
                tests:
                  - name: a group
                    request: { url: "{{cloud.arm}}/subscriptions/s/resourcegroups/rg-smoke" }
                """,
            ])
        #expect(
            warned.stderr.contains(
                "specs/groups.yaml:4:21: warning: this Resource Manager request names no api-version (ARM answers 400 MissingApiVersionParameter): add query: { api-version: \"2021-04-01\" }, or apiVersion: or apiVersions: { Microsoft.Resources: … } in azspec.yaml"
            ), "\(warned.all)")
    }

    /// `-v` on a polled request that fails: the polls once, and the operation id in its URL shown (it is no secret).
    @Test func pollsShowOnceWithTheirOperationIds() async throws {
        let run = try await BinaryRun(
            ["run", "--emulator", "specs", "-v"],
            files: [
                "specs/poll.yaml": """
                name: poll
                identities: { deployer: { kind: environment } }
                identity: deployer
                tests:
                  - name: create
                    request: { method: PUT, url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/rg-poll?api-version=2021-04-01", json: { location: westeurope } }
                  - name: delete
                    request: { method: DELETE, url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/rg-poll?api-version=2021-04-01", poll: true }
                    expect: { status: 204 }
                """
            ])
        #expect(run.status == 1, "\(run.all)")
        #expect(run.stdout.components(separatedBy: "poll 1: 202 (in progress)").count == 2, "once: \(run.stdout)")
        #expect(run.stdout.contains("/operationresults/eyJqb2JJZCI6"), "\(run.stdout)")
        let xml = try #require(run.junit)
        #expect(xml.components(separatedBy: "poll 2: 200 (done)").count == 2, "once in the report too: \(xml)")
    }

    /// With `--shard`, each shard warns and annotates about its own files only, and an annotation's title says
    /// warning or error as the diagnostic does.
    @Test func aShardSpeaksOfItsOwnFiles() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["a", "b"] {
            try folder.write(
                "specs/\(name).yaml",
                """
                name: \(name)
                identities: { deployer: { kind: environment } }
                identity: deployer
                tests:
                  - name: no version
                    request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}" }
                    expect: { status: [200, 400] }
                """)
        }
        var seen: [String] = []
        for shard in ["1/2", "2/2"] {
            let result = try await folder.run(["run", "--emulator", "specs", "--shard", shard, "--report", "github"])
            #expect(result.status == 0, "\(result.all)")
            let warned = ["a", "b"].filter { result.stderr.contains("specs/\($0).yaml:6:21: warning: this Resource Manager request") }
            let annotated = ["a", "b"].filter {
                result.stdout.contains("::warning file=specs/\($0).yaml,line=6,col=21,title=spec warning::")
            }
            #expect(warned.count == 1 && warned == annotated, "shard \(shard): \(result.all)")
            seen += warned
        }
        #expect(seen.sorted() == ["a", "b"], "each file in one shard")
    }

    /// The emulator configuration's errors show the offending line, unless it may hold a secret.
    @Test func configurationErrorsShowTheirLineButNoSecret() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "emulator.yaml",
            """
            tenants:
              - id: 11111111-2222-3333-4444-555555555555
                servicePrincipals:
                  - name: app
                    clientId: a0000000-0000-4000-8000-000000000001
                    objectId: not-a-guid
                    secrets:
                      - { value: hidden-secret-value, expires: someday }
            """)
        let result = try await folder.run(["emulator", "--config", "emulator.yaml", "--port", "0"])
        #expect(result.status == 2, "\(result.all)")
        #expect(result.stderr.contains("emulator.yaml:6:19: error: objectId 'not-a-guid' is not a GUID"), "\(result.stderr)")
        #expect(result.stderr.contains("6 |         objectId: not-a-guid"), "the line is shown: \(result.stderr)")
        #expect(result.stderr.contains("emulator.yaml:8:52: error: expires must be an ISO 8601 date"), "\(result.stderr)")
        #expect(!result.stderr.contains("hidden-secret-value") && !result.stderr.contains("8 |"), "\(result.stderr)")
    }
}
