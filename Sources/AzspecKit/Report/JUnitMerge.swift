import AzspecCore

/// `azspec merge-reports OUT IN…`: the JUnit reports of the shards of one run joined into one, as a single run would
/// have written it: every suite once, in spec-path order (the order of an unsharded run), totals summed, the
/// placeholder suites of empty shards dropped. Inputs are read bounded and only if regular, by azspec's own XML
/// reader (``XMLTree``): UTF-8 or UTF-16, no DTD, no entity but XML's five, so nothing is loaded or fetched.
public enum JUnitMerge {
    /// The largest report read: the same 64 MiB as anything azspec writes can reach, since one case's text is capped
    /// (``JUnitWriter/maximumCaseText``).
    public static let maximumReportBytes = 64 << 20
    static let inputKind = InputFile.Kind(name: "JUnit report", limit: maximumReportBytes)

    /// The merged document, or why an input cannot be merged.
    public static func merge(_ paths: [String]) throws(JUnitMergeError) -> String {
        guard !paths.isEmpty else { throw JUnitMergeError("give at least one report to merge") }
        var suites: [(file: String, order: Int, element: XMLTree.Element)] = []
        var strict = false
        var time = 0.0
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(path, as: inputKind)
            } catch {
                throw JUnitMergeError(error.description)
            }
            let root: XMLTree.Element
            do {
                root = try XMLTree.read(bytes).root
            } catch {
                if error.reason.contains("DTD") || error.reason.contains("entit") {
                    throw JUnitMergeError(
                        "\(path): a JUnit report with a DTD or entities is refused (line \(error.line), column \(error.column): \(error.reason))"
                    )
                }
                throw JUnitMergeError("\(path):\(error.line):\(error.column): not well-formed XML: \(error.reason)")
            }
            let found: [XMLTree.Element]
            switch root.name {
            case "testsuites":
                found = root.elements(named: "testsuite")
                if root.attributes.isEmpty { strict = true }
                time += readNumber(root, "time") ?? found.reduce(0) { $0 + number($1, "time") }
            case "testsuite":
                found = [root]
                time += number(root, "time")
            default:
                throw JUnitMergeError("\(path): not a JUnit report (its root is <\(root.name)>, not <testsuites> or <testsuite>)")
            }
            for suite in found where !isEmptyShard(suite) {
                suites.append((suite.attribute("file") ?? "", suites.count, suite))
            }
        }
        if suites.allSatisfy({ !$0.file.isEmpty }) {
            suites.sort { ($0.file, $0.order) < ($1.file, $1.order) }
        }
        var totals = (tests: 0, failures: 0, errors: 0)
        for (index, suite) in suites.enumerated() {
            totals.tests += Int(number(suite.element, "tests"))
            totals.failures += Int(number(suite.element, "failures"))
            totals.errors += Int(number(suite.element, "errors"))
            if strict, suite.element.attribute("id") != nil {
                suite.element.removeAttribute("id")
                suite.element.setAttribute("id", "\(index)")
            }
        }
        let open =
            strict
            ? "<testsuites>"
            : "<testsuites name=\"azspec\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" "
                + "time=\"\(JUnitFormat.seconds(time))\">"
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", open]
        lines += suites.map { "  " + $0.element.xml }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The placeholder suite of a shard no file fell to.
    private static func isEmptyShard(_ suite: XMLTree.Element) -> Bool {
        let name = suite.attribute("name") ?? ""
        return name.hasPrefix("azspec shard ") && number(suite, "tests") == number(suite, "skipped")
    }

    private static func number(_ element: XMLTree.Element, _ name: String) -> Double { readNumber(element, name) ?? 0 }

    /// An attribute's count or seconds, when it is one (finite, not negative, below 10¹²).
    private static func readNumber(_ element: XMLTree.Element, _ name: String) -> Double? {
        guard let value = Double(element.attribute(name) ?? "") else { return nil }
        return value.isFinite && value >= 0 && value < 1e12 ? value : nil
    }
}

/// A report that cannot be merged: the file and what is wrong.
public struct JUnitMergeError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
