public import Yams

/// Composes YAML text into a node tree for the spec loader and the emulator's configuration reader alike, with
/// one wording for syntax errors and one rule for what azspec does not accept.
///
/// Anchors and aliases are refused: an alias is a copy of its anchor's subtree, so a few lines ("billion laughs")
/// can stand for gigabytes. Yams composes an alias as the anchored node itself (shared, not copied), so the check
/// below stops at the first anchored node on each branch and visits every written node at most once: it is
/// bounded by the file's size, never by what the aliases would expand to.
public enum YAMLDocument {
    /// The root node, or the problems that stop the file from being read (syntax errors, anchors, an empty file).
    public static func compose(_ text: String, file: String) -> (root: Node?, diagnostics: [Diagnostic]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return (nil, [diagnostic(for: error, file: file)])
        }
        guard let root else {
            return (nil, [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "the file is empty")])
        }
        var anchors: [Diagnostic] = []
        var seen: Set<SourceLocation> = []
        findAnchors(in: root, file: file, into: &anchors, seen: &seen)
        guard anchors.isEmpty else { return (nil, anchors) }
        return (root, [])
    }

    /// Where `node` was written.
    public static func location(of node: Node, file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// An error for each anchored node, without descending into it (its aliases are the same node again).
    private static func findAnchors(
        in node: Node, file: String, into diagnostics: inout [Diagnostic], seen: inout Set<SourceLocation>
    ) {
        if let anchor = node.anchor {
            let location = location(of: node, file: file)
            guard seen.insert(location).inserted else { return }
            let message = "YAML anchors and aliases are not supported (&\(anchor.rawValue)): write the value out, or use a variable"
            diagnostics.append(Diagnostic(.error, at: location, message))
            return
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                findAnchors(in: key, file: file, into: &diagnostics, seen: &seen)
                findAnchors(in: value, file: file, into: &diagnostics, seen: &seen)
            }
        case .sequence(let sequence):
            for item in sequence { findAnchors(in: item, file: file, into: &diagnostics, seen: &seen) }
        default:
            break
        }
    }

    /// A YAML syntax error as a diagnostic at its mark.
    public static func diagnostic(for error: any Error, file: String) -> Diagnostic {
        func at(_ mark: Mark, _ message: String) -> Diagnostic {
            Diagnostic(.error, at: SourceLocation(file: file, line: mark.line, column: mark.column), message)
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
            YamlError.parser(let context, let problem, let mark, _),
            YamlError.composer(let context, let problem, let mark, _):
            let prefix = context.map { "\(trimmed($0.text)): " } ?? ""
            return at(mark, "invalid YAML: \(prefix)\(problem)")
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return at(context.mark, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping")
        case YamlError.reader(let problem, _, _, _):
            return Diagnostic(.error, at: start, "invalid YAML: \(problem)")
        default:
            return Diagnostic(.error, at: start, "invalid YAML: \(error)")
        }
    }

    private static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
