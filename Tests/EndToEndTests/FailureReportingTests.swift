import AzspecEmulator
import AzspecTesting
import Foundation
import Testing

/// Specs that fail on purpose: what the console, the exit code and the JUnit report say.
@Suite(.serialized) struct FailureReportingTests {
    static let tokenTest = """
          - name: token
            request:
              method: POST
              url: "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/v2.0/token"
              form:
                grant_type: client_credentials
                client_id: "{{env.AZURE_CLIENT_ID}}"
                client_secret: "{{env.AZURE_CLIENT_SECRET}}"
                scope: "{{cloud.arm}}/.default"
            expect: { status: 200 }
            capture: { token: $.access_token }

        """

    @Test func assertionFailuresCarryExpectedActualAndAzureRequestIDs() async throws {
        let result = try await BinaryRun(
            ["run", "--emulator", "specs"],
            files: [
                "specs/failing.yaml": """
                name: failing on purpose
                tests:
                \(Self.tokenTest)
                  - name: wrong expectations
                    request:
                      url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups"
                      query: { api-version: "2021-04-01" }
                      headers: { Authorization: "Bearer {{token}}" }
                    expect:
                      status: 201
                      json:
                        $.value[*].name: { contains: rg-missing }
                        $.nextLink: { exists: true }
                  - name: still runs after a failure
                    request:
                      url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}"
                      query: { api-version: "2022-12-01" }
                      headers: { Authorization: "Bearer {{token}}" }
                    expect: { status: 200 }
                """
            ])
        #expect(result.status == 1, "\(result.all)")
        #expect(result.stdout.contains("✗ wrong expectations"))
        #expect(result.stdout.contains("status: expected 201, got 200"))
        #expect(result.stdout.contains("$.value[*].name: expected [\"rg-smoke\",\"rg-shared\"] to contain \"rg-missing\""))
        #expect(result.stdout.contains("$.nextLink: expected a value, found none"))
        #expect(result.stdout.contains("2 passed, 1 failed"))
        let xml = try #require(result.junit)
        // The one-line message itself carries what Azure support asks for: request ids and rate-limit counters.
        #expect(
            xml.contains("<failure message=\"status: expected 201, got 200 (and 2 more) [x-ms-request-id: "),
            "\(xml)")
        #expect(xml.contains("; x-ms-ratelimit-remaining-subscription-reads: "), "\(xml)")
        #expect(xml.contains("request: GET http://127.0.0.1:"))
        #expect(xml.contains("x-ms-request-id: "))
        #expect(xml.contains("x-ms-correlation-request-id: "))
        #expect(xml.contains("failures=\"1\""))
        #expect(!xml.contains("eyJ"))
    }

    @Test func testsThatNeedAFailedCaptureAreSkippedWithTheReason() async throws {
        let result = try await BinaryRun(
            ["run", "--emulator", "specs"],
            files: [
                "specs/skips.yaml": """
                name: dependent tests
                tests:
                  - name: token with a wrong secret
                    request:
                      method: POST
                      url: "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/v2.0/token"
                      form: { grant_type: client_credentials, client_id: "{{env.AZURE_CLIENT_ID}}", client_secret: wrong, scope: "{{cloud.arm}}/.default" }
                    expect: { status: 200 }
                    capture: { token: $.access_token }
                  - name: uses the token
                    request:
                      url: "{{cloud.arm}}/subscriptions"
                      query: { api-version: "2022-12-01" }
                      headers: { Authorization: "Bearer {{token}}" }
                    expect: { status: 200 }
                """
            ])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains("○ uses the token  skipped: needs 'token', captured by 'token with a wrong secret', which did not pass"))
        #expect(result.stdout.contains("0 passed, 1 failed, 1 skipped"))
        let xml = try #require(result.junit)
        #expect(xml.contains("skipped=\"1\""))
        #expect(xml.contains("needs 'token', captured by 'token with a wrong secret', which did not pass"), "\(xml)")
    }

    @Test func anInvalidSpecSendsNothingAndExitsTwo() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/a-valid.yaml",
            """
            name: valid
            tests:
            \(Self.tokenTest)
            """)
        try folder.write(
            "specs/b-broken.yaml",
            """
            name: broken
            tests:
              - name: typo
                request:
                  url: "{{cloud.arm}}/x/{{tokn}}"
                  methd: GET
                expect:
                  json: { "$[": 1 }
            """)
        try await Emulator.withRunning { endpoint in
            var environment = endpoint.environment
            environment["AZURE_AUTHORITY_HOST"] = endpoint.baseURL
            environment["AZURE_RESOURCE_MANAGER_ENDPOINT"] = endpoint.baseURL
            let result = try await folder.run(["run", "specs"], environment: environment)
            #expect(result.status == 2, "\(result.all)")
            #expect(
                result.stderr.contains("specs/b-broken.yaml:6:7: error: unknown key 'methd' in request (did you mean 'method'?)"),
                "\(result.stderr)")
            #expect(result.stderr.contains("specs/b-broken.yaml:5:29: error: undefined variable 'tokn'"))
            #expect(result.stderr.contains("specs/b-broken.yaml:8:"))
            #expect(await endpoint.tokenRequestCount() == 0, "nothing may be sent while a spec is invalid")
            let xml = try #require(folder.read("reports/junit.xml"))
            #expect(xml.contains("<error message=\"specs/b-broken.yaml:"))
            #expect(xml.contains("type=\"InvalidSpec\""))
            #expect(xml.contains("not run: other spec files are invalid"))
        }
    }

    @Test func usageErrorsAnUnwritableReportAndAMissingPathExitTwo() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let usage = try await folder.run(["run", "--no-such-flag"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--no-such-flag"))
        try folder.write("specs/x.yaml", "name: x\ntests:\n  - { name: t, request: { url: 'http://127.0.0.1:9/' } }\n")
        try folder.write("blocker", "a file where the report folder should be")
        let blocked = try await folder.run(["run", "specs", "--junit", "blocker/junit.xml"])
        #expect(blocked.status == 2, "\(blocked.all)")
        #expect(blocked.stderr.contains("cannot write the report to blocker/junit.xml"))
        // A path that does not exist (or a mistyped command) writes no report: nothing ran.
        try FileManager.default.removeItem(atPath: folder.path + "/reports")
        let missing = try await folder.run(["run", "nowhere"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or folder: nowhere"))
        #expect(folder.read("reports/junit.xml") == nil)
        let command = try await folder.run(["lst"])
        #expect(command.status == 2)
        #expect(command.stderr.contains("no such file or folder: lst (did you mean the command 'list'?)"), "\(command.all)")
        #expect(folder.read("reports/junit.xml") == nil)
    }
}
