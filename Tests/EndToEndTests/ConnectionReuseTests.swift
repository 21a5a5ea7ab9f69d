import AzspecTesting
import Foundation
import Testing

/// Keep-alive connections are reused across tests and suites: each suite runs on an event loop and is answered there,
/// but its connection comes from the shared pool. (Pinning the connection to the loop too made AsyncHTTPClient open a
/// new connection for nearly every request once two suites shared a loop: 190 connections for 200 requests.)
@Suite struct ConnectionReuseTests {
    @Test func eightSuitesSideBySideUseAboutOneConnectionEach() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for file in 1...8 {
            let tests = (1...25).map {
                #"  - { name: "echo \#($0)", request: { url: "{{env.FAULT_URL}}/echo" }, expect: { status: 200 } }"#
            }
            try folder.write("specs/s\(file).yaml", "name: suite \(file)\ntests:\n" + tests.joined(separator: "\n") + "\n")
        }
        let (result, connections) = try await FaultServer.withRunning { server in
            let result = try await folder.run(
                ["run", "specs", "--jobs", "8", "--junit", "reports/junit.xml"],
                environment: ["FAULT_URL": server.baseURL])
            return (result, server.connections)
        }
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains("200 passed, 0 failed"), "\(result.stdout)")
        #expect(connections >= 1)
        #expect(connections <= 10, "200 requests from 8 suites at once need about 8 connections, not \(connections)")
    }
}
