import AzspecTesting
import Foundation
import Testing

/// Servers that misbehave: each fault fails its own test with a clear message, the run goes on and
/// the report stays well-formed.
@Suite(.serialized) struct ServerFaultTests {
    @Test func eachFaultFailsOnlyItsTest() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/faults.yaml",
            """
            name: server faults
            vars:
              base: "{{env.FAULT_URL}}"
            tests:
              - name: connection refused
                request: { url: "{{env.CLOSED_URL}}/x" }
                expect: { status: 200 }
              - name: timeout
                request: { url: "{{base}}/slow", timeout: 0.5 }
                expect: { status: 200 }
              - name: reset mid-body
                request: { url: "{{base}}/reset" }
                expect: { status: 200 }
              - name: html where JSON is asserted
                request: { url: "{{base}}/html" }
                expect: { status: 200, json: { $.value: { exists: true } } }
              - name: five megabyte body
                request: { url: "{{base}}/big" }
                expect: { status: 200, json: { $.last: end, $.value: { length: 5000 } } }
              - name: invalid UTF-8
                request: { url: "{{base}}/invalid-utf8" }
                expect: { status: 200, json: { $.name: x } }
              - name: hostile error body
                request: { url: "{{base}}/hostile" }
                expect: { status: 200 }
              - name: still running at the end
                request: { url: "{{base}}/echo", method: POST, json: { n: 1 } }
                expect: { status: 200, json: { $.method: POST, "$.headers['content-type']": application/json } }
            """)
        let closedPort = try await FaultServer.closedPort()
        try await FaultServer.withRunning { server in
            let result = try await folder.run(
                ["run", "specs", "--jobs", "1"],
                environment: ["FAULT_URL": server.baseURL, "CLOSED_URL": "http://127.0.0.1:\(closedPort)"])
            #expect(result.status == 1, "\(result.all)")
            let out = result.stdout
            #expect(out.contains("connection refused by 127.0.0.1:\(closedPort)"), "\(out)")
            #expect(out.contains("timed out after 0.5 s"), "\(out)")
            #expect(out.contains("127.0.0.1:\(server.port) closed the connection before the response was complete"), "\(out)")
            #expect(out.contains("the response body is not JSON"), "\(out)")
            #expect(out.contains("✓ five megabyte body"), "\(out)")
            #expect(out.contains("the response body is not JSON (line 1, column 10: invalid UTF-8 byte 0xFF at byte offset 9)"), "\(out)")
            #expect(out.contains("status: expected 200, got 500"))
            #expect(out.contains("✓ still running at the end"))
            #expect(out.contains("2 passed, 6 failed"), "\(out)")
            let xml = try #require(folder.read("reports/junit.xml"))
            #expect(!xml.contains("\u{1B}"), "ANSI escapes must not reach the report")
            #expect(!xml.contains("\u{0}"))
            #expect(xml.contains("errors=\"5\""), "\(xml)")
            #expect(xml.contains("failures=\"1\""), "\(xml)")
        }
    }

    @Test(.enabled(if: XMLLint.executable != nil, "needs xmllint (apt-get install libxml2-utils)"))
    func theFaultReportIsWellFormedXML() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/hostile.yaml", HostileInputTests.hostileSpec)
        try await FaultServer.withRunning { server in
            try folder.write(
                "specs/hostile.yaml",
                (folder.read("specs/hostile.yaml") ?? "").replacingOccurrences(of: "FAULT_PORT", with: "\(server.port)"))
            let result = try await folder.run(
                ["run", "specs", "--jobs", "1", "--junit-strict"],
                environment: [
                    "FAULT_URL": server.baseURL, "HOSTILE_TOKEN": "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzdWIiOiJob3N0aWxlIn0.c2ln",
                ])
            #expect(result.status == 1, "\(result.all)")
            let verdict = try XMLLint.checkWellFormed(try #require(folder.read("reports/junit.xml")))
            #expect(verdict.isValid, "\(verdict)")
        }
    }
}
