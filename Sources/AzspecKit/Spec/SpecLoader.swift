import AzspecCore
import Foundation
import Yams

/// Reads YAML spec files into suites. Every problem is collected with its file:line:column; nothing is sent.
public struct SpecLoader: Sendable {
    public init() {}

    /// Reads a YAML file (bounded, regular files only) and composes its node tree, or says why it cannot.
    static func compose(file path: String, as kind: InputFile.Kind = .spec) -> (node: Node?, diagnostics: [Diagnostic]) {
        let text: String
        do {
            text = try InputFile.readText(path, as: kind)
        } catch {
            return (nil, [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), error.description)])
        }
        return compose(yaml: text, file: path)
    }

    static func compose(yaml text: String, file: String) -> (node: Node?, diagnostics: [Diagnostic]) {
        let (root, diagnostics) = YAMLDocument.compose(text, file: file)
        return (root, diagnostics)
    }

    /// Reads and parses the file at `path`; `path` is also how diagnostics name it. `searched`: the file was found
    /// by searching a folder, so one that is plainly not a spec is skipped (``LoadedSpec/notASpec``).
    public func load(file path: String, searched: Bool = false) -> LoadedSpec {
        let (node, diagnostics) = Self.compose(file: path)
        guard let node else { return LoadedSpec(file: path, suite: nil, diagnostics: diagnostics) }
        if searched, let reason = Self.notASpec(node) {
            return LoadedSpec(file: path, suite: nil, diagnostics: [], notASpec: reason)
        }
        return parse(node, file: path)
    }

    /// Why a YAML document is plainly not a spec: a mapping without `tests` or a key one typo from it (`test`,
    /// `tset`), so that a spec with a misspelt key is still read, and its mistake reported.
    static func notASpec(_ root: Node) -> String? {
        guard case .mapping(let mapping) = root else { return nil }
        let keys = mapping.keys.compactMap(\.string)
        if keys.contains(where: { Suggestion.editDistance($0.lowercased(), "tests") <= 2 }) { return nil }
        return "not a spec (no 'tests:'): its keys are \(keys.prefix(6).joined(separator: ", "))\(keys.count > 6 ? ", …" : "")"
    }

    /// Parses spec text; `file` names it in diagnostics and reports.
    public func load(yaml text: String, file: String) -> LoadedSpec {
        let (node, diagnostics) = Self.compose(yaml: text, file: file)
        guard let node else { return LoadedSpec(file: file, suite: nil, diagnostics: diagnostics) }
        return parse(node, file: file)
    }

    private func parse(_ root: Node, file: String) -> LoadedSpec {
        var reader = YAMLReader(file: file)
        reader.homes = SpecParser.homes
        var parser = SpecParser(reader: reader)
        let suite = parser.suite(root)
        return LoadedSpec(file: file, suite: suite, diagnostics: parser.reader.diagnostics.diagnostics)
    }
}
