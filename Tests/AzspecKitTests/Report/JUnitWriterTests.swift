import AzspecCore
import AzspecTesting
import Foundation
import Testing

@testable import AzspecKit

@Suite struct JUnitWriterTests {
    let jenkins = JUnitWriter(style: .jenkins, hostname: "ci-runner")
    let antStrict = JUnitWriter(style: .antStrict, hostname: "ci-runner")

    /// The failed case of ``JUnitFixtures/everyOutcome(extra:)`` as the jenkins style writes it.
    static let jenkinsFailingCase = """
            <testcase name="rejects a bad secret" classname="specs.token.v1" time="0.250" \
        file="specs/token/v1.yaml" line="9">
              <failure message="status: expected 401, got 200" type="AssertionFailure">expected: 401
        actual: 200
        request-id: 42</failure>
              <system-out>POST /oauth2/v2.0/token → 200</system-out>
            </testcase>
        """

    /// The end of the first suite in the antStrict style: the case outputs gathered in the suite's system-out.
    static let antStrictSuiteEnd = """
            <system-out>[gets a token]
        POST /oauth2/v2.0/token → 200
        [rejects a bad secret]
        POST /oauth2/v2.0/token → 200</system-out>
            <system-err/>
          </testsuite>
        """

    // MARK: Structure

    @Test(arguments: JUnitWriter.Style.allCases)
    func suiteCountsMatchTheirCases(style: JUnitWriter.Style) throws {
        let xml = JUnitWriter(style: style).render(JUnitFixtures.everyOutcome())
        let pieces = JUnitFixtures.suitePieces(of: xml)
        let suites = JUnitFixtures.attributes(of: "testsuite", in: xml)
        try #require(pieces.count == 2 && suites.count == 2)
        for (piece, suite) in zip(pieces, suites) {
            #expect(suite["tests"] == "\(JUnitFixtures.occurrences(of: "<testcase ", in: piece))")
            #expect(suite["failures"] == "\(JUnitFixtures.occurrences(of: "<failure ", in: piece))")
            #expect(suite["errors"] == "\(JUnitFixtures.occurrences(of: "<error ", in: piece))")
            #expect(suite["skipped"] == "\(JUnitFixtures.occurrences(of: "<skipped", in: piece))")
        }
        #expect(suites.map { $0["tests"] } == ["4", "2"])
        #expect(suites.map { $0["skipped"] } == ["1", "1"])
    }

    @Test func jenkinsTotalsOnTestsuites() throws {
        let xml = jenkins.render(JUnitFixtures.everyOutcome())
        let totals = try #require(JUnitFixtures.attributes(of: "testsuites", in: xml).first)
        #expect(totals == ["name": "azspec", "tests": "6", "failures": "1", "errors": "1", "time": "13.846"])
    }

    @Test func jenkinsLayout() throws {
        let xml = jenkins.render(JUnitFixtures.everyOutcome())
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<testsuites "))
        let suite = try #require(JUnitFixtures.attributes(of: "testsuite", in: xml).first)
        #expect(suite["file"] == "specs/token/v1.yaml")
        #expect(suite["hostname"] == "ci-runner")
        #expect(suite["package"] == nil && suite["id"] == nil)
        let cases = JUnitFixtures.attributes(of: "testcase", in: xml)
        try #require(cases.count == 6)
        #expect(
            cases[0] == [
                "name": "gets a token", "classname": "specs.token.v1", "time": "0.123",
                "file": "specs/token/v1.yaml", "line": "3",
            ])
        #expect(cases[4]["line"] == nil, "line 0 means unknown and is left out")
        #expect(xml.contains(Self.jenkinsFailingCase))
        #expect(xml.contains(#"<error message="connection refused" type="ConnectionError">GET https://"#))
        #expect(
            xml.contains(
                #"<skipped message="no certificate configured">no certificate configured</skipped>"#))
        #expect(xml.contains(#"line="7">"# + "\n      <skipped/>"), "an empty reason gives a bare <skipped/>")
        #expect(!xml.contains("<properties"))
    }

    @Test func antStrictLayout() throws {
        let xml = antStrict.render(JUnitFixtures.everyOutcome())
        #expect(xml.contains("\n<testsuites>\n"))
        let suites = JUnitFixtures.attributes(of: "testsuite", in: xml)
        #expect(suites.map { $0["id"] } == ["0", "1"])
        #expect(suites.map { $0["package"] } == ["specs.token.v1", "specs.arm.rg"])
        #expect(suites.allSatisfy { $0["file"] == nil })
        #expect(
            JUnitFixtures.attributes(of: "testcase", in: xml).allSatisfy {
                Set($0.keys) == ["name", "classname", "time"]
            })
        let first = try #require(JUnitFixtures.suitePieces(of: xml).first)
        #expect(first.components(separatedBy: "\n")[1] == "    <properties/>")
        #expect(first.contains(Self.antStrictSuiteEnd))
        #expect(JUnitFixtures.occurrences(of: "<system-out", in: xml) == 2, "one per suite, none in cases")
    }

    @Test(arguments: [
        ("specs/token/v1.yaml", "specs.token.v1"),
        ("./specs/token/v1.yaml", "specs.token.v1"),
        ("././specs/arm/rg.yml", "specs.arm.rg"),
        (#"specs\arm\rg.yml"#, "specs.arm.rg"),
        ("/abs/specs/x.yaml", "abs.specs.x"),
        ("../specs/x.yaml", "specs.x"),
        ("v1.2.yaml", "v1.2"),
        ("specs/.hidden/.x.yaml", "specs.hidden.x"),
        ("noextension", "noextension"),
        ("", ""),
    ])
    func classNameFromSpecFile(path: String, expected: String) {
        #expect(JUnitFormat.className(forSpecFile: path) == expected)
    }

    @Test func classNameFallsBackToSuiteName() throws {
        let report = RunReport(
            suites: [
                SuiteReport(
                    name: "my suite", file: "", timestamp: JUnitFixtures.started, duration: 0,
                    cases: [CaseReport(name: "a", line: 1, duration: 0, outcome: .passed)])
            ],
            startedAt: JUnitFixtures.started, duration: 0
        )
        let testCase = try #require(JUnitFixtures.attributes(of: "testcase", in: jenkins.render(report)).first)
        #expect(testCase["classname"] == "my suite")
        #expect(testCase["file"] == nil)
    }

    @Test(
        arguments: [
            (0.00001, "0.000"), (12.3456, "12.346"), (0, "0.000"), (0.0005, "0.001"), (-3, "0.000"),
            (.nan, "0.000"), (.infinity, "0.000"), (1e7, "10000000.000"), (59.9999, "60.000"), (1e300, "1000000000000.000"),
        ] as [(Double, String)])
    func timeFormatting(seconds: Double, expected: String) {
        #expect(JUnitFormat.seconds(seconds) == expected)
    }

    @Test(arguments: JUnitWriter.Style.allCases)
    func everyTimeIsPlainDecimal(style: JUnitWriter.Style) {
        let xml = JUnitWriter(style: style).render(JUnitFixtures.everyOutcome())
        let times = ["testsuites", "testsuite", "testcase"].flatMap {
            JUnitFixtures.attributes(of: $0, in: xml).compactMap { $0["time"] }
        }
        #expect(times.count == (style == .jenkins ? 9 : 8))
        #expect(times.allSatisfy { $0.wholeMatch(of: /[0-9]+\.[0-9]{3}/) != nil }, "\(times)")
        #expect(times.contains("0.000") && times.contains("12.346"))
    }

    @Test func timestampIsUTCWithoutZone() {
        #expect(JUnitFormat.timestamp(JUnitFixtures.started) == "2025-01-15T10:30:00")
        #expect(JUnitFormat.timestamp(JUnitFixtures.started.addingTimeInterval(0.999)) == "2025-01-15T10:30:00")
        #expect(JUnitFormat.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00")
        let xml = jenkins.render(JUnitFixtures.everyOutcome())
        let stamps = JUnitFixtures.attributes(of: "testsuite", in: xml).map { $0["timestamp"] }
        #expect(stamps == ["2025-01-15T10:30:00", "2025-01-15T10:30:01"])
    }

    @Test func duplicateNamesBecomeUnique() {
        let cases = ["check", "check", "check (2)", "check"].map {
            CaseReport(name: $0, line: 1, duration: 0, outcome: .passed)
        }
        let suite = SuiteReport(name: "s", file: "a.yaml", timestamp: JUnitFixtures.started, duration: 0, cases: cases)
        let xml = jenkins.render(RunReport(suites: [suite, suite], startedAt: JUnitFixtures.started, duration: 0))
        let names = JUnitFixtures.attributes(of: "testcase", in: xml).compactMap { $0["name"] }
        #expect(
            names == [
                "check", "check (2)", "check (2) (2)", "check (3)",
                "check (4)", "check (5)", "check (2) (3)", "check (6)",
            ])
    }

    @Test func longNamesAreCut() throws {
        let long = String(repeating: "x", count: 600)
        let suite = SuiteReport(
            name: long, file: "a.yaml", timestamp: JUnitFixtures.started, duration: 0,
            cases: [
                CaseReport(name: long, line: 1, duration: 0, outcome: .passed),
                CaseReport(name: long, line: 2, duration: 0, outcome: .passed),
            ])
        let xml = jenkins.render(RunReport(suites: [suite], startedAt: JUnitFixtures.started, duration: 0))
        let names = JUnitFixtures.attributes(of: "testcase", in: xml).compactMap { $0["name"] }
        #expect(names.allSatisfy { $0.count == JUnitFormat.maximumNameLength }, "\(names.map(\.count))")
        #expect(names.count == 2 && names[0].hasSuffix("x…") && names[1].hasSuffix("… (2)"))
        let suiteName = try #require(JUnitFixtures.attributes(of: "testsuite", in: xml).first?["name"])
        #expect(suiteName.count == JUnitFormat.maximumNameLength)
    }

    // MARK: Empty run

    @Test(arguments: JUnitWriter.Style.allCases)
    func emptyRunReportsNoSpecsFound(style: JUnitWriter.Style) throws {
        let xml = JUnitWriter(style: style).render(RunReport(suites: [], startedAt: JUnitFixtures.started, duration: 0))
        let suites = JUnitFixtures.attributes(of: "testsuite", in: xml)
        try #require(suites.count == 1)
        #expect(suites[0]["name"] == "azspec")
        #expect(suites[0]["tests"] == "1" && suites[0]["errors"] == "1" && suites[0]["failures"] == "0")
        let testCase = try #require(JUnitFixtures.attributes(of: "testcase", in: xml).first)
        #expect(testCase["name"] == "no specs found" && testCase["classname"] == "azspec")
        #expect(xml.contains(#"<error message="no specs found" type="NoSpecsFound">azspec ran no tests"#))
    }

    @Test func runWithOnlyEmptySuitesGetsThePlaceholderToo() {
        let empty = SuiteReport(name: "empty", file: "e.yaml", timestamp: JUnitFixtures.started, duration: 0, cases: [])
        let report = RunReport(suites: [empty], startedAt: JUnitFixtures.started, duration: 0)
        #expect(report.withPlaceholderWhenEmpty().suites.map(\.name) == ["empty", "azspec"])
        #expect(report.withPlaceholderWhenEmpty().errors == 1)
        let full = JUnitFixtures.everyOutcome()
        #expect(full.withPlaceholderWhenEmpty().suites.count == full.suites.count)
    }

    // MARK: Escaping and redaction

    @Test(arguments: [
        ("]]>", "]]&gt;", "]]&gt;"),
        ("<a b=\"c\">", "&lt;a b=&quot;c&quot;&gt;", "&lt;a b=&quot;c&quot;&gt;"),
        ("&amp; 'x'", "&amp;amp; 'x'", "&amp;amp; 'x'"),
        ("\u{1B}[31mred\u{1B}[0m", "red", "red"),
        ("\u{1B}[1;38;5;196mX\u{1B}[K", "X", "X"),
        ("a\u{1B}[31", "a", "a"),
        ("\u{1B}]0;title\u{07}after", "after", "after"),
        ("\u{1B}]8;;https://x\u{1B}\\link", "link", "link"),
        ("\u{1B}]unterminated", "unterminated", "unterminated"),
        ("lone\u{1B}x end\u{1B}", "lonex end", "lonex end"),
        ("a\u{0}b", "a\\u0000b", "a\\u0000b"),
        ("\u{FFFF}\u{FFFE}", "\\uFFFF\\uFFFE", "\\uFFFF\\uFFFE"),
        ("\u{8}\u{B}\u{C}\u{E}\u{1F}", "\\u0008\\u000B\\u000C\\u000E\\u001F", "\\u0008\\u000B\\u000C\\u000E\\u001F"),
        ("l1\nl2\tt\rc", "l1\nl2\tt&#13;c", "l1&#10;l2&#9;t&#13;c"),
        ("\r\n", "&#13;\n", "&#13;&#10;"),
        ("é 🚀 \u{FFFD} \u{7F}", "é 🚀 \u{FFFD} \u{7F}", "é 🚀 \u{FFFD} \u{7F}"),
    ])
    func escaping(input: String, text: String, attribute: String) {
        #expect(XMLEscaping.escapedText(input) == text)
        #expect(XMLEscaping.escapedAttribute(input) == attribute)
    }

    @Test(arguments: JUnitWriter.Style.allCases)
    func hostileTextCannotBreakTheDocument(style: JUnitWriter.Style) {
        let xml = JUnitWriter(style: style, hostname: JUnitFixtures.hostile)
            .render(JUnitFixtures.everyOutcome(extra: JUnitFixtures.hostile))
        #expect(xml.unicodeScalars.allSatisfy { XMLEscaping.isAllowedInXML($0) && $0 != "\u{1B}" })
        #expect(!xml.contains("]]>"))
        #expect(!xml.contains("<![CDATA["))
        #expect(!xml.contains("<tag"))
        #expect(xml.contains("nul:\\u0000 vt:\\u000B"))
        #expect(xml.contains("&#13;"))
        let values = ["testsuite", "testcase", "failure", "error", "skipped"].flatMap {
            JUnitFixtures.attributes(of: $0, in: xml).flatMap(\.values)
        }
        #expect(values.count > 30)
        #expect(values.allSatisfy { !$0.contains("\n") && !$0.contains("\t") && !$0.contains("\r") })
        #expect(values.contains { $0.contains("line1&#10;line2&#9;tab&#13;cr") })
    }

    @Test(arguments: JUnitWriter.Style.allCases)
    func redactsTheSecretEverywhere(style: JUnitWriter.Style) {
        let canary = "CANARY-s3cr3t-9f8e7d"
        let writer = JUnitWriter(style: style, redactor: Redactor(secrets: [canary]), hostname: "host-" + canary)
        var report = JUnitFixtures.everyOutcome(extra: " " + canary)
        // Split by a colour code: found once the sequence is stripped.
        report.suites[1].cases[0].output = "token CANARY-\u{1B}[1ms3cr3t-9f8e7d"
        let xml = writer.render(report)
        #expect(!xml.contains(canary))
        #expect(!xml.contains("s3cr3t"))
        #expect(JUnitFixtures.occurrences(of: "***", in: xml) >= 20)
        #expect(xml.contains(#"hostname="host-***""#))
        #expect(xml.contains(#"<failure message="status: expected 401, got 200 ***" type="AssertionFailure ***">"#))
    }

    // MARK: Writing files

    @Test func writeReplacesAnExistingFileAndCreatesFolders() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/reports/nested/TEST-azspec.xml"
        let report = JUnitFixtures.everyOutcome()

        try jenkins.write(report, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == jenkins.render(report))

        let small = RunReport(suites: [], startedAt: JUnitFixtures.started, duration: 0)
        try jenkins.write(small, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == jenkins.render(small), "replaced, not appended")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/reports/nested") == ["TEST-azspec.xml"])
    }

    /// `--junit /dev/null` once replaced the machine's /dev/null with a regular file (rename over a device). A pipe or a
    /// device is written into and stays what it was; a FIFO stands in for /dev/null, so that a regression breaks
    /// nothing else.
    @Test(.timeLimit(.minutes(1))) func aPipeIsWrittenIntoNotReplaced() async throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let report = JUnitFixtures.everyOutcome()
        // The reader opens the FIFO while the writer does: the two run side by side on threads of their own (not the
        // test pool's, which other tests may hold), and the writer waits for the reader only up to its deadline.
        let received = LockedBox(Data())
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            received.withLock { $0 = (try? FileHandle(forReadingAtPath: path)?.readToEnd()) ?? Data() }
            done.signal()
        }
        try jenkins.write(report, to: path)
        done.wait()
        let bytes = received.withLock { $0 }
        #expect(String(decoding: bytes, as: UTF8.self) == jenkins.render(report))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!InputFile.isRegularFile(path), "still a pipe, not a file renamed over it")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["pipe"], "no temporary file left")
    }

    @Test func writeToAPathUnderAFileThrows() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: root + "/file"))
        let path = root + "/file/sub/report.xml"

        let error = try #require(throws: JUnitWriter.WriteError.self) {
            try jenkins.write(JUnitFixtures.everyOutcome(), to: path)
        }
        #expect(error.path == path)
        #expect(error.reason == "'\(root)/file' exists and is not a folder")
        #expect(error.description.contains(path))
        #expect(error.localizedDescription == error.description)
    }

    @Test func writeOverAFolderThrowsAndLeavesNoTemporaryFile() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/report.xml"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)

        let error = try #require(throws: JUnitWriter.WriteError.self) {
            try jenkins.write(JUnitFixtures.everyOutcome(), to: path)
        }
        #expect(error.reason.contains("cannot rename"), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["report.xml"])
    }

    @Test func writeToAnEmptyPathThrows() {
        #expect(throws: JUnitWriter.WriteError.self) { try jenkins.write(JUnitFixtures.everyOutcome(), to: "") }
    }

    @Test func localHostNameIsNotBlank() {
        #expect(!JUnitWriter.localHostName().isEmpty)
        #expect(JUnitWriter().hostname == JUnitWriter.localHostName())
    }

    private func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("azspec-junit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Validates rendered reports with `xmllint` against the schemas CI consumers use.
///
/// When `xmllint` or the schema folder is missing these tests are disabled (reported as skipped, with a
/// `SKIPPED: …` line on standard output) instead of passing without having validated anything.
@Suite struct JUnitSchemaTests {
    static let jenkinsSchema = "jenkins-xunit-junit-10.xsd"
    static let antSchema = "windyroad-JUnit.xsd"

    @Test(.enabled(if: XMLLint.isUsable(for: "JUnit schema validation"), "needs xmllint and ../shared/junit-xsd"))
    func jenkinsStyleIsValidAgainstJenkinsSchema() throws {
        for report in Self.reports {
            let xml = JUnitWriter(style: .jenkins, hostname: JUnitFixtures.hostile).render(report)
            let wellFormed = try XMLLint.checkWellFormed(xml)
            #expect(wellFormed.isValid, "\(wellFormed)")
            let stripped = XMLLint.removingTestcaseFileAndLine(xml)
            #expect(!stripped.contains(" line=\""))
            let verdict = try XMLLint.validate(stripped, schema: XMLLint.schema(Self.jenkinsSchema))
            #expect(verdict.isValid, "\(verdict)\n\(stripped)")
        }
    }

    @Test(.enabled(if: XMLLint.isUsable(for: "JUnit schema validation"), "needs xmllint and ../shared/junit-xsd"))
    func antStrictStyleIsValidAgainstAntSchemaAsIs() throws {
        for report in Self.reports {
            let xml = JUnitWriter(style: .antStrict, hostname: JUnitFixtures.hostile).render(report)
            let verdict = try XMLLint.validate(xml, schema: XMLLint.schema(Self.antSchema))
            #expect(verdict.isValid, "\(verdict)\n\(xml)")
        }
    }

    /// Proves the validator is not vacuous: documents that are wrong must be rejected.
    @Test(.enabled(if: XMLLint.isUsable(for: "JUnit schema validation"), "needs xmllint and ../shared/junit-xsd"))
    func validatorRejectsInvalidDocuments() throws {
        let malformed = "<testsuites><testsuite name=\"a\"></testsuites>"
        #expect(try !XMLLint.checkWellFormed(malformed).isValid)
        #expect(try !XMLLint.checkWellFormed("<a>\u{1B}</a>").isValid)

        let missingAttributes = "<testsuites><testsuite name=\"a\"/></testsuites>"
        #expect(try !XMLLint.validate(missingAttributes, schema: XMLLint.schema(Self.jenkinsSchema)).isValid)
        #expect(try !XMLLint.validate(missingAttributes, schema: XMLLint.schema(Self.antSchema)).isValid)

        // Unstripped, the jenkins style carries testcase@file/@line, which no schema declares.
        let jenkins = JUnitWriter(style: .jenkins).render(JUnitFixtures.everyOutcome())
        let jenkinsVerdict = try XMLLint.validate(jenkins, schema: XMLLint.schema(Self.jenkinsSchema))
        #expect(!jenkinsVerdict.isValid)
        #expect(jenkinsVerdict.output.contains("attribute 'file'"), "\(jenkinsVerdict)")
        // The jenkins style breaks the Ant schema's rules (attributes on <testsuites>, testcase-level system-out).
        let stripped = XMLLint.removingTestcaseFileAndLine(jenkins)
        #expect(try !XMLLint.validate(stripped, schema: XMLLint.schema(Self.antSchema)).isValid)
    }

    private static var reports: [RunReport] {
        [
            JUnitFixtures.everyOutcome(),
            JUnitFixtures.everyOutcome(extra: JUnitFixtures.hostile),
            RunReport(suites: [], startedAt: JUnitFixtures.started, duration: 0),
        ]
    }
}
