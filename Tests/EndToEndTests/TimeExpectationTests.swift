import AzspecTesting
import Foundation
import Testing

/// `expect.time` and the duration grammar: the asserted response's own time, retries and their waits not counted,
/// said in the test's output; durations written as numbers or `800ms`, `1m30s` wherever a duration goes.
@Suite struct TimeExpectationTests {
    @Test(.timeLimit(.minutes(1))) func theResponsesOwnTimeIsHeldToItsBounds() async throws {
        try await FaultServer.withRunning { server in
            let run = try await BinaryRun(
                ["run", "specs", "-v"],
                files: [
                    "specs/time.yaml": """
                    name: time
                    tests:
                      - name: a retried request is timed by its last attempt
                        request: { url: "{{env.FAULT_URL}}/flaky?key=t&fail=1&hint=seconds", timeout: 1m }
                        retry: { within: 1m30s }
                        expect: { status: 200, time: { lt: 900ms } }
                      - name: a slow answer
                        request: { url: "{{env.FAULT_URL}}/slow", timeout: 30s }
                        expect: { status: 200, time: { le: 1.5s } }
                    """
                ], environment: ["FAULT_URL": server.baseURL])
            #expect(run.status == 1, "\(run.all)")
            let xml = try #require(run.junit)
            #expect(xml.contains(#"tests="2" failures="1""#), "\(xml)")
            #expect(run.stdout.contains("attempt 1 of 4: 429 Too Many Requests; waiting 1.0 s (Retry-After: 1)"), "\(run.stdout)")
            #expect(run.stdout.contains("(this response alone, expected < 900 ms)"), "the time is shown: \(run.stdout)")
            #expect(xml.contains("time: the response took 5"), "\(xml)")
            #expect(xml.contains(" s, not at most 1.5 s"), "\(xml)")
        }
    }

    @Test func durationsAreReadTheSameEverywhere() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/azspec.yaml", "timeout: 2m\n")
        try folder.write(
            "specs/d.yaml",
            """
            name: durations
            tests:
              - name: good
                request: { url: "https://management.azure.com/x", timeout: 1m30s, poll: { timeout: 1h } }
                retry: { within: 90 }
                expect: { time: { lt: 2s, ge: 0 } }
              - name: bad
                request: { url: "https://management.azure.com/x", timeout: 30s1m, poll: { timeout: 0.5 } }
                retry: { within: 11m }
                expect: { time: { lt: soon } }
              - name: empty
                request: { url: "https://management.azure.com/x" }
                expect: { time: {} }
            """)
        let result = try await folder.run(["validate", "specs"])
        #expect(result.status == 2, "\(result.all)")
        for message in [
            "specs/d.yaml:8:64: error: timeout must be a duration such as 30, 800ms, 1.5s or 2m, not '30s1m'",
            "specs/d.yaml:8:88: error: poll.timeout must be from 1 s to 2 h, not 0.5",
            "specs/d.yaml:9:22: error: retry.within must be from 0 ms to 10 min, not 11m",
            "specs/d.yaml:10:27: error: time.lt must be a duration such as 30, 800ms, 1.5s or 2m, not 'soon'",
            "specs/d.yaml:13:21: error: time needs a bound: lt, le, gt or ge",
        ] {
            #expect(result.stderr.contains(message), "\(message)\n\(result.stderr)")
        }
        #expect(result.stderr.contains("5 errors in 1 spec file"), "\(result.stderr)")
    }
}
