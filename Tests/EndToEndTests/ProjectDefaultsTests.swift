import AzspecTesting
import Foundation
import Testing

/// azspec.yaml's request defaults: an api-version (per provider too), headers and a timeout, and paths relative to
/// the cloud's Resource Manager.
@Suite struct ProjectDefaultsTests {
    @Test func defaultsFillWhatARequestLeavesOut() async throws {
        let result = try await BinaryRun(
            ["run", "--emulator", "specs", "-v"],
            files: [
                "specs/azspec.yaml": """
                apiVersion: "2021-04-01"
                apiVersions: { Microsoft.Authorization: "2022-04-01" }
                headers: { x-ms-client-request-id: "azspec-{{run.hex}}", Accept-Language: en-US }
                timeout: 20
                """,
                "specs/t.yaml": """
                name: defaults
                identity: true
                tests:
                  - name: a relative path gets the ARM host and the default api-version
                    request: { url: "/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups" }
                    expect: { status: 200 }
                  - name: a provider gets its own
                    request: { url: "/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/providers/Microsoft.Authorization/permissions" }
                    expect: { status: 200 }
                  - name: the request's own api-version and header win
                    request:
                      url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}"
                      query: { api-version: "2022-12-01" }
                      headers: { Accept-Language: de-DE }
                    expect: { status: 200 }
                """,
            ])
        #expect(result.status == 0, "\(result.all)")
        let out = result.stdout
        #expect(out.contains("/resourcegroups?api-version=2021-04-01\n"), "\(out)")
        #expect(out.contains("/providers/Microsoft.Authorization/permissions?api-version=2022-04-01\n"), "\(out)")
        #expect(out.contains("?api-version=2022-12-01\n"), "\(out)")
        #expect(!out.contains("api-version=2022-12-01&api-version"), "\(out)")
        #expect(out.contains("> Accept-Language: en-US") && out.contains("> Accept-Language: de-DE"), "\(out)")
        #expect(out.contains("> x-ms-client-request-id: azspec-"), "\(out)")
    }

    @Test func aMissingApiVersionIsWarnedAndABadDefaultRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/t.yaml",
            """
            name: no version
            tests:
              - name: t
                request: { url: "{{cloud.arm}}/subscriptions/x/resourcegroups" }
            """)
        let warned = try await folder.run(["validate", "specs"])
        #expect(warned.status == 0, "a warning, not an error: \(warned.all)")
        #expect(
            warned.stderr.contains("specs/t.yaml:4:21: warning: this Resource Manager request names no api-version"),
            "\(warned.stderr)")
        // A test whose point is ARM's refusal is not warned about.
        try folder.write(
            "specs/t.yaml",
            """
            name: no version
            tests:
              - name: t
                request: { url: "{{cloud.arm}}/subscriptions/x/resourcegroups" }
                expect: { status: 400, json: { $.error.code: MissingApiVersionParameter } }
            """)
        let quiet = try await folder.run(["validate", "specs"])
        #expect(quiet.status == 0, "\(quiet.all)")
        #expect(!quiet.all.contains("warning"), "\(quiet.all)")
        try folder.write("specs/azspec.yaml", "apiVersion: latest\ntimeout: 0\n")
        let refused = try await folder.run(["validate", "specs"])
        #expect(refused.status == 2, "\(refused.all)")
        #expect(
            refused.stderr.contains("specs/azspec.yaml:1:13: error: apiVersion must be an ARM api-version such as 2021-04-01"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("specs/azspec.yaml:2:10: error: timeout must be from 1 ms to 1 h, not 0"), "\(refused.stderr)")
    }
}
