import AzspecTesting
import Foundation
import Testing

/// SIGINT and SIGTERM still leave a report behind, with unfinished tests skipped, and exit 130.
@Suite(.serialized) struct InterruptTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedRunsWriteTheirReport(signal: Int32) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/slow.yaml",
            """
            name: slow
            tests:
              - name: quick
                request: { url: "{{env.FAULT_URL}}/echo" }
                expect: { status: 200 }
              - name: slow
                request: { url: "{{env.FAULT_URL}}/silence" }
                expect: { status: 200 }
              - name: never reached
                request: { url: "{{env.FAULT_URL}}/echo" }
                expect: { status: 200 }
            """)
        try await FaultServer.withRunning { server in
            let output = folder.path + "/stdout.txt"
            let process = try AzspecProcess.start(
                ["run", "specs"], in: folder.path, environment: ["FAULT_URL": server.baseURL], outputFile: output)
            // The first test has finished, so the run is under way and the second one waits for /silence, which never
            // answers: however late the signal comes, it finds the run waiting.
            #expect(try await AzspecProcess.waitFor("quick", in: output), "the run did not start")
            kill(process.processIdentifier, signal)
            try await AzspecProcess.exit(of: process)
            #expect(process.terminationStatus == 130, "\(folder.read("stdout.txt") ?? "")")
            let xml = try #require(folder.read("reports/junit.xml"))
            #expect(xml.contains("tests=\"3\""), "\(xml)")
            #expect(xml.contains("skipped=\"2\""), "\(xml)")
            #expect(xml.contains("interrupted"))
        }
    }

    /// With a cleanup (`always: true`), the first signal lets the test under way finish, skips the rest and runs the
    /// cleanup; the report is written as usual and the exit code still says interrupted.
    @Test func aCleanupRunsAfterTheFirstSignal() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/cleanup.yaml",
            """
            name: cleanup
            tests:
              - name: quick
                request: { url: "{{env.FAULT_URL}}/echo" }
              - name: slow
                request: { url: "{{env.FAULT_URL}}/slow" }
              - name: never reached
                request: { url: "{{env.FAULT_URL}}/echo" }
              - name: delete rg-{{run.hex}}
                always: true
                request: { url: "{{env.FAULT_URL}}/echo?group=rg-{{run.hex}}" }
                expect: { status: 200 }
            """)
        try await FaultServer.withRunning { server in
            let output = folder.path + "/stdout.txt"
            let process = try AzspecProcess.start(
                ["run", "specs"], in: folder.path, environment: ["FAULT_URL": server.baseURL], outputFile: output)
            #expect(try await AzspecProcess.waitFor("quick", in: output), "the run did not start")
            kill(process.processIdentifier, SIGINT)
            try await AzspecProcess.exit(of: process)
            #expect(process.terminationStatus == 130)
            let xml = try #require(folder.read("reports/junit.xml"))
            #expect(xml.contains("tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"1\""), "\(xml)")
            #expect(xml.contains("the run was interrupted (SIGINT) before this test ran"), "\(xml)")
            let console = try String(contentsOfFile: output, encoding: .utf8)
            #expect(console.contains("✓ delete rg-"), "\(console)")
            #expect(console.contains("interrupted (SIGINT): finishing the tests under way, then the cleanups"), "\(console)")
        }
    }

    /// A second signal stops at once, cleanups or not.
    @Test func aSecondSignalStopsAtOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/cleanup.yaml",
            """
            name: cleanup
            tests:
              - name: quick
                request: { url: "{{env.FAULT_URL}}/echo" }
              - name: slow
                request: { url: "{{env.FAULT_URL}}/slow" }
              - name: cleanup
                always: true
                request: { url: "{{env.FAULT_URL}}/echo" }
            """)
        try await FaultServer.withRunning { server in
            let output = folder.path + "/stdout.txt"
            let process = try AzspecProcess.start(
                ["run", "specs"], in: folder.path, environment: ["FAULT_URL": server.baseURL], outputFile: output)
            #expect(try await AzspecProcess.waitFor("quick", in: output), "the run did not start")
            let started = ContinuousClock.now
            kill(process.processIdentifier, SIGTERM)
            try await Task.sleep(for: .milliseconds(300))
            kill(process.processIdentifier, SIGTERM)
            try await AzspecProcess.exit(of: process)
            #expect(process.terminationStatus == 130)
            #expect(ContinuousClock.now - started < .seconds(4), "it did not wait for the 5 s test")
            let xml = try #require(folder.read("reports/junit.xml"))
            #expect(xml.contains("skipped=\"2\""), "\(xml)")
        }
    }
}
