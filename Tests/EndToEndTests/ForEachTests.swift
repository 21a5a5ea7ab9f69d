import AzspecTesting
import Foundation
import Testing

/// `forEach:` against the emulator: lists written out, held by a variable or captured, each repetition its own case
/// in the report, captures gathered per repetition, `--filter` on a repetition, and the bounds.
@Suite struct ForEachTests {
    static let spec = """
        name: loops
        vars:
          groups: [rg-smoke, rg-shared, rg-nowhere]
        tests:
          - name: read
            forEach: "{{groups}}"
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/{{item}}?api-version=2021-04-01", headers: { Authorization: "Bearer {{token}}" } }
            expect: { status: 200 }
            capture: { location: $.location }
          - name: uses the locations
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups?api-version=2021-04-01&x={{location}}", headers: { Authorization: "Bearer {{token}}" } }
          - name: list
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups?api-version=2021-04-01", headers: { Authorization: "Bearer {{token}}" } }
            capture: { names: "$.value[*].name", locations: "$.value[*].location" }
          - name: "{{group}} is named {{group}}"
            forEach: { in: "{{names}}", as: group }
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/{{group}}?api-version=2021-04-01", headers: { Authorization: "Bearer {{token}}" } }
            expect: { json: { $.name: "{{group}}" } }
            capture: { id: $.id }
          - name: gathered
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups?api-version=2021-04-01", headers: { Authorization: "Bearer {{token}}" } }
            expect: { json: { "$.value[*].id": "{{id}}" } }
          - name: where
            forEach: [{ name: rg-smoke, location: westeurope }, { name: rg-shared, location: northeurope }]
            request: { url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/{{item.name}}?api-version=2021-04-01", headers: { Authorization: "Bearer {{token}}" } }
            expect: { json: { $.location: "{{item.location}}" } }
          - name: not a list
            forEach: "{{env.AZURE_TENANT_ID}}"
            request: { url: "{{cloud.arm}}/x" }

        """

    static let token = """
          - name: token
            request:
              method: POST
              url: "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/token"
              form: { grant_type: client_credentials, client_id: "{{env.AZURE_CLIENT_ID}}", client_secret: "{{env.AZURE_CLIENT_SECRET}}", resource: "{{cloud.arm}}/" }
            capture: { token: $.access_token }

        """

    /// The spec with the token test first.
    static var files: [String: String] {
        ["specs/loops.yaml": spec.replacingOccurrences(of: "tests:\n", with: "tests:\n" + token)]
    }

    @Test func eachRepetitionIsACaseAndCapturesGather() async throws {
        let run = try await BinaryRun(["run", "--emulator", "specs"], files: Self.files)
        #expect(run.status == 1, "\(run.all)")
        let xml = try #require(run.junit)
        for name in [
            "read [rg-smoke]", "read [rg-shared]", "read [rg-nowhere]", "rg-smoke is named rg-smoke", "rg-shared is named rg-shared",
            "where [rg-smoke]", "where [rg-shared]", "not a list",
        ] {
            #expect(xml.contains("testcase name=\"\(name)\""), "\(name)\n\(xml)")
        }
        #expect(xml.contains(#"tests="12" failures="1" errors="1" skipped="1""#), "\(xml)")
        #expect(xml.contains("needs 'location', captured by 'read', which did not pass"), "\(xml)")
        #expect(xml.contains("forEach: {{env.AZURE_TENANT_ID}} does not hold a list"), "\(xml)")
        #expect(!xml.contains("testcase name=\"gathered\"><failure"), "the ids of both repetitions are gathered: \(xml)")
    }

    @Test func aFilterCanNameRepetitions() async throws {
        let run = try await BinaryRun(["run", "--emulator", "specs", "--filter", "where*shared*"], files: Self.files)
        #expect(run.status == 0, "\(run.all)")
        let xml = try #require(run.junit)
        #expect(xml.contains("testcase name=\"where [rg-shared]\""), "\(xml)")
        #expect(!xml.contains("where [rg-smoke]"), "\(xml)")
        #expect(xml.contains("testcase name=\"token\""), "the token test comes along for what it captures: \(xml)")
    }

    @Test func listsAreBounded() async throws {
        let items = (0...1000).map { "i\($0)" }.joined(separator: ", ")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/big.yaml",
            """
            name: big
            tests:
              - name: too many
                forEach: [\(items)]
                request: { url: "https://management.azure.com/{{item}}" }
              - name: none
                forEach: []
                request: { url: "https://management.azure.com/" }
              - name: a word
                forEach: westeurope
                request: { url: "https://management.azure.com/" }
              - name: a bad name
                forEach: { in: [a], as: env }
                request: { url: "https://management.azure.com/" }
            """)
        let result = try await folder.run(["validate", "specs"])
        #expect(result.status == 2, "\(result.all)")
        for message in [
            "specs/big.yaml:4:14: error: forEach lists 1001 items; at most 1000 are allowed",
            "specs/big.yaml:7:14: error: forEach needs at least one item",
            "specs/big.yaml:10:14: error: forEach takes a list, or one placeholder holding a list such as \"{{regions}}\"",
            "specs/big.yaml:13:29: error: forEach.as must be a variable name",
        ] {
            #expect(result.stderr.contains(message), "\(message)\n\(result.stderr)")
        }
    }
}
