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
                request: { url: "{{env.FAULT_URL}}/slow" }
                expect: { status: 200 }
              - name: never reached
                request: { url: "{{env.FAULT_URL}}/echo" }
                expect: { status: 200 }
            """)
        try await FaultServer.withRunning { server in
            let output = folder.path + "/stdout.txt"
            let process = try AzspecProcess.start(
                ["run", "specs"], in: folder.path, environment: ["FAULT_URL": server.baseURL], outputFile: output)
            // The first test has finished, so the run is under way and the second one waits for /slow (5 s).
            #expect(try await AzspecProcess.waitFor("quick", in: output), "the run did not start")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationStatus == 130)
            let xml = try #require(folder.read("reports/junit.xml"))
            #expect(xml.contains("tests=\"3\""), "\(xml)")
            #expect(xml.contains("skipped=\"2\""), "\(xml)")
            #expect(xml.contains("interrupted"))
        }
    }
}
