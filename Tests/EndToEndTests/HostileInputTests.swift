import AzspecTesting
import Foundation
import Testing
import Yams

/// Hostile servers, spec files and command lines, through the binary: each run ends in bounded time with the exit
/// code the README's table gives, a report that says what happened, and nothing forged or leaked on the console.
@Suite(.serialized) struct HostileInputTests {
    static let hostileSpec = """
        name: hostile servers
        vars:
          base: "{{env.FAULT_URL}}"
        identities:
          pat: { kind: token, variable: HOSTILE_TOKEN, hosts: ["127.0.0.1:FAULT_PORT"] }
        tests:
          - name: drip
            request: { url: "{{base}}/drip", timeout: 2 }
          - name: silence
            request: { url: "{{base}}/silence", timeout: 1 }
          - name: garbage status line
            request: { url: "{{base}}/garbage", timeout: 5 }
          - name: throttled for a day
            request: { url: "{{base}}/throttled" }
            expect: { status: 200 }
          - name: every token refused
            identity: pat
            request: { url: "{{base}}/always-401" }
            expect: { status: 200 }
          - name: redirect loop
            request: { url: "{{base}}/redirect-loop" }
            expect: { status: 200 }
          - name: gzip bomb
            request: { url: "{{base}}/gzip-bomb" }
            expect: { json: { $.x: 1 } }
          - name: deep JSON
            request: { url: "{{base}}/deep-json" }
            expect: { json: { $.x: 1 } }
          - name: fifty megabytes
            request: { url: "{{base}}/fifty-megabytes" }
            expect: { json: { $.last: end } }
          - name: a token with CR LF
            request: { url: "{{base}}/control-token" }
            capture: { token: $.access_token }
          - name: the captured token is not sent
            request: { url: "{{base}}/echo", headers: { Authorization: "Bearer {{token}}" } }
        """

    @Test(.timeLimit(.minutes(2))) func hostileServersFailTheirOwnTestsInBoundedTime() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/hostile.yaml", Self.hostileSpec)
        try await FaultServer.withRunning { server in
            try folder.write(
                "specs/hostile.yaml",
                (folder.read("specs/hostile.yaml") ?? "").replacingOccurrences(of: "FAULT_PORT", with: "\(server.port)"))
            let started = ContinuousClock.now
            let result = try await folder.run(
                ["run", "specs", "--jobs", "1"],
                environment: [
                    "FAULT_URL": server.baseURL, "HOSTILE_TOKEN": "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzdWIiOiJob3N0aWxlIn0.c2ln",
                ])
            let elapsed = ContinuousClock.now - started
            #expect(result.status == 1, "\(result.all)")
            let out = result.stdout
            #expect(
                out.contains("timed out after 2 s waiting for 127.0.0.1:\(server.port)"),
                "the drip is a deadline for the whole body: \(out)")
            #expect(out.contains("timed out after 1 s waiting for 127.0.0.1:\(server.port)"), "\(out)")
            #expect(out.contains("status: expected 200, got 429"), "no wait for Retry-After: \(out)")
            #expect(out.contains("status: expected 200, got 401"), "one retry on a refused token, then the failure: \(out)")
            #expect(out.contains("status: expected 200, got 302"), "redirects are shown, not followed: \(out)")
            #expect(out.contains("✓ fifty megabytes"), "\(out)")
            #expect(out.contains("✓ a token with CR LF"), "capturing it is fine; sending it is not: \(out)")
            #expect(out.contains("header 'Authorization', its placeholders filled in, contains a carriage return (U+000D)"), "\(out)")
            #expect(!out.split(separator: "\n").contains { $0.hasPrefix("X-Injected") }, "a CR LF in a token must not forge a line: \(out)")
            #expect(!out.contains("\u{1B}"), "no raw escape reaches the console: \(out)")
            #expect(!out.contains("eyJzdWIiOiJob3N0aWxlIn0"), "the identity's token is masked")
            #expect(out.contains("2 passed, 9 failed"), "\(out)")
            #expect(elapsed < .seconds(60), "bounded by the tests' deadlines, not by the drip's two minutes")
            let xml = try #require(folder.read("reports/junit.xml"))
            #expect(xml.contains("tests=\"11\""), "\(xml)")
            #expect(!xml.contains("\u{1B}"))
        }
    }

    /// A 50 MB body and a gzip bomb stay far from the 4 GB the unbounded reader reached: the body cap (64 MiB) holds,
    /// and the 50 MB body is asserted on without copies piling up.
    /// A hostile authorization server: names, types, scopes and conditions that would break a line or speak to a CI
    /// agent (`\n`, U+0085, U+2028, `::`, `##vso[`) stay text in the console and the report, and a next page on
    /// another port or scheme gets no token.
    @Test(.timeLimit(.minutes(2))) func aHostileAuthorizationServerIsReadAsText() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let principal = "c0000000-0000-4000-8000-000000000002"
        let output = try await FaultServer.withRunning { server in
            let base = "http://127.0.0.1:\(server.port)"
            try folder.write(
                "specs/azspec.yaml",
                "cloud: { login: \"\(base)\", arm: \"\(base)\" }\nidentities:\n  t: { kind: token, variable: ARM_TOKEN }\n")
            try folder.write(
                "specs/hostile.yaml",
                """
                name: hostile authorization
                identity: t
                tests:
                  - name: audit
                    permissions: { principal: \(principal), scope: /subscriptions/hostile, allow: ["*/read"], deny: [Microsoft.Authorization/roleAssignments/write] }
                  - name: who can
                    permissions: { scope: /subscriptions/hostile, whoCan: { actions: [Microsoft.Resources/subscriptions/read], none: true } }
                  - name: caller
                    permissions: { scope: /subscriptions/hostile, allow: ["*/read"] }
                  - name: away port
                    permissions: { principal: \(principal), scope: /subscriptions/away-port, none: true }
                  - name: away scheme
                    permissions: { principal: \(principal), scope: /subscriptions/away-scheme, none: true }
                """)
            return try await folder.run(
                ["run", "specs", "-v"], environment: ["ARM_TOKEN": "hostile-audit-token-1"])
        }
        #expect(output.status == 1, "\(output.all)")
        Self.expectNoAgentCommand(in: output.all)
        #expect(output.all.contains("set-env name=NODE_OPTIONS"), "the server's text is still there to read: \(output.all)")
        #expect(!output.all.contains("hostile-audit-token-1"))
        let xml = try #require(folder.read("reports/junit.xml"))
        #expect(xml.components(separatedBy: "<testcase ").count == 6, "five cases, none forged: \(xml)")
        #expect(xml.contains(#"tests="5" failures="1" errors="2""#), "\(xml)")
        #expect(!xml.contains("hostile-audit-token-1"))
        for name in ["away port", "away scheme"] {
            let start = try #require(xml.range(of: "<testcase name=\"\(name)\""))
            let end = try #require(xml.range(of: "</testcase>", range: start.upperBound..<xml.endIndex))
            let element = xml[start.lowerBound..<end.upperBound]
            #expect(element.contains("no token was sent there"), "\(name): \(element)")
        }
    }

    /// No line of `text`, as a CI agent splits it (`\n`, `\r`), is a command to it once the blanks .NET trims
    /// (U+0085, U+2028 among them) are gone.
    static func expectNoAgentCommand(in text: String) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "\r", omittingEmptySubsequences: false) }
        for line in lines {
            let trimmed = line.drop { $0.isWhitespace || $0 == "\u{85}" || $0 == "\u{2028}" }
            #expect(!trimmed.hasPrefix("::") && !line.lowercased().contains("##vso[") && !line.contains("##["), "\(line.debugDescription)")
        }
    }

    /// A hostile Microsoft Graph: principal names and types, credential names and dates, federated subjects, and a
    /// token whose claims hold `\n`, U+0085, U+2028, `::` and `##vso[` stay text in a run (credentials, audits), in a
    /// who-can snapshot's file and in `azspec token`; a group list that continues on another port or scheme gets no
    /// token; the snapshot is written only where nothing stands (a planted link is refused).
    @Test(.timeLimit(.minutes(2))) func aHostileGraphIsReadAsText() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let hostile = FaultServer.hostileText
        func segment(_ json: String) -> String { Data(json.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "") }
        let claims =
            #"{"ver":\#(try String(decoding: JSONEncoder().encode(hostile), as: UTF8.self)),"tid":"t","appid":"\#(hostile.count)"}"#
        let token = segment(#"{"alg":"RS256","typ":"JWT"}"#) + "." + segment(claims) + ".c2ln"
        let outputs = try await FaultServer.withRunning { server in
            let base = "http://127.0.0.1:\(server.port)"
            try folder.write(
                "specs/azspec.yaml",
                "cloud: { login: \"\(base)\", arm: \"\(base)\" }\nidentities:\n  t: { kind: token, variable: ARM_TOKEN }\n")
            try folder.write(
                "specs/hostile.yaml",
                """
                name: hostile graph
                identity: t
                tests:
                  - name: credentials
                    credentials: { principal: c0000000-0000-4000-8000-000000000002, noSecrets: true, minDaysLeft: 30, federatedSubjects: [x] }
                  - name: away port
                    permissions: { principal: \(FaultServer.graphAwayPort), scope: /subscriptions/hostile, none: true }
                  - name: away scheme
                    permissions: { principal: \(FaultServer.graphAwayScheme), scope: /subscriptions/hostile, none: true }
                """)
            let environment = ["ARM_TOKEN": token]
            let run = try await folder.run(["run", "specs", "-v"], environment: environment)
            let snapshot = [
                "snapshot", "permissions", "--identity", "t", "--scope", "/subscriptions/hostile", "--who-can",
                "Microsoft.Resources/subscriptions/read",
            ]
            let written = try await folder.run(snapshot + ["-o", "specs/who.yaml"], environment: environment)
            try FileManager.default.createSymbolicLink(
                atPath: folder.path + "/specs/planted.yaml", withDestinationPath: "/tmp/azspec-planted")
            let planted = try await folder.run(snapshot + ["-o", "specs/planted.yaml"], environment: environment)
            let printed = try await folder.run(["token", "--identity", "t"], environment: environment)
            let shown = try await folder.run(snapshot, environment: environment)
            return (run, written, planted, printed, shown)
        }
        let (run, written, planted, printed, shown) = outputs
        #expect(run.status == 1, "\(run.all)")
        #expect(written.status == 0, "\(written.all)")
        #expect(planted.status == 2 && !FileManager.default.fileExists(atPath: "/tmp/azspec-planted"), "\(planted.all)")
        #expect(planted.stderr.contains("exists; azspec snapshot does not overwrite files"), "\(planted.stderr)")
        #expect(printed.status == 0, "\(printed.all)")
        #expect(
            shown.status == 0 && shown.stdout.contains("set-env name=NODE_OPTIONS"), "printed, the snapshot still names them: \(shown.all)")
        for output in [run, written, planted, printed, shown] {
            Self.expectNoAgentCommand(in: output.all)
            #expect(!output.all.contains(token), "the token is never shown")
        }
        #expect(run.all.contains("set-env name=NODE_OPTIONS"), "the server's text is still there to read: \(run.all)")
        #expect(printed.stdout.contains("set-env name=NODE_OPTIONS"), "the claims are still there to read: \(printed.stdout)")
        let xml = try #require(folder.read("reports/junit.xml"))
        #expect(xml.contains(#"tests="3" failures="1" errors="2""#), "\(xml)")
        for name in ["away port", "away scheme"] {
            let start = try #require(xml.range(of: "<testcase name=\"\(name)\""))
            let end = try #require(xml.range(of: "</testcase>", range: start.upperBound..<xml.endIndex))
            #expect(xml[start.lowerBound..<end.upperBound].contains("no token was sent there"), "\(name): \(xml)")
        }
        // The file holds the names as comments only (printed, above, it passes the console's sink like any output).
        let file = try #require(folder.read("specs/who.yaml"))
        let root = try #require(try Yams.compose(yaml: file)?.mapping, "\(file)")
        #expect(root.keys.compactMap(\.string) == ["name", "tests"], "only what snapshot writes: \(file)")
    }

    /// Issue 20's and the entra check's ways in for outside text: Graph names in an `entra` check, a captured list
    /// naming `forEach` cases (in the console, JUnit, annotations and the step summary), a report `--rerun-failed`
    /// reads (its names printed back; a DTD in UTF-16 refused), and JSON Schema references through a planted link or
    /// to another port or scheme, which read nothing.
    @Test(.timeLimit(.minutes(2))) func authoringFeaturesReadOutsideTextAsText() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        func segment(_ json: String) -> String { Data(json.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "") }
        let token = segment(#"{"alg":"RS256","typ":"JWT"}"#) + "." + segment(#"{"tid":"t"}"#) + ".c2ln"
        let outputs = try await FaultServer.withRunning { server in
            let base = "http://127.0.0.1:\(server.port)"
            try folder.write(
                "specs/azspec.yaml",
                "cloud: { login: \"\(base)\", arm: \"\(base)\" }\nidentities:\n  t: { kind: token, variable: ARM_TOKEN }\n")
            try folder.write(
                "specs/hostile.yaml",
                """
                name: hostile authoring
                identity: t
                tests:
                  - name: entra
                    entra:
                      principal: c0000000-0000-4000-8000-000000000002
                      applicationPermissions: { exactly: true }
                      delegatedPermissions: { exactly: true }
                      directoryRoles: { exactly: true, noTier0: true }
                      owners: { none: true }
                  - name: list
                    request: { url: "{{env.FAULT_URL}}/hostile-list" }
                    capture: { items: $.items }
                  - name: each
                    forEach: "{{items}}"
                    request: { url: "{{env.FAULT_URL}}/echo" }
                    expect: { status: 201 }
                """)
            let environment = ["ARM_TOKEN": token, "FAULT_URL": server.baseURL, "GITHUB_STEP_SUMMARY": folder.path + "/summary.md"]
            let run = try await folder.run(["run", "specs", "-v", "--report", "json", "--report", "github"], environment: environment)
            let rerun = try await folder.run(["run", "specs", "--rerun-failed"], environment: environment)
            var utf16 = Data([0xFF, 0xFE])
            utf16.append("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x \"x\">]><r>&x;</r>".data(using: .utf16LittleEndian) ?? Data())
            try utf16.write(to: URL(fileURLWithPath: folder.path + "/dtd.json"))
            let dtd = try await folder.run(["run", "specs", "--rerun-failed", "--rerun-report", "dtd.json"], environment: environment)
            return (run, rerun, dtd)
        }
        let (run, rerun, dtd) = outputs
        #expect(run.status == 1, "\(run.all)")
        #expect(rerun.status == 1, "\(rerun.all)")
        #expect(rerun.stderr.contains("--rerun-failed: 3 failed or errored in reports/azspec.json"), "\(rerun.all)")
        #expect(dtd.status == 2 && dtd.stderr.contains("dtd.json is not an azspec JSON report"), "\(dtd.all)")
        let summary = folder.read("summary.md") ?? ""
        // `--report github` writes azspec's own annotations, one line each, the server's text escaped in them.
        let annotations = run.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(annotations.count == 3, "the entra check and both repetitions: \(run.stdout)")
        for line in annotations {
            #expect(line.hasPrefix("::error file=specs/hostile.yaml,") || line.hasPrefix("::warning file="), "\(line)")
        }
        let console = run.all.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("::") }.joined(
            separator: "\n")
        for output in [console, rerun.all, dtd.all, summary] { Self.expectNoAgentCommand(in: output) }
        #expect(run.all.contains("set-env name=NODE_OPTIONS"), "the server's text is still there to read: \(run.all)")
        #expect(!run.all.contains(token) && !rerun.all.contains(token), "the token is never shown")
        let xml = try #require(folder.read("reports/junit.xml"))
        #expect(xml.contains(#"tests="4" failures="3""#), "the entra check and both repetitions fail: \(xml)")
        #expect(xml.contains("testcase name=\"each [b]\""), "\(xml)")

        // JSON Schema references: a link planted in the schema's folder and URLs on another port or scheme.
        try folder.write("outside/secret.json", #"{"type": "string"}"#)
        try folder.write("schemas/port.json", #"{"$ref": "http://127.0.0.1:9/x.json"}"#)
        try folder.write("schemas/scheme.json", #"{"$ref": "file://example.com/etc/x.json"}"#)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/schemas/link.json", withDestinationPath: folder.path + "/outside/secret.json")
        try folder.write("schemas/planted.json", #"{"$ref": "link.json"}"#)
        try folder.write(
            "refs.yaml",
            """
            name: refs
            tests:
              - name: refs
                request: { url: "https://management.azure.com/x" }
                expect:
                  json:
                    $.a: { schema: schemas/port.json }
                    $.b: { schema: schemas/scheme.json }
                    $.c: { schema: schemas/planted.json }
            """)
        let refs = try await folder.run(["validate", "refs.yaml"])
        #expect(refs.status == 2, "\(refs.all)")
        #expect(refs.stderr.contains("'http://127.0.0.1:9/x.json' is not a file next to the schema"), "\(refs.stderr)")
        #expect(
            refs.stderr.contains("refs.yaml:8:24: error: schema: 'file://example.com/etc/x.json' is not a file next to the schema"),
            "\(refs.stderr)")
        #expect(refs.stderr.contains("/outside/secret.json' is outside the schema's folder"), "the link leads out: \(refs.stderr)")
    }

    @Test(.timeLimit(.minutes(2))) func hugeBodiesKeepMemoryBounded() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/huge.yaml",
            """
            name: huge bodies
            tests:
              - name: gzip bomb
                request: { url: "{{env.FAULT_URL}}/gzip-bomb" }
                expect: { json: { $.x: 1 } }
              - name: fifty megabytes
                request: { url: "{{env.FAULT_URL}}/fifty-megabytes" }
                expect: { json: { $.last: end } }
            """)
        let executable = try #require(AzspecProcess.executablePath)
        try await FaultServer.withRunning { server in
            let result = try await ChildMemory.run(
                executable, ["run", folder.path + "/specs", "--junit", folder.path + "/reports/junit.xml"],
                environment: ["FAULT_URL": server.baseURL, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"])
            #expect(result.status == 1, "one test passes, the gzip bomb errs")
            #expect(result.peakBytes > 50_000_000, "the 50 MB body was held at least once: \(result.peakBytes) bytes")
            #expect(result.peakBytes < 300_000_000, "peak RSS: \(result.peakBytes / 1_000_000) MB")
        }
        let xml = try #require(folder.read("reports/junit.xml"))
        #expect(xml.contains("tests=\"2\" failures=\"0\" errors=\"1\""), "the gzip body is an error, not inflated: \(xml)")
    }

    /// A body over 8 MiB is built only along the test's JSONPaths: what they select, and what a failure says, is as
    /// with the whole document; a capture from it reaches the next test.
    @Test(.timeLimit(.minutes(2))) func largeBodiesAreAssertedAsAWhole() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/large.yaml",
            """
            name: large body
            tests:
              - name: asserted at three paths
                request: { url: "{{env.FAULT_URL}}/fifty-megabytes" }
                expect: { json: { $.last: end, "$.value[49999].name": item, "$.value[-1].padding": { length: 1000 } } }
                capture: { first: "$.value[0].name" }
              - name: a wrong value
                request: { url: "{{env.FAULT_URL}}/fifty-megabytes" }
                expect: { json: { "$.value[7].name": other } }
              - name: the capture
                request: { url: "{{env.FAULT_URL}}/echo", query: { got: "{{first}}" } }
                expect: { json: { $.path: { contains: "got=item" } } }
            """)
        let result = try await FaultServer.withRunning { server in
            try await folder.run(
                ["run", "specs", "--junit", "reports/junit.xml"], environment: ["FAULT_URL": server.baseURL])
        }
        #expect(result.status == 1, "\(result.all)")
        #expect(result.stdout.contains("2 passed, 1 failed"), "\(result.stdout)")
        #expect(result.stdout.contains(#"$.value[7].name: expected "other", got "item""#), "\(result.stdout)")
    }

    @Test(
        arguments: [
            (["--jobs", "0"], "--jobs must be from 1 to 256, not 0"),
            (["--timeout=-1"], "--timeout: a timeout must be a number of seconds from 0.001 to 3600 (one hour)"),
            (["--timeout", "nan"], "--timeout: a timeout must be a number of seconds from 0.001 to 3600 (one hour)"),
            (["--timeout", "inf"], "--timeout: a timeout must be a number of seconds from 0.001 to 3600 (one hour)"),
            (["--timeout", "1e308"], "--timeout: a timeout must be a number of seconds from 0.001 to 3600 (one hour)"),
            (["--cloud", "Mars"], "unknown cloud 'Mars'"),
            (["--jobs", "many"], "The value 'many' is invalid for '--jobs <jobs>'"),
            (["--ca-cert", "/dev/zero"], "the CA certificate file /dev/zero is a device, not a regular file"),
        ])
    func commandLineErrorsExitTwoAndReplaceTheReport(_ flags: [String], _ message: String) async throws {
        let result = try await BinaryRun(
            ["run", "specs", "--junit", "out/junit.xml"] + flags,
            files: [
                "specs/a.yaml": "name: a\ntests:\n  - name: t\n    request: { url: \"https://127.0.0.1:9/x\" }\n",
                "out/junit.xml": "<testsuites><testsuite name=\"stale\" tests=\"1\"/></testsuites>",
            ], reading: ["out/junit.xml"])
        #expect(result.status == 2, "\(result.all)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        let xml = try #require(result.files["out/junit.xml"])
        #expect(!xml.contains("stale"), "the stale report was replaced: \(xml)")
        #expect(xml.contains("type=\"UsageError\""), "\(xml)")
        let escaped = message.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        #expect(xml.contains(escaped), "\(xml)")
    }

    @Test func badSpecFilesAreRefusedAtTheirLocation() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var laughs = "name: laughs\nvars:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            laughs += "  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        laughs += "tests:\n  - name: t\n    request: { url: \"https://127.0.0.1:9/\", method: POST, json: { x: *a9 } }\n"
        try folder.write("specs/laughs.yaml", laughs)
        try folder.write(
            "specs/crlf.yaml",
            """
            name: crlf
            tests:
              - name: t
                request:
                  url: "https://127.0.0.1:9/a b"
                  headers: { "X-Bad: 1": v, X-Value: "a\\r\\nX-Injected: 1" }
                  timeout: 1e308
            """)
        try FileManager.default.createDirectory(atPath: folder.path + "/specs/folder.yaml", withIntermediateDirectories: true)
        let result = try await folder.run(["validate", "specs"])
        #expect(result.status == 2, "\(result.all)")
        let err = result.stderr
        #expect(err.contains("specs/laughs.yaml:3:7: error: YAML anchors are not supported (&a0)"), "\(err)")
        #expect(err.contains("specs/crlf.yaml:5:12: error: the URL contains a space; percent-encode it (%20) or use query:"), "\(err)")
        #expect(err.contains("specs/crlf.yaml:6:18: error: a header name cannot contain ':'"), "\(err)")
        #expect(
            err.contains(
                "specs/crlf.yaml:6:42: error: header 'X-Value' contains a carriage return (U+000D), which no header value may hold"),
            "\(err)")
        #expect(err.contains("specs/crlf.yaml:7:16: error: timeout must be from 1 ms to 1 h, not 1e308"), "\(err)")
        #expect(!err.contains("folder.yaml"), "a folder named *.yaml is not a spec: \(err)")
        #expect(!result.all.split(separator: "\n").contains { $0.hasPrefix("X-Injected") })
    }

    @Test(arguments: [
        ("AZURE_FEDERATED_TOKEN_FILE", "/dev/zero", "the federated token file /dev/zero is a device, not a regular file"),
        ("AZURE_CLIENT_CERTIFICATE_PATH", "/dev/urandom", "/dev/urandom: is a device, not a regular file"),
    ])
    func theEnvironmentIdentitysFilesAreCheckedBeforeAnythingIsSent(_ variable: String, _ path: String, _ message: String) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/env.yaml",
            """
            name: env
            identity: true
            tests:
              - name: t
                request: { url: "https://management.azure.com/subscriptions", query: { api-version: "2022-12-01" } }
            """)
        let environment = ["AZURE_TENANT_ID": "t", "AZURE_CLIENT_ID": "c", variable: path, "AZURE_AUTHORITY_HOST": "http://127.0.0.1:9"]
        for command in ["validate", "run"] {
            let result = try await folder.run([command, "specs"], environment: environment)
            #expect(result.status == 2, "\(command): \(result.all)")
            #expect(result.stderr.contains(message), "\(command): \(result.stderr)")
        }
    }

    @Test func aProjectFileNamedAzspecYmlIsLoaded() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/azspec.yml", "identities:\n  pat: { kind: token, variable: MY_PAT }\n")
        try folder.write(
            "specs/a.yaml", "name: a\nidentity: pat\ntests:\n  - name: t\n    request: { url: \"https://management.azure.com/x\" }\n")
        let missing = try await folder.run(["validate", "specs"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("identity 'pat' reads its token from MY_PAT, which is not set"), "\(missing.all)")
        let present = try await folder.run(["validate", "specs"], environment: ["MY_PAT": "x"])
        #expect(present.status == 0, "\(present.all)")
    }

    /// A CLI that writes far more than a pipe holds before it answers, and one that never answers: the first is
    /// drained and works, the second is stopped at the deadline.
    @Test(.timeLimit(.minutes(1))) func aChattyOrSilentAzureCLICannotStallTheRun() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzdWIiOiJjbGkifQ.c2ln"
        let chatty = try folder.write(
            "bin/chatty-az",
            """
            #!/bin/sh
            head -c 300000 /dev/zero | tr '\\0' 'x' >&2
            printf '{"accessToken":"\(token)","expires_on":4070908800,"tokenType":"Bearer"}'
            """)
        let silent = try folder.write("bin/silent-az", "#!/bin/sh\nexec sleep 600\n")
        chmod(chatty, 0o755)
        chmod(silent, 0o755)
        try folder.write(
            "specs/cli.yaml",
            """
            name: cli
            vars:
              base: "{{env.FAULT_URL}}"
            identities:
              chatty: { kind: azureCli, command: ["\(chatty)"], hosts: ["127.0.0.1:FAULT_PORT"] }
              silent: { kind: azureCli, command: ["\(silent)"], hosts: ["127.0.0.1:FAULT_PORT"] }
            tests:
              - name: chatty
                identity: chatty
                request: { url: "{{base}}/echo" }
                expect: { status: 200 }
              - name: silent
                identity: silent
                request: { url: "{{base}}/echo" }
                expect: { status: 200 }
            """)
        try await FaultServer.withRunning { server in
            try folder.write(
                "specs/cli.yaml", (folder.read("specs/cli.yaml") ?? "").replacingOccurrences(of: "FAULT_PORT", with: "\(server.port)"))
            let started = ContinuousClock.now
            let result = try await folder.run(
                ["run", "specs", "--timeout", "2"], environment: ["FAULT_URL": server.baseURL])
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stdout.contains("✓ chatty"), "\(result.stdout)")
            #expect(result.stdout.contains("did not finish within 2 s and was stopped"), "\(result.stdout)")
            #expect(ContinuousClock.now - started < .seconds(30))
            #expect(server.bearerTokens == [token])
        }
    }
}
