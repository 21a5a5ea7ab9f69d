public import Yams

/// Typed reading of a composed YAML tree for spec files, project files and the emulator's configuration alike:
/// every mismatch is collected with its `file:line:column`, so that one pass reports all of them.
public struct YAMLReader: Sendable {
    /// One member of a mapping: its key as text, the key's node (for locations) and the value.
    public typealias Member = (key: String, keyNode: Node, value: Node)

    public let file: String
    public var diagnostics = DiagnosticCollector()
    /// Whether messages quote a mistyped string (`found the string "soon"`). Off for files that hold secrets in
    /// plain text, such as the emulator's configuration, where a secret under the wrong key would be echoed.
    public var quotesValues = true
    /// Where keys belong that are unknown where they stand (`status` → `expect`), for "'status' belongs under
    /// 'expect'" instead of a bare "unknown key".
    public var homes: [String: String] = [:]

    public init(file: String) {
        self.file = file
    }

    /// What the node is, for messages, quoting a string only when ``quotesValues`` allows.
    public func describe(_ node: Node) -> String {
        if !quotesValues, case .scalar(let scalar) = node, case .string = scalar.resolvedJSON { return "a string" }
        if Self.isUnquotedTemplate(node) {
            return node.kindDescription + " (an unquoted {{…}} is a YAML mapping: put the value in quotes, \"{{name}}\")"
        }
        return node.kindDescription
    }

    /// `key: {{name}}` without quotes: YAML reads a mapping whose only key is a mapping.
    static func isUnquotedTemplate(_ node: Node) -> Bool {
        guard case .mapping(let mapping) = node, mapping.count == 1, let key = mapping.keys.first, case .mapping = key else {
            return false
        }
        return true
    }

    public func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// The locations of a mapping's values by key.
    public func locations(of fields: [String: Node]) -> [String: SourceLocation] {
        fields.mapValues { location(of: $0) }
    }

    public mutating func error(_ message: String, at node: Node) {
        diagnostics.error(message, at: location(of: node))
    }

    /// The node as a mapping, or an error saying what was expected.
    public mutating func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        error("\(what) must be a mapping, found \(describe(node))", at: node)
        return nil
    }

    /// The node as a list; with `allowingNull`, an empty value (`key:`) is an empty list.
    public mutating func sequence(_ node: Node, _ what: String, allowingNull: Bool = false) -> [Node]? {
        if case .sequence(let sequence) = node { return Array(sequence) }
        if allowingNull, node.isNull { return [] }
        error("\(what) must be a list, found \(describe(node))", at: node)
        return nil
    }

    /// The members whose keys are plain names in `allowed` (any name when `allowed` is empty), in document order.
    /// Each unknown key is an error with the closest known one ("did you mean …?") or the list of known ones, and
    /// each repeated key is an error (YAML says keys are unique; libyaml does not check).
    public mutating func members(_ mapping: Node.Mapping, allowed: [String], in context: String) -> [Member] {
        var result: [Member] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error("\(context) keys must be plain names", at: keyNode)
                continue
            }
            let key = scalar.string
            if !allowed.isEmpty, !allowed.contains(key) {
                let hint = Suggestion.hint(for: key, in: allowed)
                var known = hint.isEmpty ? "; expected one of: \(allowed.joined(separator: ", "))" : hint
                if hint.isEmpty, let home = homes[key] { known = ": '\(key)' belongs under \(home)" }
                error("unknown key '\(key)' in \(context)\(known)", at: keyNode)
                continue
            }
            guard seen.insert(key).inserted else {
                error("duplicate key '\(key)' in \(context)", at: keyNode)
                continue
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    /// Errors for required keys that are missing.
    public mutating func require(_ keys: [String], in members: [Member], of node: Node, _ context: String) {
        for key in keys where !members.contains(where: { $0.key == key }) {
            error("\(context) needs '\(key)'", at: node)
        }
    }

    /// A mapping's values by key, with unknown, duplicate and missing keys reported; nil when it is no mapping.
    public mutating func fields(_ node: Node, _ what: String, keys: [String], required: [String] = []) -> [String: Node]? {
        guard let mapping = mapping(node, what) else { return nil }
        let found = members(mapping, allowed: keys, in: what)
        require(required, in: found, of: node, what)
        return Dictionary(found.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The string at `key` of a mapping's fields: nil where the key is absent, or (reported) not a string.
    public mutating func string(_ key: String, in fields: [String: Node]) -> String? { fields[key].flatMap { string($0, key) } }

    /// The strings at `key` of a mapping's fields: nil where the key is absent, or (reported) not a list of strings.
    public mutating func strings(_ key: String, in fields: [String: Node]) -> [String]? { fields[key].flatMap { strings($0, key) } }

    /// The boolean at `key` of a mapping's fields: nil where the key is absent, or (reported) not true or false.
    public mutating func bool(_ key: String, in fields: [String: Node]) -> Bool? { fields[key].flatMap { bool($0, key) } }

    /// The items at `key` of a mapping's fields (a null value is none): empty where the key is absent or (reported)
    /// holds no list.
    public mutating func items(_ key: String, in fields: [String: Node]) -> [Node] {
        fields[key].flatMap { sequence($0, key, allowingNull: true) } ?? []
    }

    /// Any non-null scalar's text.
    public mutating func string(_ node: Node, _ what: String) -> String? {
        if case .scalar(let scalar) = node, !node.isNull { return scalar.string }
        error("\(what) must be a string, found \(describe(node))", at: node)
        return nil
    }

    public mutating func strings(_ node: Node, _ what: String) -> [String]? {
        sequence(node, what, allowingNull: true)?.compactMap { string($0, "an item of \(what)") }
    }

    public mutating func bool(_ node: Node, _ what: String) -> Bool? {
        if case .scalar(let scalar) = node, scalar.style == .plain, case .bool(let value) = scalar.resolvedJSON {
            return value
        }
        error("\(what) must be true or false, found \(describe(node))", at: node)
        return nil
    }

    public mutating func number(_ node: Node, _ what: String) -> Double? {
        if case .scalar(let scalar) = node, scalar.style == .plain, case .number(let value) = scalar.resolvedJSON {
            return value
        }
        error("\(what) must be a number, found \(describe(node))", at: node)
        return nil
    }

    /// A whole number within `range`.
    public mutating func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = scalar.resolvedJSON.intValue else {
            error("\(what) must be a whole number, found \(describe(node))", at: node)
            return nil
        }
        guard range.contains(value) else {
            error("\(what) must be from \(range.lowerBound) to \(range.upperBound), not \(value)", at: node)
            return nil
        }
        return value
    }

    /// A mapping of names to scalar values, in document order (an empty value is an empty string).
    public mutating func stringPairs(_ node: Node, _ what: String) -> [(key: String, value: String)]? {
        if node.isNull { return [] }
        guard let mapping = mapping(node, what) else { return nil }
        var pairs: [(key: String, value: String)] = []
        for member in members(mapping, allowed: [], in: what) {
            guard case .scalar(let value) = member.value else {
                error("'\(member.key)' in \(what) must be a string, found \(describe(member.value))", at: member.value)
                continue
            }
            pairs.append((member.key, member.value.isNull ? "" : value.string))
        }
        return pairs
    }
}

extension Node {
    /// True for an empty or `null` plain scalar.
    public var isNull: Bool {
        if case .scalar(let scalar) = self, case .null = scalar.resolvedJSON { return true }
        return false
    }

    /// What the node is, for messages: `a list`, `a mapping`, `the string "x"`, `the number 3`.
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar):
            switch scalar.resolvedJSON {
            case .null: "nothing (null)"
            case .bool(let value): "the boolean \(value)"
            case .number: "the number \(scalar.string)"
            default: "the string \"\(scalar.string.prefix(60))\""
            }
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }
}

extension Node.Scalar {
    /// Columns between the scalar's mark and its first character (the opening quote).
    public var contentOffset: Int {
        switch style {
        case .singleQuoted, .doubleQuoted: 1
        default: 0
        }
    }

    /// The scalar as JSON under YAML 1.2's core schema: plain `true`, `3`, `1.5`, `null`, `~` are typed;
    /// anything quoted is a string. (`yes`/`no`/`on`/`off` stay strings, unlike YAML 1.1.)
    public var resolvedJSON: JSONValue {
        guard style == .plain else { return .string(string) }
        switch string {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        default: break
        }
        if let number = Self.number(string) { return .number(number) }
        return .string(string)
    }

    private static func number(_ text: String) -> Double? {
        var body = Substring(text)
        if body.hasPrefix("0x"), let value = Int(body.dropFirst(2), radix: 16) { return Double(value) }
        if body.hasPrefix("0o"), let value = Int(body.dropFirst(2), radix: 8) { return Double(value) }
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return nil }
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || "eE.+-".contains($0)) }) else { return nil }
        return Double(text)
    }
}
