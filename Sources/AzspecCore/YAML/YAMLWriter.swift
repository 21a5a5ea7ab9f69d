import Yams

/// The one way azspec writes YAML: every file it makes from outside input (`snapshot permissions`, `import postman`)
/// is a ``YAMLNode`` tree written here, in the style of azspec's example specs. A string is written plain only when
/// it cannot be read as anything else; otherwise it is a double-quoted string with JSON escaping (valid YAML), plus
/// escapes for the few characters YAML does not allow raw. A comment is one line whatever its text holds (line
/// breaks and other controls are shown as `\u{…}`). Before the text is handed back it is read again and must be,
/// structurally, exactly the tree: no key, item, tag or anchor more or less.
public enum YAMLWriter {
    /// Flow collections longer than this are written in block style.
    static let maxWidth = 120

    /// Header comment lines, then the root mapping; ends with a line break. Throws when the text would not read
    /// back as `root` (which the writer's escaping should make impossible: the check is the last line of defence).
    public static func document(comments: [String], root: YAMLNode) throws(YAMLWriteError) -> String {
        let text = (comments.map(comment) + lines(root, indent: 0)).joined(separator: "\n") + "\n"
        try verify(text, is: root)
        return text
    }

    /// Reads `text` back and compares it with `root`: the same mappings (keys in order), sequences and scalars, with
    /// no explicit tag, anchor or alias anywhere.
    public static func verify(_ text: String, is root: YAMLNode) throws(YAMLWriteError) {
        let (node, diagnostics) = YAMLDocument.compose(text, file: "<written>")
        guard let node else {
            throw YAMLWriteError(reason: diagnostics.first?.message ?? "it cannot be read back")
        }
        if let difference = difference(node, root, at: "$") { throw YAMLWriteError(reason: difference) }
    }

    /// Whether a node's tag is the one its kind has without any tag written (no `!x`, `!!int` or `!!python/…`).
    private static func untagged(_ tag: Tag, _ kind: Tag.Name) -> Bool {
        [Tag.Name.implicit.rawValue, "!", "?", kind.rawValue].contains(tag.description)
    }

    /// Where the read-back `node` first differs from `expected`, or nil.
    private static func difference(_ node: Node, _ expected: YAMLNode, at path: String) -> String? {
        switch (node, expected.uncommented) {
        case (.scalar(let scalar), let value):
            guard untagged(scalar.tag, .str) else { return "\(path) has a tag" }
            let read = scalar.resolvedJSON
            let meant: JSONValue
            switch value {
            case .string(let text): meant = .string(text)
            case .number(let number): meant = .number(number)
            case .bool(let flag): meant = .bool(flag)
            case .null: meant = .null
            case .mapping(let members, _) where members.isEmpty: return "\(path) is a scalar, not {}"
            case .sequence(let items, _) where items.isEmpty: return "\(path) is a scalar, not []"
            default: return "\(path) is a scalar where a collection was meant"
            }
            return read == meant ? nil : "\(path) reads back as \(read.serialized), not \(meant.serialized)"
        case (.mapping(let mapping), .mapping(let members, _)):
            guard untagged(mapping.tag, .map) else { return "\(path) has a tag" }
            let read = Array(mapping)
            guard read.count == members.count else { return "\(path) has \(read.count) keys, not \(members.count)" }
            for ((key, value), member) in zip(read, members) {
                guard case .scalar(let keyScalar) = key, keyScalar.string == member.key,
                    untagged(keyScalar.tag, .str)
                else { return "\(path) has a key other than '\(member.key)'" }
                if let difference = difference(value, member.value, at: path + "." + member.key) { return difference }
            }
            return nil
        case (.sequence(let sequence), .sequence(let items, _)):
            guard untagged(sequence.tag, .seq) else { return "\(path) has a tag" }
            guard sequence.count == items.count else { return "\(path) has \(sequence.count) items, not \(items.count)" }
            for (index, (value, item)) in zip(sequence, items).enumerated() {
                if let difference = difference(value, item, at: "\(path)[\(index)]") { return difference }
            }
            return nil
        case (.alias, _):
            return "\(path) is an alias"
        default:
            return "\(path) is not the kind of node meant"
        }
    }

    /// A comment line; characters YAML (or a terminal) should not see raw are shown escaped.
    public static func comment(_ text: String) -> String {
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
    public static func inline(_ node: YAMLNode) -> String? {
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
    public static func key(_ text: String) -> String {
        text.contains(" ") ? quoted(text) : scalar(text)
    }

    /// A string value: plain when YAML reads it back as this same string, else double-quoted.
    public static func scalar(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    /// A double-quoted YAML string: JSON's escaping, plus `\u` escapes for DEL, C1 controls, line and paragraph
    /// separators, the byte order mark and U+FFFE/U+FFFF, which YAML does not allow raw (or folds as line breaks).
    public static func quoted(_ text: String) -> String {
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

/// A YAML text that did not read back as the tree it was written from: nothing is written.
public struct YAMLWriteError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { "the YAML written does not read back as what was meant (\(reason)); nothing was written" }
}
