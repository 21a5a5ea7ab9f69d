#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders a RunReport as JUnit XML.
///
/// The document has one level of suites, which is all that CI systems read:
/// `<testsuites>` → one `<testsuite>` per spec file → one `<testcase>` per test. A failed assertion becomes
/// `<failure message type>details</failure>`, a test that could not run `<error message type>details</error>`,
/// a skipped test `<skipped message>reason</skipped>`.
///
/// - Every text node and every attribute value that does not hold a number azspec formatted itself is passed
///   through the ``Redactor``, stripped of ANSI escape sequences, has the characters XML 1.0 forbids replaced by
///   visible `\uXXXX` text, and is escaped (see `XMLEscaping`).
/// - Times are seconds with three decimals (`12.346`), timestamps UTC without a zone (`2025-01-15T10:30:00`).
/// - `classname` is derived from the spec file path so that it is the same on every machine:
///   `specs/token/v1.yaml` → `specs.token.v1`. Test names are cut to 512 characters and made unique per class
///   name (`check`, `check (2)`), because GitLab keeps only the first of two equal (classname, name) pairs.
/// - A report without any test case is rendered with ``RunReport/withPlaceholderWhenEmpty()``: one suite `azspec`
///   with one errored case `no specs found`.
public struct JUnitWriter: Sendable {
    /// Which JUnit dialect to write.
    public enum Style: Sendable, CaseIterable {
        /// The default, for Jenkins, GitLab, Azure DevOps and the GitHub report actions: totals on `<testsuites>`,
        /// `file` on suites and cases, `line` on cases, each case's output as its own `<system-out>`. Valid against
        /// the Jenkins xUnit plugin's `junit-10.xsd` once `testcase@file` and `testcase@line` (which no schema
        /// declares but GitLab and the GitHub actions read) are removed.
        case jenkins
        /// `--junit-strict`: valid as is against the Apache Ant schema (windyroad `JUnit.xsd`, the one Azure DevOps
        /// links). `<testsuites>` has no attributes; suites carry `package` (the class name) and `id` (0-based) and
        /// the children `<properties/>`, cases, `<system-out>`, `<system-err/>`; cases have no `file`, `line` or
        /// `<system-out>`, so their outputs are joined into the suite's `<system-out>`.
        case antStrict
    }

    public var style: Style
    /// Masks secrets in everything written.
    public var redactor: Redactor
    /// Written as each suite's `hostname`; `localhost` when blank.
    public var hostname: String

    public init(
        style: Style = .jenkins,
        redactor: Redactor = Redactor(),
        hostname: String = JUnitWriter.localHostName()
    ) {
        self.style = style
        self.redactor = redactor
        self.hostname = hostname
    }

    /// The report as a JUnit XML document (UTF-8 text, ending with a newline).
    public func render(_ report: RunReport) -> String {
        let report = report.withPlaceholderWhenEmpty()
        var xml = JUnitXMLBuilder(redactor: redactor)
        var names = JUnitNameRegistry()
        switch style {
        case .jenkins:
            // junit-10.xsd declares no `skipped` on <testsuites>; the per-suite attribute carries it.
            xml.open(
                "testsuites",
                [
                    .text("name", "azspec"),
                    .number("tests", "\(report.tests)"),
                    .number("failures", "\(report.failures)"),
                    .number("errors", "\(report.errors)"),
                    .number("time", JUnitFormat.seconds(report.duration)),
                ])
        case .antStrict:
            xml.open("testsuites")
        }
        for (id, suite) in report.suites.enumerated() {
            renderSuite(suite, id: id, into: &xml, names: &names)
        }
        xml.close("testsuites")
        return xml.document
    }

    /// This machine's host name from `gethostname(2)` (no DNS lookup), or `localhost` when it has none.
    public static func localHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let name = String(decoding: bytes, as: UTF8.self)
        return JUnitFormat.isBlank(name) ? "localhost" : name
    }

    private func renderSuite(
        _ suite: SuiteReport, id: Int, into xml: inout JUnitXMLBuilder, names: inout JUnitNameRegistry
    ) {
        // Derived from the raw (redacted) path: sanitizing first would turn `\uXXXX` backslashes into separators.
        let className =
            nonBlank(xml.clean(JUnitFormat.className(forSpecFile: redactor.redact(suite.file))))
            ?? nonBlank(xml.clean(suite.name)) ?? "azspec"
        let suiteName = JUnitFormat.truncatedName(nonBlank(xml.clean(suite.name)) ?? className)
        var attributes: [JUnitXMLAttribute] = [
            .text("name", suiteName),
            .number("tests", "\(suite.cases.count)"),
            .number("failures", "\(suite.failures)"),
            .number("errors", "\(suite.errors)"),
            .number("skipped", "\(suite.skipped)"),
            .number("time", JUnitFormat.seconds(suite.duration)),
            .number("timestamp", JUnitFormat.timestamp(suite.timestamp)),
            .text("hostname", nonBlank(xml.clean(hostname)) ?? "localhost"),
        ]
        switch style {
        case .jenkins:
            if !suite.file.isEmpty { attributes.append(.text("file", suite.file)) }
        case .antStrict:
            attributes += [.text("package", className), .number("id", "\(id)")]
        }

        xml.open("testsuite", attributes)
        if style == .antStrict { xml.element("properties") }
        var outputs: [String] = []
        for testCase in suite.cases {
            let name = names.uniqueName(
                JUnitFormat.truncatedName(nonBlank(xml.clean(testCase.name)) ?? "(unnamed)"),
                className: className
            )
            renderCase(testCase, name: name, className: className, file: suite.file, into: &xml)
            if let output = testCase.output, !output.isEmpty { outputs.append("[\(name)]\n\(capped(output, Self.maximumCaseText))") }
        }
        if style == .antStrict {
            xml.element("system-out", text: outputs.joined(separator: "\n"))
            xml.element("system-err")
        }
        xml.close("testsuite")
    }

    private func renderCase(
        _ testCase: CaseReport, name: String, className: String, file: String, into xml: inout JUnitXMLBuilder
    ) {
        var attributes: [JUnitXMLAttribute] = [
            .text("name", name),
            .text("classname", className),
            .number("time", JUnitFormat.seconds(testCase.duration)),
        ]
        var output: String?
        if style == .jenkins {
            if !file.isEmpty { attributes.append(.text("file", file)) }
            if testCase.line > 0 { attributes.append(.number("line", "\(testCase.line)")) }
            output = testCase.output.flatMap { xml.clean($0).isEmpty ? nil : capped($0, Self.maximumCaseText) }
        }
        if testCase.outcome.isPassed && output == nil {
            xml.element("testcase", attributes)
            return
        }
        xml.open("testcase", attributes)
        switch testCase.outcome {
        case .passed:
            break
        case .failed(let problem):
            renderProblem(problem, element: "failure", defaultType: "AssertionFailure", into: &xml)
        case .errored(let problem):
            renderProblem(problem, element: "error", defaultType: "Error", into: &xml)
        case .skipped(let reason):
            xml.element("skipped", reason.isEmpty ? [] : [.text("message", reason)], text: reason)
        }
        if let output { xml.element("system-out", text: output) }
        xml.close("testcase")
    }

    /// GitLab shows the element's text, Azure DevOps the `message` attribute: both are always written.
    private func renderProblem(
        _ problem: Problem, element: String, defaultType: String, into xml: inout JUnitXMLBuilder
    ) {
        let type = nonBlank(problem.type) ?? defaultType
        let text = JUnitFormat.isBlank(problem.details) ? problem.message : problem.details
        xml.element(
            element, [.text("message", capped(problem.message, Self.maximumMessage)), .text("type", type)],
            text: capped(text, Self.maximumCaseText))
    }

    /// The most characters one case's failure text or output holds: far below the 10 MB text node that XML readers
    /// take without a "huge" option, so that a failure over 100,000 actions stays a report every CI system reads.
    public static let maximumCaseText = 1 << 20
    /// The most characters of a failure's `message` attribute (the one line Azure DevOps shows).
    public static let maximumMessage = 16 << 10

    /// `text`, redacted, then cut to `limit` characters with a line saying how many bytes it had.
    private func capped(_ text: String, _ limit: Int) -> String {
        text.utf8.count <= limit ? text : redactor.clip(text, lines: .max, characters: limit)
    }

    private func nonBlank(_ text: String) -> String? {
        JUnitFormat.isBlank(text) ? nil : text
    }
}
