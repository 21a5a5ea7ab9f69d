/// A YAML tree as azspec writes it (``YAMLWriter``): scalars, mappings and sequences in block or flow style, and comments.
public indirect enum YAMLNode: Sendable {
    /// How a sequence is laid out: one item per line, the same with a blank line between items, or `[a, b]`.
    public enum SequenceStyle: Sendable { case block, spaced, flow }

    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    /// Members in order; `flow` writes `{ a: 1, b: 2 }` when every value fits on the line.
    case mapping([(key: String, value: YAMLNode)], flow: Bool)
    case sequence([YAMLNode], style: SequenceStyle)
    /// Comment lines (without `#`) written directly above the node's line: a sequence item or a mapping member.
    case commented([String], YAMLNode)

    public static func block(_ members: [(key: String, value: YAMLNode)]) -> YAMLNode { .mapping(members, flow: false) }
    public static func flow(_ members: [(key: String, value: YAMLNode)]) -> YAMLNode { .mapping(members, flow: true) }

    /// A JSON value as YAML (objects in block style, empty ones as `{}` and `[]`).
    public static func json(_ value: JSONValue) -> YAMLNode {
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
    public var isCollection: Bool {
        switch uncommented {
        case .mapping, .sequence: true
        default: false
        }
    }

    /// The node without the comments above it.
    public var uncommented: YAMLNode {
        if case .commented(_, let node) = self { return node.uncommented }
        return self
    }

    /// The comment lines above the node.
    public var comments: [String] {
        if case .commented(let lines, let node) = self { return lines + node.comments }
        return []
    }

    /// The tree with `transform` applied to every string: scalars, keys and comments (to redact before writing).
    public func mappingStrings(_ transform: (String) -> String) -> YAMLNode {
        switch self {
        case .string(let text): .string(transform(text))
        case .number, .bool, .null: self
        case .mapping(let members, let flow): .mapping(members.map { (transform($0.key), $0.value.mappingStrings(transform)) }, flow: flow)
        case .sequence(let items, let style): .sequence(items.map { $0.mappingStrings(transform) }, style: style)
        case .commented(let lines, let node): .commented(lines.map(transform), node.mappingStrings(transform))
        }
    }
}
