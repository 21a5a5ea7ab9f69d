/// A `--tag` expression over test tags: names joined by `and`, `or` and `not`, with parentheses
/// (`smoke and not slow`, `(rbac or token) and not destructive`). `not` binds tightest, then `and`, then `or`.
public indirect enum TagExpression: Sendable, Equatable, CustomStringConvertible {
    case tag(String)
    case not(TagExpression)
    case and(TagExpression, TagExpression)
    case or(TagExpression, TagExpression)

    /// Why `name` cannot be a tag, or nil when it can.
    public static func nameProblem(_ name: String) -> String? {
        if ["and", "or", "not"].contains(name.lowercased()) {
            return "'\(name)' cannot be a tag: it is a word of --tag expressions"
        }
        let allowed = name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0))
        }
        guard !name.isEmpty, name.count <= 100, allowed else {
            return "tag '\(name)' must be 1 to 100 letters, digits, '_', '-' or '.'"
        }
        return nil
    }

    /// Parses an expression, or throws a message that says where it went wrong.
    public init(parsing text: String) throws(TagExpressionError) {
        var parser = Parser(tokens: try Self.tokens(text), text: text)
        let expression = try parser.disjunction()
        if let extra = parser.peek { throw TagExpressionError(text: text, problem: "unexpected '\(extra)'") }
        self = expression
    }

    /// Whether a test carrying `tags` satisfies the expression (tags compare exactly).
    public func matches(_ tags: Set<String>) -> Bool {
        switch self {
        case .tag(let name): tags.contains(name)
        case .not(let inner): !inner.matches(tags)
        case .and(let a, let b): a.matches(tags) && b.matches(tags)
        case .or(let a, let b): a.matches(tags) || b.matches(tags)
        }
    }

    public var description: String {
        switch self {
        case .tag(let name): name
        case .not(let inner): "not \(inner.grouped)"
        case .and(let a, let b): "\(a.grouped) and \(b.grouped)"
        case .or(let a, let b): "\(a) or \(b)"
        }
    }

    private var grouped: String {
        if case .or = self { return "(\(self))" }
        return description
    }

    private static func tokens(_ text: String) throws(TagExpressionError) -> [String] {
        guard text.count <= 1000 else {
            throw TagExpressionError(text: String(text.prefix(40)) + "…", problem: "longer than 1000 characters")
        }
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == "(" || character == ")" || character.isWhitespace {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                if !character.isWhitespace { tokens.append(String(character)) }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        if tokens.isEmpty { throw TagExpressionError(text: text, problem: "it is empty") }
        return tokens
    }

    /// Recursive descent over the tokens; nesting is bounded by the 1,000-character limit.
    private struct Parser {
        var tokens: [String]
        var position = 0
        let text: String

        var peek: String? { position < tokens.count ? tokens[position] : nil }

        mutating func disjunction() throws(TagExpressionError) -> TagExpression {
            var left = try conjunction()
            while peek?.lowercased() == "or" {
                position += 1
                left = .or(left, try conjunction())
            }
            return left
        }

        mutating func conjunction() throws(TagExpressionError) -> TagExpression {
            var left = try negation()
            while peek?.lowercased() == "and" {
                position += 1
                left = .and(left, try negation())
            }
            return left
        }

        mutating func negation() throws(TagExpressionError) -> TagExpression {
            guard let token = peek else { throw TagExpressionError(text: text, problem: "it ends where a tag was expected") }
            position += 1
            switch token.lowercased() {
            case "not": return .not(try negation())
            case "(":
                let inner = try disjunction()
                guard peek == ")" else { throw TagExpressionError(text: text, problem: "a '(' is not closed") }
                position += 1
                return inner
            case ")", "and", "or": throw TagExpressionError(text: text, problem: "'\(token)' where a tag was expected")
            default:
                if let problem = TagExpression.nameProblem(token) { throw TagExpressionError(text: text, problem: problem) }
                return .tag(token)
            }
        }
    }
}

/// A `--tag` expression that does not parse.
public struct TagExpressionError: Error, CustomStringConvertible {
    public let text: String
    public let problem: String
    public var description: String { "--tag '\(text)': \(problem)" }
}
