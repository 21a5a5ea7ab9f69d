import AzspecCore
import JSONPath
import Yams

/// Typed access to a composed YAML tree that reports every mismatch with its file:line:column.
struct YAMLReader {
    let file: String
    var diagnostics = DiagnosticCollector()

    init(file: String) {
        self.file = file
    }

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func error(_ message: String, at node: Node) {
        diagnostics.error(message, at: location(of: node))
    }

    /// The node as a mapping, or an error saying what was expected.
    mutating func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        error("\(what) must be a mapping, found \(node.kindDescription)", at: node)
        return nil
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        if case .sequence(let sequence) = node { return Array(sequence) }
        error("\(what) must be a list, found \(node.kindDescription)", at: node)
        return nil
    }

    /// Keys as strings, with an error for each key not in `allowed` ("did you mean …?").
    mutating func members(_ mapping: Node.Mapping, allowed: [String], in context: String) -> [(key: String, keyNode: Node, value: Node)] {
        var result: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error("\(context) keys must be plain names", at: keyNode)
                continue
            }
            if !allowed.isEmpty, !allowed.contains(key) {
                error("unknown key '\(key)' in \(context)\(Suggestion.hint(for: key, in: allowed))", at: keyNode)
                continue
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    /// Errors for required keys that are missing.
    mutating func require(_ keys: [String], in members: [(key: String, keyNode: Node, value: Node)], of node: Node, _ context: String) {
        for key in keys where !members.contains(where: { $0.key == key }) {
            error("\(context) needs '\(key)'", at: node)
        }
    }

    /// Any non-null scalar's text.
    mutating func string(_ node: Node, _ what: String) -> String? {
        if case .scalar(let scalar) = node, scalar.resolvedJSON != .null { return scalar.string }
        error("\(what) must be a string, found \(node.kindDescription)", at: node)
        return nil
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        if case .scalar(let scalar) = node, scalar.style == .plain, case .bool(let value) = scalar.resolvedJSON {
            return value
        }
        error("\(what) must be true or false, found \(node.kindDescription)", at: node)
        return nil
    }

    mutating func number(_ node: Node, _ what: String) -> Double? {
        if case .scalar(let scalar) = node, scalar.style == .plain, case .number(let value) = scalar.resolvedJSON {
            return value
        }
        error("\(what) must be a number, found \(node.kindDescription)", at: node)
        return nil
    }

    /// Any scalar (string, number or boolean) as a template; numbers and booleans read as their text.
    mutating func template(_ node: Node, _ what: String) -> Template? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be a string, found \(node.kindDescription)", at: node)
            return nil
        }
        if scalar.style == .plain, case .null = scalar.resolvedJSON {
            error("\(what) must not be empty", at: node)
            return nil
        }
        return Template.parse(
            scalar.string, at: location(of: node), contentOffset: scalar.contentOffset, diagnostics: &diagnostics)
    }

    /// A YAML value as JSON whose strings may hold placeholders.
    mutating func jsonTemplate(_ node: Node) -> JSONTemplate {
        switch node {
        case .scalar(let scalar):
            let value = scalar.resolvedJSON
            guard case .string(let text) = value, text.contains("{{") else { return .value(value) }
            return .string(
                Template.parse(text, at: location(of: node), contentOffset: scalar.contentOffset, diagnostics: &diagnostics))
        case .sequence(let sequence):
            return .array(sequence.map { jsonTemplate($0) })
        case .mapping(let mapping):
            var members: [(String, JSONTemplate)] = []
            for (keyNode, value) in mapping {
                guard let key = keyNode.scalar?.string else {
                    error("object keys must be strings", at: keyNode)
                    continue
                }
                members.append((key, jsonTemplate(value)))
            }
            return .object(members)
        case .alias:
            error("YAML aliases are not supported here", at: node)
            return .value(.null)
        }
    }
}

extension Node {
    /// What the node is, for messages: `a list`, `a mapping`, `the string "x"`, `the number 3`.
    var kindDescription: String {
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
    var contentOffset: Int {
        switch style {
        case .singleQuoted, .doubleQuoted: 1
        default: 0
        }
    }

    /// The scalar as JSON under YAML 1.2's core schema: plain `true`, `3`, `1.5`, `null`, `~` are typed;
    /// anything quoted is a string. (`yes`/`no`/`on`/`off` stay strings, unlike YAML 1.1.)
    var resolvedJSON: JSONValue {
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
