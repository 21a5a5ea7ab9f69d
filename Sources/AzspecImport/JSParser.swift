import AzspecCore

/// A recursive-descent parser over one statement's tokens.
struct JSParser {
    private let tokens: [JSToken]
    private var position = 0
    private var depth = 0
    private static let comparisons = ["===", "!==", "==", "!=", "<", ">", "<=", ">=", "&&", "||"]

    init(_ tokens: some Collection<JSToken>) {
        self.tokens = Array(tokens)
    }

    var atEnd: Bool { position >= tokens.count }

    /// Statements longer than this are not parsed (kept as comments): the parser and the expressions it builds are
    /// recursive, and a hostile script must not exhaust the stack.
    static let maxTokens = 1000
    /// The deepest nesting of brackets and `!` parsed.
    static let maxDepth = 32

    /// The whole slice as one expression; nil when it is not one.
    static func expression(_ tokens: some Collection<JSToken>) -> JSExpression? {
        guard tokens.count <= maxTokens else { return nil }
        var parser = JSParser(tokens)
        guard let expression = parser.expression(), parser.atEnd else { return nil }
        return expression
    }

    mutating func expression() -> JSExpression? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth, let left = unary() else { return nil }
        guard let token = peek, case .punctuator(let op) = token.kind, Self.comparisons.contains(op) else { return left }
        position += 1
        guard let right = unary() else { return nil }
        return .binary(op, left, right)
    }

    private var peek: JSToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func take(_ punctuator: String) -> Bool {
        guard peek?.isPunctuator(punctuator) == true else { return false }
        position += 1
        return true
    }

    private mutating func unary() -> JSExpression? {
        if take("!") {
            depth += 1
            defer { depth -= 1 }
            return depth <= Self.maxDepth ? unary().map { .not($0) } : nil
        }
        if take("-") {
            guard let token = peek, case .number(let value) = token.kind else { return nil }
            position += 1
            return .literal(.number(-value))
        }
        return postfix()
    }

    private mutating func postfix() -> JSExpression? {
        guard var expression = primary() else { return nil }
        while true {
            if take(".") {
                guard let name = peek?.identifier else { return nil }
                position += 1
                expression = .member(expression, name)
            } else if take("[") {
                guard let index = self.expression(), take("]") else { return nil }
                expression = .index(expression, index)
            } else if take("(") {
                guard let arguments = list(closing: ")") else { return nil }
                expression = .call(expression, arguments)
            } else {
                return expression
            }
        }
    }

    private mutating func list(closing: String) -> [JSExpression]? {
        var items: [JSExpression] = []
        while !take(closing) {
            if !items.isEmpty, !take(",") { return nil }
            if take(closing) { return items }
            guard let item = expression() else { return nil }
            items.append(item)
        }
        return items
    }

    private mutating func primary() -> JSExpression? {
        guard let token = peek else { return nil }
        position += 1
        switch token.kind {
        case .number(let value): return .literal(.number(value))
        case .string(let text): return .literal(.string(text))
        case .regex(let pattern, let flags): return .regex(pattern: pattern, flags: flags)
        case .identifier(let name):
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            case "undefined": return .undefined
            case "function", "new", "typeof", "delete", "void", "await", "async", "class", "this", "if", "for", "while", "return":
                return nil
            default: return .name(name)
            }
        case .punctuator("("):
            guard let inner = expression(), take(")"), !(peek?.isPunctuator("=>") ?? false) else { return nil }
            return inner
        case .punctuator("["):
            return list(closing: "]").map { .array($0) }
        case .punctuator("{"):
            return object()
        default:
            return nil
        }
    }

    private mutating func object() -> JSExpression? {
        var members: [String: JSExpression] = [:]
        var order: [String] = []
        while !take("}") {
            if !order.isEmpty, !take(",") { return nil }
            if take("}") { break }
            guard let token = peek else { return nil }
            position += 1
            let key: String
            switch token.kind {
            case .identifier(let name): key = name
            case .string(let text): key = text
            case .number(let number): key = JSONValue.number(number).serialized
            default: return nil
            }
            guard take(":"), let value = expression() else { return nil }
            if members.updateValue(value, forKey: key) == nil { order.append(key) }
        }
        return .object(members, order: order)
    }
}
