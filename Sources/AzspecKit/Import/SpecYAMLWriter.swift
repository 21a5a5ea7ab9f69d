import AzspecCore

/// Writes a ``YAMLNode`` tree as YAML text by hand, in the style of azspec's example specs. A string is written plain
/// only when it cannot be read as anything else; otherwise it is a double-quoted string with JSON escaping (valid
/// YAML), plus escapes for the few characters YAML does not allow raw.
enum SpecYAMLWriter {
    /// Flow collections longer than this are written in block style.
    static let maxWidth = 120

    /// Header comment lines, then the root mapping; ends with a line break.
    static func document(comments: [String], root: YAMLNode) -> String {
        (comments.map(comment) + lines(root, indent: 0)).joined(separator: "\n") + "\n"
    }

    /// A comment line; characters YAML (or a terminal) should not see raw are shown escaped.
    static func comment(_ text: String) -> String {
        var out = "#"
        if !text.isEmpty { out += " " }
        for scalar in text.unicodeScalars {
            if scalar == "\t" || (scalar.value >= 0x20 && !needsEscape(scalar)) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// The lines of a block node at `indent` spaces; a scalar or flow node is one line.
    static func lines(_ node: YAMLNode, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch node.uncommented {
        case .mapping(let members, _) where !members.isEmpty:
            var out: [String] = []
            for (key, value) in members {
                out += value.comments.map { pad + comment($0) }
                let head = pad + self.key(key) + ":"
                if let text = inline(value.uncommented),
                    head.count + 1 + text.count <= maxWidth || !value.uncommented.isCollection
                {
                    out.append(head + " " + text)
                } else {
                    out.append(head)
                    out += lines(value, indent: indent + 2)
                }
            }
            return out
        case .sequence(let items, let style) where !items.isEmpty:
            var out: [String] = []
            for (index, item) in items.enumerated() {
                if style == .spaced, index > 0 { out.append("") }
                out += item.comments.map { pad + comment($0) }
                if let text = inline(item.uncommented) {
                    out.append(pad + "- " + text)
                    continue
                }
                var child = lines(item.uncommented, indent: indent + 2)
                if let first = child.firstIndex(where: { !$0.drop(while: { $0 == " " }).hasPrefix("#") }) {
                    child[first] = pad + "- " + child[first].dropFirst(indent + 2)
                }
                out += child
            }
            return out
        default:
            return [pad + (inline(node.uncommented) ?? "null")]
        }
    }

    /// The node on one line: a scalar, `{}`, `[]`, or a flow collection of such; nil when it needs block style.
    static func inline(_ node: YAMLNode) -> String? {
        switch node {
        case .string(let text): return scalar(text)
        case .number(let number): return JSONValue.number(number).serialized
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .commented: return nil
        case .mapping(let members, let flow):
            if members.isEmpty { return "{}" }
            guard flow else { return nil }
            var parts: [String] = []
            for (key, value) in members {
                guard let text = inline(value) else { return nil }
                parts.append(self.key(key) + ": " + text)
            }
            return "{ " + parts.joined(separator: ", ") + " }"
        case .sequence(let items, let style):
            if items.isEmpty { return "[]" }
            guard style == .flow else { return nil }
            var parts: [String] = []
            for item in items {
                guard let text = inline(item) else { return nil }
                parts.append(text)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        }
    }

    /// A mapping key: plain when safe and free of spaces, else double-quoted.
    static func key(_ text: String) -> String {
        text.contains(" ") ? quoted(text) : scalar(text)
    }

    /// A string value: plain when YAML reads it back as this same string, else double-quoted.
    static func scalar(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    /// A double-quoted YAML string: JSON's escaping, plus `\u` escapes for DEL, C1 controls, line and paragraph
    /// separators, the byte order mark and U+FFFE/U+FFFF, which YAML does not allow raw (or folds as line breaks).
    static func quoted(_ text: String) -> String {
        let json = JSONValue.string(text).serialized
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private static let plainWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    /// Letters, digits and a few punctuation marks, starting with a letter, `_` or `/`, and not a YAML 1.1 word.
    private static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII,
            first.properties.isAlphabetic || first == "_" || first == "/",
            text.unicodeScalars.last != " ", !plainWords.contains(text.lowercased())
        else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            guard scalar.isASCII else { return false }
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || " _-./()+=~@;".unicodeScalars.contains(scalar)
        }
    }
}
