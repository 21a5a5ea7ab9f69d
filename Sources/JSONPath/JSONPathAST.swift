import AzspecCore

// The syntax tree of a parsed RFC 9535 query. All types are immutable values.

/// A sequence of segments applied to the root (`$`) or the current node (`@`).
struct PathQuery: Sendable {
    var isRelative: Bool
    var segments: [PathSegment]

    /// Selects at most one node by construction: only child segments with a single name
    /// or index selector (blank space inside brackets allowed).
    var isSingular: Bool {
        segments.allSatisfy { $0.singularComponent != nil }
    }

    /// Matches the RFC 9535 `singular-query` grammar exactly: like ``isSingular``, but a
    /// bracketed name/index segment must have no blank space inside its brackets
    /// (`name-segment = "[" name-selector "]"`). Required for comparison operands and
    /// ValueType function arguments.
    var isSyntacticallySingular: Bool {
        segments.allSatisfy { $0.singularComponent != nil && !$0.hasInnerBlanks }
    }
}

/// A child (`[...]`, `.name`, `.*`) or descendant (`..[...]`, `..name`, `..*`) segment.
struct PathSegment: Sendable {
    var isDescendant: Bool
    var selectors: [PathSelector]
    /// A bracketed selection with blank space after `[` or before `]`.
    var hasInnerBlanks: Bool = false

    /// The name or index when this is a child segment with one name or index selector.
    var singularComponent: PathComponent? {
        guard !isDescendant, selectors.count == 1 else { return nil }
        switch selectors[0] {
        case .name(let n): return .name(n)
        case .index(let i): return .index(i)
        default: return nil
        }
    }
}

/// One selector inside a segment.
enum PathSelector: Sendable {
    case name(String)
    case wildcard
    case index(Int)
    case slice(start: Int?, end: Int?, step: Int?)
    case filter(FilterExpression)
}

/// A logical expression in a filter selector (result: LogicalType).
indirect enum FilterExpression: Sendable {
    case or([FilterExpression])
    case and([FilterExpression])
    case not(FilterExpression)
    /// Existence test of a filter query (NodesType converted to LogicalType).
    case exists(PathQuery)
    /// A function whose result is LogicalType or NodesType, used as a test.
    case function(FunctionCall)
    case comparison(ComparableExpression, ComparisonOperator, ComparableExpression)
}

/// An operand of a comparison: a literal, a singular query or a ValueType function.
enum ComparableExpression: Sendable {
    case literal(JSONValue)
    case query(PathQuery)
    case function(FunctionCall)
}

/// `==`, `!=`, `<`, `<=`, `>`, `>=`.
enum ComparisonOperator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
}

/// The RFC 9535 §2.4.1 function expression types.
enum FunctionType: Sendable, CustomStringConvertible {
    case value, logical, nodes

    var description: String {
        switch self {
        case .value: return "ValueType"
        case .logical: return "LogicalType"
        case .nodes: return "NodesType"
        }
    }
}

/// A call of one of the standard function extensions.
struct FunctionCall: Sendable {
    var function: JSONPathFunction
    var arguments: [FunctionArgument]
    /// For `match`/`search` with a string literal pattern: the translation done at parse time.
    var literalPattern: RegexTranslation?
}

/// A function argument, already checked against the parameter's declared type.
enum FunctionArgument: Sendable {
    case literal(JSONValue)
    case query(PathQuery)
    case logical(FilterExpression)
    case function(FunctionCall)
}

/// The outcome of translating an I-Regexp: a pattern for Swift `Regex`, or invalid.
enum RegexTranslation: Sendable, Hashable {
    case valid(String)
    case invalid
}

/// One step of a normalized path.
enum PathComponent: Sendable, Hashable {
    case name(String)
    case index(Int)
}
