internal import CYaml
public import Yams

/// Composes YAML text into a node tree for the spec loader and the emulator's configuration reader alike, with
/// one wording for syntax errors and one rule for what azspec does not accept.
///
/// Anchors and aliases are refused before anything is composed: an alias is a copy of its anchor's subtree, so a
/// few lines ("billion laughs") can stand for gigabytes. libyaml's event stream (Yams' own C parser) is read once
/// for anchors and aliases, so the check is bounded by the file's size, never by what the aliases would expand to.
public enum YAMLDocument {
    /// The root node, or the problems that stop the file from being read (syntax errors, anchors, an empty file).
    public static func compose(_ text: String, file: String) -> (root: Node?, diagnostics: [Diagnostic]) {
        let anchors = anchorsAndAliases(in: text, file: file)
        guard anchors.isEmpty else { return (nil, anchors) }
        let root: Node?
        do {
            // azspec types plain scalars itself (`Node.Scalar.resolvedJSON`, YAML 1.2's core schema): Yams' default
            // resolver would run a regular expression per scalar for tags nothing reads, most of a large load's time.
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            if case YamlError.duplicatedKeysInMapping(let duplicates, let context) = error, let key = duplicates.first,
                let (first, second) = duplicatePositions(of: key, mappingAt: context.mark, in: text)
            {
                return (
                    nil,
                    [
                        Diagnostic(
                            .error, at: SourceLocation(file: file, line: second.line, column: second.column),
                            "duplicate key '\(key)': it is set already at line \(first.line)"),
                        Diagnostic(
                            .note, at: SourceLocation(file: file, line: first.line, column: first.column), "'\(key)' is first set here"),
                    ]
                )
            }
            return (nil, [diagnostic(for: error, file: file, text: text)])
        }
        guard let root else {
            return (nil, [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "the file is empty")])
        }
        return (root, [])
    }

    /// Where `node` was written.
    public static func location(of node: Node, file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// An error at each anchor (`&name`) and alias (`*name`), found in libyaml's event stream without building
    /// any node. A syntax error ends the scan; composing reports it.
    static func anchorsAndAliases(in text: String, file: String) -> [Diagnostic] {
        // Every anchor holds `&` and every alias `*`: a file with neither needs no second look.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return [] }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        var diagnostics: [Diagnostic] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let type = event.type
                let anchor: UnsafeMutablePointer<yaml_char_t>? =
                    switch type {
                    case YAML_ALIAS_EVENT: event.data.alias.anchor
                    case YAML_SCALAR_EVENT: event.data.scalar.anchor
                    case YAML_SEQUENCE_START_EVENT: event.data.sequence_start.anchor
                    case YAML_MAPPING_START_EVENT: event.data.mapping_start.anchor
                    default: nil
                    }
                if let anchor {
                    let name = String(cString: anchor)
                    let location = SourceLocation(
                        file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                    let message =
                        type == YAML_ALIAS_EVENT
                        ? "YAML aliases are not supported (*\(name)): write the value out, or use a variable"
                        : "YAML anchors are not supported (&\(name)): write the value out, or use a variable"
                    diagnostics.append(Diagnostic(.error, at: location, message))
                }
                yaml_event_delete(&event)
                if type == YAML_STREAM_END_EVENT || diagnostics.count >= 20 { break }
            }
        }
        return diagnostics
    }

    /// A YAML syntax error as a diagnostic at its mark, with a hint for the common traps when `text` shows one.
    public static func diagnostic(for error: any Error, file: String, text: String? = nil) -> Diagnostic {
        func at(_ mark: Mark, _ message: String) -> Diagnostic {
            let hint = text.flatMap { trapHint(in: $0, line: mark.line) }.map { "; \($0)" } ?? ""
            return Diagnostic(.error, at: SourceLocation(file: file, line: mark.line, column: mark.column), message + hint)
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
            YamlError.parser(let context, let problem, let mark, _),
            YamlError.composer(let context, let problem, let mark, _):
            if let tab = text.flatMap({ tabInIndentation(in: $0, line: mark.line) }),
                problem.contains("tab") || problem.contains("cannot start any token")
            {
                return Diagnostic(
                    .error, at: SourceLocation(file: file, line: mark.line, column: tab), "tabs cannot indent YAML; use spaces")
            }
            let prefix = context.map { "\($0.text.trimmingWhitespace): " } ?? ""
            return at(mark, "invalid YAML: \(prefix)\(problem)")
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return at(context.mark, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping")
        case YamlError.reader(let problem, _, _, _):
            return Diagnostic(.error, at: start, "invalid YAML: \(problem)")
        default:
            return Diagnostic(.error, at: start, "invalid YAML: \(error)")
        }
    }

    /// The column of the first tab in `line`'s indentation (its leading blanks), if any.
    static func tabInIndentation(in text: String, line: Int) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        for (offset, character) in lines[line - 1].enumerated() {
            if character == "\t" { return offset + 1 }
            if character != " " && character != "-" { return nil }
        }
        return nil
    }

    /// Where key `key` of the block mapping starting at `mark` is written the first and the second time (1-based
    /// line and column); nil when the text does not show it (a flow mapping, a quoted key).
    static func duplicatePositions(
        of key: String, mappingAt mark: Mark, in text: String
    ) -> ((line: Int, column: Int), (line: Int, column: Int))? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        let column = mark.column - 1
        var found: [(line: Int, column: Int)] = []
        for index in (mark.line - 1)..<lines.count where index >= 0 {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if index > mark.line - 1, !content.isEmpty, content.first != "#", indent < column, !(content.first == "-" && indent < column) {
                break
            }
            guard line.count > column else { continue }
            let rest = line[column...]
            guard rest.starts(with: Array(key)) else { continue }
            let after = rest.dropFirst(key.count).drop { $0 == " " }
            if after.first == ":" { found.append((index + 1, column + 1)) }
            if found.count == 2 { return (found[0], found[1]) }
        }
        return nil
    }

    /// The trap behind a syntax error at `line` (or the line before it): an unquoted `{{…}}` or a JSONPath's `[*]`
    /// inside a flow mapping, which YAML reads as nested mappings and lists.
    static func trapHint(in text: String, line: Int) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for number in [line, line - 1] where number >= 1 && number <= lines.count {
            var quote: Character?
            var previous: Character = " "
            for character in lines[number - 1] {
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "#" && previous == " " {
                    break
                } else if character == "{" && previous == "{" {
                    return "hint: a value holding {{…}} must be quoted in YAML: url: \"{{base}}/x\""
                } else if character == "*" && previous == "[" {
                    return "hint: a JSONPath with [*] or [?…] must be quoted inside { … }: { \"$.value[*].name\": … }"
                }
                previous = character
            }
        }
        return nil
    }
}
