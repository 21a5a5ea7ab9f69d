import AzspecCore

/// A YAML tree as the importer writes it: scalars, mappings and sequences in block or flow style, and comments.
indirect enum YAMLNode: Sendable {
    /// How a sequence is laid out: one item per line, the same with a blank line between items, or `[a, b]`.
    enum SequenceStyle: Sendable { case block, spaced, flow }

    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    /// Members in order; `flow` writes `{ a: 1, b: 2 }` when every value fits on the line.
    case mapping([(key: String, value: YAMLNode)], flow: Bool)
    case sequence([YAMLNode], style: SequenceStyle)
    /// Comment lines (without `#`) written directly above the node's line: a sequence item or a mapping member.
    case commented([String], YAMLNode)

    static func block(_ members: [(key: String, value: YAMLNode)]) -> YAMLNode { .mapping(members, flow: false) }
    static func flow(_ members: [(key: String, value: YAMLNode)]) -> YAMLNode { .mapping(members, flow: true) }

    /// A JSON value as YAML (objects in block style, empty ones as `{}` and `[]`).
    static func json(_ value: JSONValue) -> YAMLNode {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let number): .number(number)
        case .string(let text): .string(text)
        case .array(let items): .sequence(items.map(json), style: .block)
        case .object(let members): .block(members.map { ($0.key, json($0.value)) })
        }
    }

    /// A mapping or a sequence.
    var isCollection: Bool {
        switch uncommented {
        case .mapping, .sequence: true
        default: false
        }
    }

    /// The node without the comments above it.
    var uncommented: YAMLNode {
        if case .commented(_, let node) = self { return node.uncommented }
        return self
    }

    /// The comment lines above the node.
    var comments: [String] {
        if case .commented(let lines, let node) = self { return lines + node.comments }
        return []
    }
}
