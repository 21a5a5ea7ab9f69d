import AzspecCore
import AzspecImport
import AzspecTesting
import Foundation
import Testing
import Yams

@testable import AzspecKit

/// Issue 15: what a hostile server (or a hostile report, collection or spec text) sends never becomes code in a file
/// azspec writes, never routes a credential elsewhere, never speaks to a CI agent, and never makes a write hang.
@Suite struct HostileServerTests {
    /// Every kind of line break, YAML's indicators, tags, anchors, flow and document markers, quotes and controls.
    static let hostile: [String] = [
        "Microsoft.Evil/*\nidentities:\n  pwn: { kind: azureCli, command: [/bin/sh, -c, \"touch /tmp/pwned\"] }",
        "a\rb: c", "a\r\nb: c", "a\u{85}identities: {}", "a\u{2028}identities: {}", "a\u{2029}b: c", "# a comment", "a #b",
        "key: value", "---", "...", "--- !!python/object:os.system", "- item", "\"quoted\"", "'single'", "!!python/object:os.system",
        "!tag x", "&anchor x", "*alias", "{ a: 1 }", "[1, 2]", "a, b", "? key", "| block", "> folded", "%YAML 1.2", "@at", "`tick`",
        "true", "null", "0x10", "~", "", " leading", "trailing ", "\t tab", "del\u{7F}", "nul\u{0}", "bell\u{7}",
    ]

    // MARK: 1. Generated files are data

    @Test func everyHostileStringReadsBackAsWrittenWhereverItStands() throws {
        for text in Self.hostile {
            let root: YAMLNode = .block([
                ("name", .string(text)), (text.isEmpty ? "empty" : text, .string("a value")),
                ("list", .sequence([.string(text), .commented([text], .string(text))], style: .block)),
                ("flow", .sequence([.string(text)], style: .flow)), ("map", .flow([("k", .string(text))])),
            ])
            let written = try YAMLWriter.document(comments: [text, "then " + text], root: root)
            let lines = written.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[0].hasPrefix("#") && lines[1].hasPrefix("# then") && lines[2].hasPrefix("name:"), "\(written)")
            let node = try #require(YAMLDocument.compose(written, file: "t.yaml").root)
            let keys = node.mapping.map { Array($0.keys.compactMap(\.string)) }
            #expect(keys == ["name", text.isEmpty ? "empty" : text, "list", "flow", "map"], "\(written)")
            #expect(node.mapping?["name"]?.string == text)
        }
    }

    @Test func textYAMLCannotCarryIsRefusedNotChanged() {
        // libyaml drops a byte order mark even when escaped: the check sees it and nothing is written.
        #expect(throws: YAMLWriteError.self) { try YAMLWriter.document(comments: [], root: .block([("name", .string("\u{FEFF}bom"))])) }
    }

    @Test func aTextThatSaysMoreOrOtherThanMeantIsRefused() {
        let meant: YAMLNode = .block([("name", .string("a"))])
        #expect(throws: YAMLWriteError.self) { try YAMLWriter.verify("name: a\nidentities: {}\n", is: meant) }
        #expect(throws: YAMLWriteError.self) { try YAMLWriter.verify("name: !custom a\n", is: meant) }
        #expect(throws: YAMLWriteError.self) { try YAMLWriter.verify("name: [a]\n", is: meant) }
        #expect(throws: YAMLWriteError.self) { try YAMLWriter.verify("name: &x a\nother: *x\n", is: meant) }
        #expect(throws: Never.self) { try YAMLWriter.verify("# any comment\nname: a\n", is: meant) }
    }

    @Test func aSnapshotOfHostileActionsAndNotesStaysData() throws {
        let scope = try #require(ARMScope("/subscriptions/2a7c9e4b-1d3f-4b5a-8c6e-9f0a1b2c3d4e"))
        for text in Self.hostile where !text.isEmpty {
            let block = PermissionBlock(actions: ["*/read", text], notActions: [text + "/*", text])
            let spec = try PermissionSnapshot.spec(
                identity: "deployer", scope: scope, blocks: [block], denies: [], source: "https://management.azure.com",
                notes: ["note: " + text], now: Date(timeIntervalSince1970: 0))
            let node = try #require(YAMLDocument.compose(spec, file: "s.yaml").root, "\(spec)")
            #expect(node.mapping.map { Array($0.keys.compactMap(\.string)) } == ["name", "tests"], "\(spec)")
            let test = try #require(node.mapping?["tests"]?.sequence?.first?.mapping)
            #expect(Array(test.keys.compactMap(\.string)) == ["name", "identity", "permissions"], "\(spec)")
            let allow = test["permissions"]?.mapping?["allow"]?.sequence?.compactMap(\.string)
            #expect(allow == ["*/read", text], "\(spec)")
            let loaded = SpecLoader().load(yaml: spec, file: "s.yaml")
            #expect(loaded.suite?.identities.isEmpty == true, "no identity can be declared from outside: \(spec)")
        }
    }

    /// A snapshot's comments name each allowed pattern's role and assignment scope, as the server sent them: the file
    /// stays data, and printed it speaks to no CI agent.
    @Test func aSnapshotOfHostileRoleNamesAndScopesStaysData() throws {
        let scope = try #require(ARMScope("/subscriptions/2a7c9e4b-1d3f-4b5a-8c6e-9f0a1b2c3d4e"))
        for text in Self.hostile + Self.commands where !text.isEmpty {
            let block = PermissionBlock(actions: ["*/read"])
            let role = AssignedRole(roleName: text, scope: text, condition: text, permissions: [block])
            let spec = try PermissionSnapshot.spec(
                identity: "deployer", scope: scope, written: "/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}", blocks: [block],
                denies: [], roles: [role], source: "https://management.azure.com", notes: [], now: Date(timeIntervalSince1970: 0))
            let node = try #require(YAMLDocument.compose(spec, file: "s.yaml").root, "\(spec)")
            #expect(node.mapping.map { Array($0.keys.compactMap(\.string)) } == ["name", "tests"], "\(spec)")
            let test = try #require(node.mapping?["tests"]?.sequence?.first?.mapping)
            #expect(test["permissions"]?.mapping?["scope"]?.string == "/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}")
            // Printed (snapshot without -o), it passes the console's one sink: no comment line speaks to an agent.
            let printed = LockedBox<[String]>([])
            let keep: @Sendable (String) -> Void = { text in printed.withLock { $0.append(text) } }
            OutputSink(secrets: SecretStore(), colours: false, out: keep, error: keep, progress: keep).line(spec)
            for line in printed.withLock({ $0 }).flatMap(Self.agentLines) {
                #expect(!Self.isCommand(line), "\(line.debugDescription) in \(spec)")
            }
        }
    }

    @Test func anImportedCollectionOfHostileNamesStaysData() throws {
        for text in Self.hostile where !text.isEmpty {
            let collection: [String: Any] = [
                "info": ["name": text, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"],
                "variable": [["key": "hostile", "value": text]],
                "item": [
                    [
                        "name": "folder " + text,
                        "item": [
                            [
                                "name": "request " + text,
                                "event": [
                                    [
                                        "listen": "test",
                                        "script": [
                                            "exec": ["pm.expect(pm.response.json().name).to.eql(pm.collectionVariables.get('hostile'));"]
                                        ],
                                    ]
                                ],
                                "request": [
                                    "method": "GET", "url": "https://example.com/{{hostile}}",
                                    "header": [["key": "X-Note", "value": text]],
                                ],
                            ]
                        ],
                    ]
                ],
            ]
            let bytes = try JSONSerialization.data(withJSONObject: collection)
            let imported = try PostmanImporter.convert(collection: Array(bytes), environment: nil)
            for file in imported.files {
                let node = try #require(YAMLDocument.compose(file.text, file: file.name).root, "\(file.text)")
                let keys = node.mapping.map { Array($0.keys.compactMap(\.string)) } ?? []
                let allowed: Set<String> = ["name", "vars", "tests"]
                #expect(keys.allSatisfy { allowed.contains($0) }, "\(keys): \(file.text)")
                #expect(node.mapping?["name"]?.string == "folder " + text, "\(file.text)")
                let loaded = SpecLoader().load(yaml: file.text, file: file.name)
                #expect(loaded.suite?.identities.isEmpty == true, "\(file.text)")
            }
        }
    }

    @Test func validateSaysWhichIdentitiesRunPrograms() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/azspec.yaml", "identities:\n  cli: { kind: azureCli, command: [/bin/sh, -c, \"echo hi\"] }\n")
        for name in ["a", "b"] {
            try folder.write(
                "specs/\(name).yaml",
                "name: \(name)\nidentity: cli\ntests:\n  - name: t\n    request: { url: /subscriptions, query: { api-version: \"2022-12-01\" } }\n"
            )
        }
        try folder.write("specs/c.yaml", "name: c\ntests:\n  - name: t\n    request: { url: /subscriptions }\n")
        let set = SpecSet(paths: [folder.path + "/specs"], environment: [:])
        let notes = set.programNotes.map(\.description)
        #expect(
            notes == [
                "\(folder.path)/specs/azspec.yaml:2:3: note: identity 'cli' runs a program for its tokens: /bin/sh -c echo hi "
                    + "(used by \(folder.path)/specs/a.yaml, \(folder.path)/specs/b.yaml)"
            ], "\(notes)")
    }

    // MARK: 2. A token goes only to its own origin

    @Test func originsCompareSchemeHostAndEffectivePort() {
        #expect(Origin(url: "https://management.azure.com") == Origin(url: "https://MANAGEMENT.azure.com:443/x?y"))
        #expect(Origin(url: "http://127.0.0.1/x") == Origin(url: "http://127.0.0.1:80"))
        #expect(Origin(url: "https://management.azure.com") != Origin(url: "https://management.azure.com:8443"))
        #expect(Origin(url: "https://management.azure.com") != Origin(url: "http://management.azure.com"))
        #expect(Origin(url: "ftp://management.azure.com") == nil)
        #expect(Origin(url: "/relative") == nil)
        #expect(Origin(url: "http://[::1]:8080/")?.isLoopback == true)
        #expect(Origin(url: "http://127.0.0.1.evil.example/")?.isLoopback == false)
    }

    @Test func aCloudTokenGoesOnlyToTheCloudsOrigin() {
        let cloud = CloudEndpoints(login: "https://login.microsoftonline.com", arm: "https://management.azure.com")
        let identity = IdentitySpec.environmentDefault
        func refused(_ url: String) -> Bool { TokenRouting.problem(sending: url, identity: identity, cloud: cloud) != nil }
        #expect(!refused("https://management.azure.com/subscriptions?api-version=2022-12-01"))
        #expect(!refused("https://management.azure.com:443/subscriptions"))
        for url in [
            "https://management.azure.com:8443/subscriptions", "http://management.azure.com/subscriptions",
            "http://management.azure.com:443/", "https://management.azure.com.evil.example/",
            "https://evil.example/?https://management.azure.com",
            "https://management.azure.com@evil.example/", "https://evil.example/management.azure.com", "/subscriptions",
        ] {
            #expect(refused(url), "\(url)")
        }
        let local = CloudEndpoints(login: "http://127.0.0.1:8080", arm: "http://127.0.0.1:8080")
        #expect(TokenRouting.problem(sending: "http://127.0.0.1:8080/x", identity: identity, cloud: local) == nil)
        #expect(TokenRouting.problem(sending: "http://127.0.0.1:8081/x", identity: identity, cloud: local) != nil)
        #expect(TokenRouting.problem(sending: "http://127.0.0.1/x", identity: identity, cloud: local) != nil)
        let plain = CloudEndpoints(login: "http://login.example", arm: "http://arm.example")
        let message = TokenRouting.problem(sending: "http://arm.example/x", identity: identity, cloud: plain) ?? ""
        #expect(message.contains("only over https"), "plain http to a host that is not loopback: \(message)")
    }

    @Test func originPatternsSayWhichSchemesAndPorts() throws {
        let vault = try #require(OriginPattern("*.vault.azure.net"))
        #expect(vault.matches(try #require(Origin(url: "https://kv1.vault.azure.net/secrets"))))
        #expect(!vault.matches(try #require(Origin(url: "https://kv1.vault.azure.net:444/"))))
        #expect(!vault.matches(try #require(Origin(url: "http://kv1.vault.azure.net/"))))
        #expect(!vault.matches(try #require(Origin(url: "https://vault.azure.net/"))))
        let bare = try #require(OriginPattern("api.example.com"))
        #expect(bare.matches(try #require(Origin(url: "https://api.example.com/"))))
        #expect(!bare.matches(try #require(Origin(url: "https://api.example.com:8443/"))))
        #expect(!bare.matches(try #require(Origin(url: "http://api.example.com/"))))
        let loopback = try #require(OriginPattern("127.0.0.1:5000"))
        #expect(loopback.matches(try #require(Origin(url: "http://127.0.0.1:5000/"))))
        #expect(!loopback.matches(try #require(Origin(url: "http://127.0.0.1:5001/"))))
        let exact = try #require(OriginPattern("http://localhost:7000"))
        #expect(exact.matches(try #require(Origin(url: "http://LOCALHOST:7000/a"))))
        #expect(!exact.matches(try #require(Origin(url: "https://localhost:7000/a"))))
        #expect(OriginPattern("https://api.example.com/path") == nil, "an origin has no path")
    }

    @Test func aLinkFollowsOnlyWithinItsOrigin() {
        #expect(TokenRouting.sameOrigin("https://management.azure.com/next?page=2", as: "https://management.azure.com:443/first"))
        #expect(!TokenRouting.sameOrigin("https://management.azure.com:8443/next", as: "https://management.azure.com/first"))
        #expect(!TokenRouting.sameOrigin("http://management.azure.com/next", as: "https://management.azure.com/first"))
        #expect(!TokenRouting.sameOrigin("/relative", as: "https://management.azure.com/first"))
    }

    // MARK: 3. Nothing outside azspec speaks to the CI agent

    /// The agents' rules: GitHub's runner trims .NET white space and takes `::` at the start (`TryParseV2`) and
    /// `##[` anywhere (`TryParse`); Azure Pipelines' agent takes `##vso[` anywhere (compared here in any case).
    static func isCommand(_ line: String) -> Bool {
        let trimmed = String(String.UnicodeScalarView(line.unicodeScalars.drop(while: CILogCommands.isTrimmedByDotNet)))
        return trimmed.hasPrefix("::") || line.contains("##[") || line.lowercased().contains("##vso[")
    }

    /// Lines as the agents read a process's output (`StreamReader.ReadLine`: `\n`, `\r`, `\r\n`).
    static func agentLines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "\r", omittingEmptySubsequences: false) }.map(String.init)
    }

    static let commands = [
        "::set-env name=NODE_OPTIONS::--require /tmp/x.js", "  ::add-mask::s3cret", "\t::stop-commands::token",
        "\u{2028}::error::x", "\u{85}::warning::y", "\u{A0}::debug::z", "\u{3000}::notice::w", "x ##vso[task.setvariable variable=a]b",
        "##VSO[task.complete result=Succeeded]", "##vso[task.uploadfile]/etc/passwd", "##[group]x", "ok ##[error]bad",
        "a\r::set-output name=a::b", "a\n::notice::b", "a\r\n  ::save-state name=x::y", "::::", "#\\#vso[", "\u{1B}[0K::error::c",
    ]

    @Test func noLineOfOutsideTextIsACommand() {
        let written = LockedBox<[String]>([])
        let keep: @Sendable (String) -> Void = { text in written.withLock { $0.append(text) } }
        for colours in [false, true] {
            let sink = OutputSink(secrets: SecretStore(), colours: colours, out: keep, error: keep, progress: keep)
            for text in Self.commands {
                sink.line(text)
                sink.line("  ✗ test " + text)
                sink.error("error: " + text)
                sink.progress(text)
            }
        }
        let lines = written.withLock { $0 }.flatMap(Self.agentLines)
        #expect(lines.count > Self.commands.count * 8)
        for line in lines { #expect(!Self.isCommand(line), "\(line.debugDescription)") }
        // Made visible, not dropped: the text is still there to read.
        #expect(lines.contains(":\\:set-env name=NODE_OPTIONS::--require /tmp/x.js"))
        #expect(lines.contains("x #\\#vso[task.setvariable variable=a]b"))
    }

    @Test func azspecsOwnAnnotationsStillSpeakAfterHostileText() {
        let problem = Problem(message: Self.commands.joined(separator: "\n"), type: "Hostile", details: "::stop-commands::x")
        let suite = SuiteReport(
            name: "::set-env name=A::b", file: "specs/##vso[x].yaml", timestamp: Date(), duration: 0,
            cases: [CaseReport(name: "\n::add-mask::x", line: 3, duration: 0, outcome: .failed(problem))])
        let report = RunReport(suites: [suite], startedAt: Date(), duration: 0)
        let written = LockedBox<[String]>([])
        let keep: @Sendable (String) -> Void = { text in written.withLock { $0.append(text) } }
        let sink = OutputSink(secrets: SecretStore(), colours: false, out: keep, error: keep, progress: keep)
        for text in Self.commands { sink.line(text) }
        let reports = ReportSet(junitPath: "unused.xml", targets: [ReportTarget(format: .github), ReportTarget(format: .azurePipelines)])
        for line in reports.logCommands(report, redactor: sink.secrets.redactor) { sink.command(line) }
        let commands = written.withLock { $0 }.flatMap(Self.agentLines).filter(Self.isCommand)
        #expect(commands.count == 3, "one GitHub annotation, one Azure issue, Azure's task.complete: \(commands)")
        #expect(commands.first?.hasPrefix("::error file=specs/##vso[x].yaml,line=3,title=") == true, "\(commands)")
        #expect(commands.dropFirst().first?.hasPrefix("##vso[task.logissue type=error;sourcepath=specs/##vso[x%5D.yaml") == true)
    }

    // MARK: 4. merge-reports reads no DTD in any encoding

    static let entityReport = """
        <?xml version="1.0" encoding="UTF-16"?>
        <!DOCTYPE testsuites [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y SYSTEM "http://127.0.0.1:9/ssrf">]>
        <testsuites><testsuite name="a" tests="1"><testcase name="&x;&y;"/></testsuite></testsuites>
        """

    static func utf16(_ text: String, littleEndian: Bool, mark: Bool) -> [UInt8] {
        var bytes: [UInt8] = mark ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in text.utf16 {
            let (low, high) = (UInt8(unit & 0xFF), UInt8(unit >> 8))
            bytes += littleEndian ? [low, high] : [high, low]
        }
        return bytes
    }

    @Test func aDTDIsRefusedWhateverTheEncoding() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var inputs: [(String, [UInt8])] = [
            ("utf8.xml", Array(Self.entityReport.replacingOccurrences(of: "UTF-16", with: "UTF-8").utf8)),
            ("utf8-bom.xml", [0xEF, 0xBB, 0xBF] + Array(Self.entityReport.replacingOccurrences(of: "UTF-16", with: "UTF-8").utf8)),
        ]
        for (littleEndian, mark) in [(true, true), (true, false), (false, true), (false, false)] {
            inputs.append(("utf16-\(littleEndian)-\(mark).xml", Self.utf16(Self.entityReport, littleEndian: littleEndian, mark: mark)))
        }
        for (name, bytes) in inputs {
            let path = folder.path + "/" + name
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect {
                _ = try JUnitMerge.merge([path])
            } throws: { error in
                let text = "\(error)"
                return text.contains("a JUnit report with a DTD or entities is refused") && !text.contains("root:")
            }
        }
    }

    @Test func aUTF16ReportWithoutDTDMergesAsUTF8() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = """
            <?xml version="1.0" encoding="UTF-16"?>
            <testsuites><testsuite name="é &amp; ü" tests="1" failures="1" errors="0" file="a.yaml"><testcase name="x"><failure message="a &lt; b">&#x1F600; <![CDATA[<raw> & ]]></failure></testcase></testsuite></testsuites>
            """
        let path = folder.path + "/r.xml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.utf16(report, littleEndian: false, mark: true))))
        let merged = try JUnitMerge.merge([path])
        #expect(merged.contains("<testsuite name=\"é &amp; ü\""), "\(merged)")
        #expect(merged.contains("<failure message=\"a &lt; b\">😀 &lt;raw&gt; &amp; </failure>"), "\(merged)")
        #expect(merged.contains("tests=\"1\" failures=\"1\""), "\(merged)")
    }

    @Test func theReaderRefusesWhatIsNotWellFormed() {
        for (text, reason) in [
            ("<a><b></a>", "does not close"), ("<a>&nbsp;</a>", "not defined"), ("<a/><b/>", "after the root"),
            ("<a x='1' x='2'/>", "twice"), ("<a x='<'/>", "'<' in the value"), ("<a>]]></a>", "']]>'"), ("<a><!-- -- --></a>", "'--'"),
            ("<a>&#0;</a>", "not a character"), ("<a><!ENTITY x 'y'></a>", "refused"), (String(repeating: "<a>", count: 300), "deeper"),
            ("<?xml version='1.0' encoding='ISO-8859-1'?><a/>", "UTF-8 or UTF-16"), ("<a>\u{1}</a>", "does not allow"), ("", "no root"),
        ] {
            #expect {
                _ = try XMLTree.read(Array(text.utf8))
            } throws: { error in
                "\(error)".contains(reason)
            }
        }
    }

    /// Through the binary, as a CI job runs it (and without holding the megabytes in the test process).
    @Test func aReportOfFourteenMegabytesMerges() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/big.xml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let big = Data(String(repeating: "x", count: 1 << 20).utf8)
        try handle.write(contentsOf: Data("<testsuites><testsuite name=\"s\" tests=\"14\" failures=\"14\">".utf8))
        for index in 0..<14 {
            try handle.write(contentsOf: Data("<testcase name=\"c\(index)\"><failure message=\"m\">".utf8))
            try handle.write(contentsOf: big)
            try handle.write(contentsOf: Data("</failure></testcase>".utf8))
        }
        try handle.write(contentsOf: Data("</testsuite></testsuites>".utf8))
        try handle.close()
        let result = try await folder.run(["merge-reports", "merged.xml", "big.xml"])
        #expect(result.status == 0, "\(result.all)")
        let size = try FileManager.default.attributesOfItem(atPath: folder.path + "/merged.xml")[.size] as? Int ?? 0
        #expect(size > 14 << 20)
    }

    @Test func oneCasesTextIsCappedAndSaysSo() throws {
        let details = String(repeating: "Microsoft.Compute/virtualMachines/read\n", count: 30_000)  // 1.2 MB
        let suite = SuiteReport(
            name: "s", file: "s.yaml", timestamp: Date(), duration: 0,
            cases: [CaseReport(name: "c", line: 1, duration: 0, outcome: .failed(Problem(message: details, type: "T", details: details)))])
        let xml = JUnitWriter().render(RunReport(suites: [suite], startedAt: Date(), duration: 0))
        #expect(xml.utf8.count < JUnitWriter.maximumCaseText + JUnitWriter.maximumMessage + 4_096)
        #expect(xml.contains("(\(details.utf8.count) bytes in all)"))
        let tree = try XMLTree.read(Array(xml.utf8))
        #expect(tree.root.name == "testsuites")
    }

    // MARK: 5. Writing a report never follows a link or hangs

    @Test func aLinkAtTheReportPathIsReplacedNotFollowed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let victim = try folder.write("victim.txt", "keep me")
        #expect(symlink(victim, folder.path + "/report.xml") == 0)
        try JUnitWriter.writeText("<testsuites/>\n", to: folder.path + "/report.xml")
        #expect(folder.read("victim.txt") == "keep me")
        #expect(!InputFile.isSymbolicLink(folder.path + "/report.xml"))
        #expect(folder.read("report.xml") == "<testsuites/>\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFolderEveryoneMayChangeIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let open = folder.path + "/open"
        #expect(mkdir(open, 0o755) == 0 && chmod(open, 0o777) == 0)
        #expect(throws: JUnitWriter.WriteError.self) { try JUnitWriter.writeText("<a/>", to: open + "/r.xml") }
        #expect(chmod(open, 0o1777) == 0)
        #expect(throws: Never.self) { try JUnitWriter.writeText("<a/>", to: open + "/r.xml") }
    }

    @Test(.timeLimit(.minutes(1))) func aPipeNobodyReadsEndsTheWriteWithinItsDeadline() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fifo = folder.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // On a thread of its own: the write waits up to its deadline, which must not hold the test pool.
        let message: String = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do {
                    try JUnitWriter.writeText("<a/>", to: fifo)
                    continuation.resume(returning: "written")
                } catch {
                    continuation.resume(returning: "\(error)")
                }
            }
        }
        #expect(message.contains("it is a pipe that nothing read within 10"), "\(message)")
    }

    @Test func initAndImportNeverWriteThroughALink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        #expect(symlink(outside.path, folder.path + "/.github") == 0)
        #expect(throws: NewFileError.self) { _ = try NewFiles.create([(".github/workflows/azspec.yml", "x")], in: folder.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(symlink(outside.path + "/missing.yaml", folder.path + "/dangling.yaml") == 0)
        #expect(throws: NewFileError.self) { _ = try NewFiles.createAll([("dangling.yaml", "x")], in: folder.path) }
        #expect(!FileManager.default.fileExists(atPath: outside.path + "/missing.yaml"))
    }

    // MARK: 6. Bounded work on hostile sizes

    @Test func retryAfterIsDecimalSecondsOrADate() {
        #expect(RetryPolicy.digits("16") == 16)
        for text in ["0x10", "1e3", "+5", "-1", "inf", "nan", "1.5", " 7", "99999999999999"] {
            #expect(RetryPolicy.digits(text) == nil, "\(text)")
        }
    }

    @Test func authorizationListsWithActionsAzureNeverSendsAreRefused() throws {
        func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: Array(text.utf8)) }
        let long = try json("{\"actions\": [\"\(String(repeating: "a", count: 2_000))\"]}")
        #expect(ARMReader.oversizedActions(in: [long])?.contains("longer than") == true)
        let actions = Array(repeating: "\"a\"", count: 10_001).joined(separator: ",")
        let many = try json("{\"properties\": {\"permissions\": [{\"notActions\": [\(actions)]}]}}")
        #expect(ARMReader.oversizedActions(in: [many])?.contains("10001 notActions") == true)
        #expect(ARMReader.oversizedActions(in: [try json("{\"actions\": [\"*/read\"]}")]) == nil)
    }
}
