import AzspecCore
import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `azspec merge-reports OUT IN…`: the JUnit reports of the shards of one run joined into one, as a single run would
/// have written it: every suite once, in spec-path order (the order of an unsharded run), totals summed, the
/// placeholder suites of empty shards dropped. Inputs are read bounded and only if regular; documents with a DTD are
/// refused (no entity expansion).
public enum JUnitMerge {
    static let inputKind = InputFile.Kind(name: "JUnit report", limit: 64 << 20)

    /// The merged document, or why an input cannot be merged.
    public static func merge(_ paths: [String]) throws(JUnitMergeError) -> String {
        guard !paths.isEmpty else { throw JUnitMergeError("give at least one report to merge") }
        var suites: [(file: String, order: Int, element: XMLElement)] = []
        var strict = false
        var time = 0.0
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(path, as: inputKind)
            } catch {
                throw JUnitMergeError(error.description)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if text.contains("<!DOCTYPE") || text.contains("<!ENTITY") {
                throw JUnitMergeError("\(path): a JUnit report with a DTD or entities is refused")
            }
            // XMLDocument recovers from errors; the SAX parser says whether the document is well-formed at all.
            let checker = XMLParser(data: Data(bytes))
            let errors = ParseErrors()
            checker.delegate = errors
            checker.shouldResolveExternalEntities = false
            guard checker.parse(), errors.first == nil, checker.parserError == nil else {
                throw JUnitMergeError("\(path):\(checker.lineNumber):\(checker.columnNumber): not well-formed XML")
            }
            let document: XMLDocument
            do {
                document = try XMLDocument(data: Data(bytes), options: [])
            } catch {
                throw JUnitMergeError("\(path): not well-formed XML (\(error.localizedDescription))")
            }
            guard let root = document.rootElement() else { throw JUnitMergeError("\(path): an empty document") }
            let found: [XMLElement]
            switch root.name {
            case "testsuites":
                found = root.elements(forName: "testsuite")
                if root.attributes?.isEmpty ?? true { strict = true }
                time += Double(root.attribute(forName: "time")?.stringValue ?? "") ?? found.reduce(0) { $0 + number($1, "time") }
            case "testsuite":
                found = [root]
                time += number(root, "time")
            default:
                throw JUnitMergeError("\(path): not a JUnit report (its root is <\(root.name ?? "?")>, not <testsuites> or <testsuite>)")
            }
            for suite in found where !isEmptyShard(suite) {
                suite.detach()
                suites.append((suite.attribute(forName: "file")?.stringValue ?? "", suites.count, suite))
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
            if strict, suite.element.attribute(forName: "id") != nil {
                suite.element.removeAttribute(forName: "id")
                suite.element.addAttribute(attribute("id", "\(index)"))
            }
        }
        let open =
            strict
            ? "<testsuites>"
            : "<testsuites name=\"azspec\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" "
                + "time=\"\(JUnitFormat.seconds(time))\">"
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", open]
        lines += suites.map { "  " + $0.element.xmlString(options: []) }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The placeholder suite of a shard no file fell to.
    private static func isEmptyShard(_ suite: XMLElement) -> Bool {
        let name = suite.attribute(forName: "name")?.stringValue ?? ""
        return name.hasPrefix("azspec shard ") && number(suite, "tests") == number(suite, "skipped")
    }

    private static func number(_ element: XMLElement, _ name: String) -> Double {
        let value = Double(element.attribute(forName: name)?.stringValue ?? "") ?? 0
        return value.isFinite && value >= 0 && value < 1e12 ? value : 0
    }

    private static func attribute(_ name: String, _ value: String) -> XMLNode {
        let node = XMLNode(kind: .attribute)
        node.name = name
        node.stringValue = value
        return node
    }
}

/// The first error the SAX parser met (it reports some only to its delegate).
private final class ParseErrors: NSObject, XMLParserDelegate {
    var first: (any Error)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if first == nil { first = parseError }
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
        if first == nil { first = validationError }
    }
}

/// A report that cannot be merged: the file and what is wrong.
public struct JUnitMergeError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
