import AzspecTesting
import Foundation
import Testing

/// `paginate` and `poll` through the binary: ARM's nextLink and long-running operations as the emulator and a
/// misbehaving server answer them.
@Suite struct PagingAndPollingTests {
    func run(
        _ spec: String, emulator: Bool, environment: [String: String] = [:], config: String? = nil
    ) async throws -> (ProcessOutput, String) {
        var files = ["specs/t.yaml": spec]
        var arguments = ["run", "specs", "-v"]
        if emulator { arguments += ["--emulator"] }
        if let config {
            files["emulator.yaml"] = config
            arguments += ["--emulator-config", "emulator.yaml"]
        }
        let run = try await BinaryRun(arguments, files: files, environment: environment)
        return (run.output, try #require(run.junit))
    }

    @Test(.timeLimit(.minutes(1))) func pagesAreJoinedAndOperationsFollowedAgainstTheEmulator() async throws {
        let (result, xml) = try await run(
            """
            name: lro
            identity: true
            tests:
              - name: every group, a page each
                request:
                  url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups"
                  query: { api-version: "2021-04-01", $top: "1" }
                  paginate: true
                expect: { json: { "$.value[*].name": [rg-smoke, rg-shared], $.nextLink: { exists: false } } }
              - name: two pages at most
                request:
                  url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups"
                  query: { api-version: "2021-04-01", $top: "1" }
                  paginate: 1
              - name: delete and wait
                request:
                  method: DELETE
                  url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/rg-shared"
                  query: { api-version: "2021-04-01" }
                  poll: true
                expect: { initialStatus: 202, status: 200 }
              - name: it is gone
                request:
                  method: HEAD
                  url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/rg-shared"
                  query: { api-version: "2021-04-01" }
                expect: { status: 404 }
            """, emulator: true)
        let out = result.stdout
        #expect(out.contains("paginate: 2 pages, 2 items in all"), "\(out)")
        #expect(out.contains("paginate: more than 1 pages; raise paginate: N (up to 1000) to read further"), "\(out)")
        #expect(out.contains("poll 1: 202 (in progress)") && out.contains("poll 2: 200 (done)"), "\(out)")
        #expect(out.contains("3 passed, 1 failed"), "\(out)")
        #expect(xml.contains("type=\"PagingError\""), "\(xml)")
    }

    @Test(.timeLimit(.minutes(1))) func hostileLinksAndEndlessOperationsStopClearly() async throws {
        try await FaultServer.withRunning { server in
            let started = ContinuousClock.now
            let (result, _) = try await run(
                """
                name: hostile
                identities: { pat: { kind: token, variable: PAT, hosts: ["127.0.0.1:\(server.port)", "localhost:\(server.port)"] } }
                identity: pat
                tests:
                  - name: three pages
                    request: { url: "{{env.FAULT_URL}}/pages?n=1", paginate: true }
                    expect: { json: { $.value: [1, 2, 3] } }
                  - name: a loop
                    request: { url: "{{env.FAULT_URL}}/pages-loop", paginate: true }
                  - name: another host
                    request: { url: "{{env.FAULT_URL}}/pages-away", paginate: true }
                  - name: never done
                    request: { method: DELETE, url: "{{env.FAULT_URL}}/lro-forever", poll: { timeout: 1 } }
                  - name: an impossible Retry-After
                    request: { method: DELETE, url: "{{env.FAULT_URL}}/lro-huge", poll: { timeout: 1 } }
                  - name: failed
                    request: { method: PUT, url: "{{env.FAULT_URL}}/lro-async?state=Failed", json: {}, poll: true }
                  - name: a 200 needs no polling
                    request: { url: "{{env.FAULT_URL}}/pages?n=3", poll: true }
                    expect: { status: 200 }
                """, emulator: false,
                environment: ["FAULT_URL": server.baseURL, "PAT": "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzdWIiOiJwYWdlcyJ9.c2ln"])
            let out = result.stdout
            #expect(out.contains("✓ three pages"), "\(out)")
            #expect(out.contains("paginate: the nextLink of page 1 leads back to a page already read"), "\(out)")
            #expect(
                out.contains(
                    "paginate: the nextLink of page 1 leads to another origin (http://localhost:\(server.port)); nothing was sent there"),
                "\(out)")
            #expect(out.contains("poll: the operation did not finish within 1.0 s"), "\(out)")
            #expect(out.contains("poll: the operation ended Failed InternalError: It broke."), "\(out)")
            #expect(out.contains("poll: the first response (200) was already final; nothing to poll"), "\(out)")
            #expect(out.contains("poll: the operation did not finish within 1.0 s (0 polls"), "an impossible wait is no crash: \(out)")
            #expect(out.contains("2 passed, 5 failed"), "\(out)")
            #expect(
                server.targets.filter { $0 == "/pages?n=2" }.count == 1,
                "only 'three pages' read page 2; the link to localhost was not followed: \(server.targets)")
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }

    /// An operation can stay in progress for a time, not only for a number of polls.
    @Test(.timeLimit(.minutes(1))) func anOperationLastsTheSecondsItIsGiven() async throws {
        let (result, _) = try await run(
            """
            name: slow delete
            identities: { app: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000001, secret: app-secret-value } }
            identity: app
            tests:
              - name: delete and wait
                request:
                  method: DELETE
                  url: "/subscriptions/99999999-8888-7777-6666-555555555555/resourcegroups/rg-slow"
                  query: { api-version: "2021-04-01" }
                  poll: true
                expect: { initialStatus: 202, status: 200 }
            """, emulator: true,
            config: """
                operations: { polls: 0, seconds: 1.5, retryAfter: 1 }
                tenants:
                  - id: 11111111-2222-3333-4444-555555555555
                    servicePrincipals:
                      - { name: app, clientId: a0000000-0000-4000-8000-000000000001, objectId: b0000000-0000-4000-8000-000000000001, secrets: [app-secret-value] }
                    subscriptions:
                      - { id: 99999999-8888-7777-6666-555555555555, resourceGroups: [ { name: rg-slow, location: westeurope } ] }
                    roleAssignments:
                      - { principal: app, role: Contributor, scope: /subscriptions/99999999-8888-7777-6666-555555555555 }
                """)
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains("poll 1: 202 (in progress)") && result.stdout.contains("poll 2: 200 (done)"), "\(result.stdout)")
    }

    @Test func badUsesAreRefused() async throws {
        let result = try await BinaryRun(
            ["validate", "specs"],
            files: [
                "specs/bad.yaml": """
                name: bad
                tests:
                  - name: t
                    request: { url: "https://example.invalid", paginate: 0, poll: { timeout: 1e6 } }
                  - name: u
                    request: { url: "https://example.invalid" }
                    expect: { initialStatus: 202 }
                  - name: v
                    request: { method: POST, url: "https://example.invalid", paginate: true }
                """
            ])
        #expect(result.status == 2, "\(result.all)")
        let err = result.stderr
        #expect(err.contains("paginate (true, or the most pages to read) must be from 1 to 1000, not 0"), "\(err)")
        #expect(err.contains("poll.timeout must be from 1 s to 2 h, not 1e6"), "\(err)")
        #expect(err.contains("paginate follows nextLink of a list, which is a GET; this request is a POST"), "\(err)")
        #expect(err.contains("specs/bad.yaml:7:30: error: initialStatus checks the first response of a polled request"), "\(err)")
    }
}
