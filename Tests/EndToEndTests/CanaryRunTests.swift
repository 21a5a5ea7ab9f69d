import AzspecTesting
import Foundation
import Testing

/// The canary matrix through the binary: a client secret, a captured `secret: true` value and the bearer tokens
/// the emulator issues, each sent back by a server in every encoding, down every path a test can fail by
/// (assertion mismatch, capture failure, transport error, header error), with and without `-v`, in both JUnit
/// forms and in the report of an interrupted run. No 12-character piece of a canary may appear anywhere.
@Suite(.serialized) struct CanaryRunTests {
    /// Made at run time, so that nothing secret-looking is committed; `~`, `.`, `_` and `-` as in Entra secrets.
    static let clientSecret = "canary~" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ".") + "_-x"
    static let captured = "captured/canary+value=with&symbols~end"
    static let encodings = ["raw", "json-slash", "json-unicode", "percent", "form", "swift", "base64"]

    static func spec(interruptible: Bool) -> String {
        var tests = """
            name: canaries
            vars:
              base: "{{env.FAULT_URL}}"
            identities:
              emulated:
                kind: clientSecret
                hosts: ["127.0.0.1:FAULT_PORT"]
            tests:
              - name: keep a secret value
                request: { method: POST, url: "{{base}}/encode?as=raw", form: { value: "{{env.CAPTURE_ME}}" } }
                capture: { kept: { json: $.error.message, secret: true } }

            """
        for encoding in encodings {
            tests += """
                  - name: client secret as \(encoding)
                    request: { method: POST, url: "{{base}}/encode?as=\(encoding)", form: { value: "{{env.CANARY_CLIENT_SECRET}}" } }
                    expect: { json: { $.error.message: { equals: nope } } }
                  - name: captured secret as \(encoding)
                    request: { method: POST, url: "{{base}}/encode?as=\(encoding)", form: { value: "{{kept}}" } }
                    expect: { json: { $.error.message: { equals: nope } } }
                  - name: bearer token as \(encoding)
                    identity: emulated
                    request: { method: POST, url: "{{base}}/encode?as=\(encoding)" }
                    expect: { json: { $.error.message: { equals: nope } } }

                """
        }
        tests += """
              - name: a capture that selects nothing
                request: { method: POST, url: "{{base}}/encode?as=raw", form: { value: "{{env.CANARY_CLIENT_SECRET}}" } }
                capture: { missing: $.nothing }
              - name: transport error
                request: { url: "{{env.CLOSED_URL}}/x", query: { key: "{{env.CANARY_CLIENT_SECRET}}" } }
              - name: header error
                request: { url: "{{base}}/echo", headers: { X-Key: "{{env.CANARY_CLIENT_SECRET}}{{env.CRLF}}" } }

            """
        if interruptible {
            tests += """
                  - name: held until interrupted
                    identity: emulated
                    request: { method: POST, url: "{{base}}/drip", form: { value: "{{env.CANARY_CLIENT_SECRET}}" }, timeout: 60 }

                """
        }
        return tests
    }

    static func environment(_ server: FaultServer, closedPort: Int) -> [String: String] {
        [
            "FAULT_URL": server.baseURL, "CLOSED_URL": "http://127.0.0.1:\(closedPort)", "CANARY_CLIENT_SECRET": clientSecret,
            "CAPTURE_ME": captured, "CRLF": "\r\n",
        ]
    }

    static func expectNoCanary(in outputs: [(String, String)], tokens: [String]) {
        #expect(tokens.count >= encodings.count, "the emulator's bearer tokens reached the server")
        for (name, output) in outputs {
            for canary in [clientSecret, captured] + Set(tokens).sorted() {
                let characters = Array(canary)
                for start in 0...(characters.count - 12) {
                    let piece = String(characters[start..<(start + 12)])
                    #expect(!output.contains(piece), "\(name) holds \(piece)")
                    if output.contains(piece) { return }
                }
            }
        }
    }

    @Test(.timeLimit(.minutes(3))) func noPieceOfACanaryInAnyOutput() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/canaries.yaml", Self.spec(interruptible: false))
        let closedPort = try await FaultServer.closedPort()
        try await FaultServer.withRunning { server in
            try folder.write(
                "specs/canaries.yaml",
                (folder.read("specs/canaries.yaml") ?? "").replacingOccurrences(of: "FAULT_PORT", with: "\(server.port)"))
            var outputs: [(String, String)] = []
            let everyReport = ["json", "html", "tap", "github", "azure-pipelines"].flatMap { ["--report", $0] }
            for flags in [[], ["-v"], ["--junit-strict"], ["-v", "--junit-strict"], ["-v"] + everyReport] {
                var environment = Self.environment(server, closedPort: closedPort)
                environment["GITHUB_STEP_SUMMARY"] = folder.path + "/summary.md"
                let result = try await folder.run(
                    ["run", "--emulator", "specs", "--jobs", "1"] + flags, environment: environment)
                #expect(result.status == 1, "\(result.all)")
                #expect(result.stdout.contains("1 passed, \(3 * Self.encodings.count + 3) failed"), "\(result.stdout)")
                #expect(result.stdout.contains(#"$.error.message: expected "nope", got "***""#), "\(result.stdout)")
                outputs += [("stdout \(flags)", result.stdout), ("stderr \(flags)", result.stderr)]
                outputs.append(("report \(flags)", try #require(folder.read("reports/junit.xml"))))
            }
            for file in ["reports/azspec.json", "reports/azspec.html", "reports/azspec.tap", "summary.md"] {
                outputs.append((file, try #require(folder.read(file))))
            }
            Self.expectNoCanary(in: outputs, tokens: server.bearerTokens)
        }
    }

    @Test(.timeLimit(.minutes(2))) func noPieceOfACanaryInAnInterruptedRunsReport() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/canaries.yaml", Self.spec(interruptible: true))
        let closedPort = try await FaultServer.closedPort()
        try await FaultServer.withRunning { server in
            try folder.write(
                "specs/canaries.yaml",
                (folder.read("specs/canaries.yaml") ?? "").replacingOccurrences(of: "FAULT_PORT", with: "\(server.port)"))
            let output = folder.path + "/stdout.txt"
            let process = try AzspecProcess.start(
                ["run", "--emulator", "specs", "--jobs", "1", "-v", "--report", "json", "--report", "html"], in: folder.path,
                environment: Self.environment(server, closedPort: closedPort), outputFile: output)
            #expect(try await AzspecProcess.waitFor("header error", in: output), "the run did not reach the last test")
            try await Task.sleep(for: .milliseconds(300))
            kill(process.processIdentifier, SIGINT)
            try await AzspecProcess.exit(of: process)
            #expect(process.terminationStatus == 130)
            let xml = try #require(folder.read("reports/junit.xml"))
            #expect(xml.contains("interrupted"), "\(xml)")
            let json = try #require(folder.read("reports/azspec.json"))
            let html = try #require(folder.read("reports/azspec.html"))
            #expect(json.contains("the run was interrupted"))
            Self.expectNoCanary(
                in: [("stdout", folder.read("stdout.txt") ?? ""), ("report", xml), ("json", json), ("html", html)],
                tokens: server.bearerTokens)
        }
    }
}
