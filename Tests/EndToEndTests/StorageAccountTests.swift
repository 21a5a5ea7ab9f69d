import AzspecTesting
import Foundation
import Testing

/// Storage accounts in the emulator: an asynchronous create polled to its end, reads, keys only for those whose
/// role has listKeys (and never shown), and deletion.
@Suite struct StorageAccountTests {
    @Test(.timeLimit(.minutes(1))) func anAccountIsCreatedPolledKeyedAndDeleted() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = try String(contentsOfFile: AzspecProcess.packageRoot + "/specs/azspec.yaml", encoding: .utf8)
        try folder.write("specs/azspec.yaml", project)
        try folder.write(
            "specs/storage.yaml",
            """
            name: storage
            vars:
              account: "/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourceGroups/rg-smoke/providers/Microsoft.Storage/storageAccounts/st{{run.hex}}"
            identity: deployer
            tests:
              - name: create, asynchronously
                request:
                  method: PUT
                  url: "{{account}}"
                  query: { api-version: "2023-01-01" }
                  json: { location: westeurope, sku: { name: Standard_LRS }, kind: StorageV2 }
                  poll: true
                expect:
                  initialStatus: 202
                  status: 200
                  json: { $.type: Microsoft.Storage/storageAccounts, $.properties.provisioningState: Succeeded }
              - name: list the keys
                request: { method: POST, url: "{{account}}/listKeys", query: { api-version: "2023-01-01" } }
                expect: { status: 200, json: { "$.keys[*].keyName": [key1, key2] } }
              - name: a Reader may read the account
                identity: reader
                request: { url: "{{account}}", query: { api-version: "2023-01-01" } }
                expect: { status: 200 }
              - name: but not its keys
                identity: reader
                request: { method: POST, url: "{{account}}/listKeys", query: { api-version: "2023-01-01" } }
                expect: { denied: true }
              - name: a bad name
                request:
                  method: PUT
                  url: "/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourceGroups/rg-smoke/providers/Microsoft.Storage/storageAccounts/Not_Valid"
                  query: { api-version: "2023-01-01" }
                  json: { location: westeurope }
                expect: { status: 400, json: { $.error.code: AccountNameInvalid } }
              - name: delete
                always: true
                request: { method: DELETE, url: "{{account}}", query: { api-version: "2023-01-01" } }
                expect: { status: 200 }
              - name: gone
                request: { url: "{{account}}", query: { api-version: "2023-01-01" } }
                expect: { status: 404, json: { $.error.code: ResourceNotFound } }
            """)
        let result = try await folder.run(["run", "--emulator", "specs", "-v"])
        #expect(result.status == 0, "\(result.all)")
        let out = result.stdout
        #expect(out.contains("7 passed, 0 failed"), "\(out)")
        #expect(out.contains("poll 1: 202 (in progress)") && out.contains("poll 2: 200 (done)"), "\(out)")
        #expect(out.contains(#""keyName":"key1","value":"***""#), "the keys are masked in -v: \(out)")
        let xml = try #require(folder.read("reports/junit.xml"))
        #expect(xml.contains("tests=\"7\" failures=\"0\""), "\(xml)")
    }
}
