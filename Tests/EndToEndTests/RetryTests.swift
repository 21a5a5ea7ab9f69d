import AzspecTesting
import Foundation
import Testing

/// Retries as the Azure SDKs do them, through the binary against a server that throttles on purpose: every
/// attempt in `-v` and in the report, the delay the server asked for honoured, the budget never exceeded.
@Suite struct RetryTests {
    func run(_ spec: String, project: String? = nil, server: FaultServer) async throws -> (ProcessOutput, String) {
        var files = ["specs/retry.yaml": spec]
        files["specs/azspec.yaml"] = project
        let run = try await BinaryRun(["run", "specs", "-v"], files: files, environment: ["FAULT_URL": server.baseURL])
        return (run.output, try #require(run.junit))
    }

    @Test(.timeLimit(.minutes(1))) func throttledRequestsRecoverAndSayHowManyAttemptsTheyNeeded() async throws {
        try await FaultServer.withRunning { server in
            let started = ContinuousClock.now
            let (result, xml) = try await run(
                """
                name: retries
                tests:
                  - name: two 429s, then 200
                    request: { url: "{{env.FAULT_URL}}/flaky?key=a&fail=2&hint=ms" }
                    expect: { status: 200, json: { $.attempts: 3 } }
                  - name: a 503 that names an HTTP date
                    request: { url: "{{env.FAULT_URL}}/flaky?key=b&fail=1&status=503&hint=date" }
                    expect: { status: 200 }
                  - name: a 504 without a delay backs off
                    request: { url: "{{env.FAULT_URL}}/flaky?key=c&fail=1&status=504" }
                    expect: { status: 200 }
                """, server: server)
            #expect(result.status == 0, "\(result.all)")
            let out = result.stdout
            #expect(out.contains("attempt 1 of 4: 429 Too Many Requests; waiting 0.1 s (x-ms-retry-after-ms: 50)"), "\(out)")
            #expect(out.contains("attempt 2 of 4: 429 Too Many Requests; waiting 0.1 s (x-ms-retry-after-ms: 50)"), "\(out)")
            #expect(out.contains("attempt 3 of 4: 200 OK (recovered)"), "\(out)")
            #expect(out.contains("attempt 1 of 4: 503 Service Unavailable; waiting"), "\(out)")
            #expect(out.contains("(Retry-After: "), "\(out)")
            #expect(out.contains("attempt 1 of 4: 504 Gateway Timeout; waiting"), "\(out)")
            #expect(out.contains("(exponential back-off)"), "\(out)")
            #expect(xml.contains("attempt 3 of 4: 200 OK (recovered)"), "the report says it too: \(xml)")
            #expect(server.requests(forKey: "a") == 3 && server.requests(forKey: "b") == 2 && server.requests(forKey: "c") == 2)
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }

    @Test(.timeLimit(.minutes(1))) func policiesBoundWhatIsRetried() async throws {
        try await FaultServer.withRunning { server in
            let started = ContinuousClock.now
            let (result, xml) = try await run(
                """
                name: retries
                retry: { retries: 2 }
                tests:
                  - name: retry false asserts the 429 itself
                    retry: false
                    request: { url: "{{env.FAULT_URL}}/flaky?key=off&fail=5&hint=ms" }
                    expect: { status: 429 }
                  - name: the suite allows two retries
                    request: { url: "{{env.FAULT_URL}}/flaky?key=suite&fail=5&status=503&hint=ms" }
                    expect: { status: 200 }
                  - name: a day is beyond the budget
                    request: { url: "{{env.FAULT_URL}}/flaky?key=day&fail=5&hint=day" }
                    expect: { status: 200 }
                """, server: server)
            #expect(result.status == 1, "\(result.all)")
            let out = result.stdout
            #expect(server.requests(forKey: "off") == 1, "retry: false sends once")
            #expect(server.requests(forKey: "suite") == 3, "the suite's two retries")
            #expect(out.contains("attempt 3 of 3: 503 Service Unavailable (no retries left)"), "\(out)")
            #expect(out.contains("status: expected 200, got 503 SubscriptionRequestsThrottled"), "\(out)")
            #expect(server.requests(forKey: "day") == 1)
            #expect(
                out.contains(
                    "attempt 1 of 3: 429 Too Many Requests; the server asked to wait 86400 s (Retry-After: 86400), beyond the retry budget of 60 s in all: not retried"
                ), "\(out)")
            #expect(out.contains("1 passed, 2 failed"), "\(out)")
            #expect(xml.contains("no retries left"), "\(xml)")
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }

    /// A connection closed mid-response is tried again for an idempotent method, never for a POST.
    @Test(.timeLimit(.minutes(1))) func aResetIsRetriedForIdempotentMethodsOnly() async throws {
        try await FaultServer.withRunning { server in
            let (result, _) = try await run(
                """
                name: resets
                retry: { retries: 1 }
                tests:
                  - name: a GET is tried again
                    request: { url: "{{env.FAULT_URL}}/reset" }
                  - name: a POST is not
                    request: { method: POST, url: "{{env.FAULT_URL}}/reset", json: {} }
                """, server: server)
            #expect(result.status == 1, "\(result.all)")
            let out = result.stdout
            let closed = "127.0.0.1:\(server.port) closed the connection before the response was complete"
            #expect(out.contains("attempt 1 of 2: \(closed); retrying in"), "\(out)")
            #expect(out.contains("attempt 2 of 2: \(closed)"), "\(out)")
            #expect(server.targets.filter { $0 == "/reset" }.count == 3, "GET twice, POST once: \(server.targets)")
        }
    }

    @Test func theProjectFileSetsTheDefault() async throws {
        try await FaultServer.withRunning { server in
            let (result, _) = try await run(
                """
                name: retries
                tests:
                  - name: one retry from azspec.yaml
                    request: { url: "{{env.FAULT_URL}}/flaky?key=p&fail=5&hint=ms" }
                    expect: { status: 429 }
                """, project: "retry: { retries: 1, within: 5 }\n", server: server)
            #expect(result.status == 0, "\(result.all)")
            #expect(server.requests(forKey: "p") == 2)
            #expect(result.stdout.contains("attempt 2 of 2: 429 Too Many Requests (no retries left)"), "\(result.stdout)")
        }
    }

    @Test func badPoliciesAreRefused() async throws {
        let result = try await BinaryRun(
            ["validate", "specs"],
            files: [
                "specs/bad.yaml": """
                name: bad
                retry: { retries: 99, within: 1e9, forever: true }
                tests:
                  - name: t
                    retry: maybe
                    request: { url: "https://example.invalid" }
                """
            ])
        #expect(result.status == 2, "\(result.all)")
        #expect(result.stderr.contains("specs/bad.yaml:2:19: error: retry.retries must be from 0 to 10, not 99"), "\(result.stderr)")
        #expect(
            result.stderr.contains("specs/bad.yaml:2:31: error: retry.within must be from 0 ms to 10 min, not 1e9"), "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "specs/bad.yaml:2:36: error: unknown key 'forever' in the suite's retry; expected one of: retries, within"),
            "\(result.stderr)")
        #expect(result.stderr.contains("specs/bad.yaml:5:12: error: a test's retry must be true or false"), "\(result.stderr)")
    }

    /// The emulator's throttling rules answer 429 as ARM does; the run recovers with the Retry-After it names.
    @Test(.timeLimit(.minutes(1))) func theEmulatorThrottlesOnPurposeAndTheRunRecovers() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let config = try folder.write(
            "emulator.yaml",
            Self.configuration(
                throttling: "throttling:\n  - { path: /subscriptions/*/resourcegroups, times: 2, retryAfter: 1, method: GET }"))
        try folder.write(
            "specs/azspec.yaml",
            "identities:\n  app: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000001, secret: app-secret-value }\n"
        )
        try folder.write(
            "specs/t.yaml",
            """
            name: throttled
            identity: app
            tests:
              - name: two 429s, then the list
                request: { url: "/subscriptions/99999999-8888-7777-6666-555555555555/resourcegroups", query: { api-version: "2021-04-01" } }
                expect: { status: 200 }
              - name: the rule is spent
                retry: false
                request: { url: "/subscriptions/99999999-8888-7777-6666-555555555555/resourcegroups", query: { api-version: "2021-04-01" } }
                expect: { status: 200 }
            """)
        let result = try await folder.run(
            ["run", "--emulator", "--emulator-config", config, "specs", "-v"])
        #expect(result.status == 0, "\(result.all)")
        let out = result.stdout
        #expect(out.contains("attempt 1 of 4: 429 Too Many Requests; waiting 1.0 s (Retry-After: 1)"), "\(out)")
        #expect(out.contains("attempt 3 of 4: 200 OK (recovered)"), "\(out)")
    }

    /// An emulator with ARM's read bucket of this size, one tenant and one Reader principal `app`.
    static func bucketConfiguration(burst: Int, refill: Int) -> String {
        configuration(throttling: "tokenBucket: { reads: { burst: \(burst), refill: \(refill) } }")
    }

    /// One tenant with one Reader principal `app` on one subscription, after `throttling` (a rule or a bucket).
    static func configuration(throttling: String) -> String {
        throttling + "\n" + """
            tenants:
              - id: 11111111-2222-3333-4444-555555555555
                servicePrincipals:
                  - { name: app, clientId: a0000000-0000-4000-8000-000000000001, objectId: b0000000-0000-4000-8000-000000000001, secrets: [app-secret-value] }
                subscriptions: [ { id: 99999999-8888-7777-6666-555555555555 } ]
                roleAssignments:
                  - { principal: app, role: Reader, scope: /subscriptions/99999999-8888-7777-6666-555555555555 }
            """
    }

    /// ARM's token bucket in the emulator: a burst of 2 reads refilling 1 a second per subscription and principal.
    /// The third read in a row is throttled with the wait it needs; a retry that honours it gets through.
    @Test(.timeLimit(.minutes(1))) func theEmulatorsTokenBucketThrottlesBurstsAndRefills() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let config = try folder.write("emulator.yaml", Self.bucketConfiguration(burst: 2, refill: 1))
        try folder.write(
            "specs/azspec.yaml",
            "identities:\n  app: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000001, secret: app-secret-value }\napiVersion: \"2021-04-01\"\n"
                + "rateLimit: false   # to see ARM throttle, azspec must not slow down before the bucket is empty\n"
        )
        try folder.write(
            "specs/t.yaml",
            """
            name: bucket
            identity: app
            tests:
              - name: one
                request: { url: "/subscriptions/99999999-8888-7777-6666-555555555555/resourcegroups" }
              - name: two
                request: { url: "/subscriptions/99999999-8888-7777-6666-555555555555/resourcegroups" }
              - name: three is throttled
                retry: false
                request: { url: "/subscriptions/99999999-8888-7777-6666-555555555555/resourcegroups" }
                expect: { status: 429, json: { $.error.code: SubscriptionRequestsThrottled }, headers: { Retry-After: "1" } }
              - name: four waits for the refill
                request: { url: "/subscriptions/99999999-8888-7777-6666-555555555555/resourcegroups" }
                expect: { status: 200 }
            """)
        let result = try await folder.run(["run", "--emulator", "--emulator-config", config, "specs", "-v"])
        #expect(result.status == 0, "\(result.all)")
        let out = result.stdout
        #expect(out.contains("actor 'b0000000-0000-4000-8000-000000000001' exceeded. Please try again after '1' seconds."), "\(out)")
        #expect(out.contains("attempt 1 of 4: 429 Too Many Requests; waiting 1.0 s (Retry-After: 1)"), "\(out)")
        #expect(out.contains("4 passed, 0 failed"), "\(out)")
        // The rate-limit header reports the bucket: 1 left after the first read, 0 after the second.
        let levels = out.split(separator: "\n").filter { $0.contains("< x-ms-ratelimit-remaining-subscription-reads: ") }
            .map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(Array(levels.prefix(3)) == ["1", "0", "0"], "\(levels)")
    }

    /// The same bucket with azspec's rate limit on: 8 files side by side send 48 reads for one principal against a
    /// bucket of 10 refilling 10 a second, retries off, and ARM never has to say 429.
    @Test(.timeLimit(.minutes(1))) func theRateLimitKeepsManyJobsOutOfARMsBucket() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let config = try folder.write("emulator.yaml", Self.bucketConfiguration(burst: 10, refill: 10))
        func project(_ rateLimit: String) throws {
            try folder.write(
                "specs/azspec.yaml",
                "identities:\n  app: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000001, secret: app-secret-value }\n"
                    + "apiVersion: \"2021-04-01\"\nretry: false\nrateLimit: \(rateLimit)\n")
        }
        for file in 1...8 {
            let tests = (1...6).map {
                "  - { name: read \($0), request: { url: \"/subscriptions/99999999-8888-7777-6666-555555555555/resourcegroups\" }, expect: { status: 200 } }"
            }
            try folder.write("specs/f\(file).yaml", "name: file \(file)\nidentity: app\ntests:\n" + tests.joined(separator: "\n") + "\n")
        }
        // A margin of 3 leaves room for a loaded machine's scheduling, which can deliver a request late or early.
        try project("{ reads: { burst: 10, refill: 10 }, margin: 3 }")
        let polite = try await folder.run(
            ["run", "--emulator", "--emulator-config", config, "specs", "--jobs", "8", "-v"])
        #expect(polite.status == 0, "\(polite.all)")
        #expect(polite.stdout.contains("48 passed, 0 failed"), "\(polite.stdout)")
        #expect(!polite.stdout.contains("429 Too Many Requests"), "ARM never had to throttle: \(polite.stdout)")
        #expect(polite.stdout.contains("rate limit: waiting"), "the waits are in -v and the report")
        // Without it, the same run is throttled: the limiter is what kept it out.
        try project("false")
        let rude = try await folder.run(["run", "--emulator", "--emulator-config", config, "specs", "--jobs", "8"])
        #expect(rude.status == 1)
        #expect(rude.stdout.contains("status: expected 200, got 429 SubscriptionRequestsThrottled"), "\(rude.stdout)")
    }
}
