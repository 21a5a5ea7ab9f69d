import AzspecCore

/// The RFC 9535 §2.4 standard function extensions.
enum JSONPathFunction: String, Sendable {
    case length, count, match, search, value

    /// Declared parameter types.
    var parameters: [FunctionType] {
        switch self {
        case .length: return [.value]
        case .count: return [.nodes]
        case .match, .search: return [.value, .value]
        case .value: return [.nodes]
        }
    }

    /// Declared result type.
    var resultType: FunctionType {
        switch self {
        case .length, .count, .value: return .value
        case .match, .search: return .logical
        }
    }
}

/// The result of a function expression.
enum FunctionResult {
    /// ValueType: a value, or `nil` for Nothing.
    case value(JSONValue?)
    case logical(Bool)
    case nodes([JSONValue])
}

extension JSONPathEvaluator {
    /// Evaluates a function expression with `current` as `@`.
    func callFunction(_ call: FunctionCall, current: JSONValue) -> FunctionResult {
        switch call.function {
        case .length:
            guard let v = valueArgument(call.arguments[0], current: current) else { return .value(Optional<JSONValue>.none) }
            switch v {
            case .string(let s): return .value(.number(Double(s.unicodeScalars.count)))
            case .array(let a): return .value(.number(Double(a.count)))
            case .object(let o): return .value(.number(Double(o.count)))
            default: return .value(Optional<JSONValue>.none)
            }
        case .count:
            return .value(.number(Double(nodesArgument(call.arguments[0], current: current).count)))
        case .value:
            let nodes = nodesArgument(call.arguments[0], current: current)
            // Note: not a ternary with `nil`, which would infer JSONValue.null (ExpressibleByNilLiteral).
            if nodes.count == 1 { return .value(nodes[0]) }
            return .value(Optional<JSONValue>.none)
        case .match, .search:
            guard case .string(let subject)? = valueArgument(call.arguments[0], current: current) else {
                return .logical(false)
            }
            let translation: RegexTranslation
            if let literal = call.literalPattern {
                translation = literal
            } else {
                guard case .string(let pattern)? = valueArgument(call.arguments[1], current: current) else {
                    return .logical(false)
                }
                translation = translate(pattern)
            }
            guard case .valid(let pattern) = translation, let regex = compiledRegex(pattern) else {
                return .logical(false)
            }
            if call.function == .match {
                return .logical(subject.wholeMatch(of: regex) != nil)
            }
            return .logical(subject.firstMatch(of: regex) != nil)
        }
    }

    /// A ValueType argument: the value, or `nil` for Nothing.
    private func valueArgument(_ argument: FunctionArgument, current: JSONValue) -> JSONValue? {
        switch argument {
        case .literal(let v):
            return comparable(.literal(v), current: current)
        case .query(let q):
            return comparable(.query(q), current: current)
        case .function(let call):
            return comparable(.function(call), current: current)
        case .logical:
            return nil  // rejected by the type checker
        }
    }

    /// A NodesType argument: the selected values.
    private func nodesArgument(_ argument: FunctionArgument, current: JSONValue) -> [JSONValue] {
        switch argument {
        case .query(let q):
            return values(of: q, current: current)
        case .function(let call):
            if case .nodes(let nodes) = callFunction(call, current: current) { return nodes }
            return []
        case .literal, .logical:
            return []  // rejected by the type checker
        }
    }

    private func translate(_ pattern: String) -> RegexTranslation {
        if let cached = translationCache[pattern] { return cached }
        let t = IRegexp.translate(pattern)
        translationCache[pattern] = t
        return t
    }

    /// Compiles a translated pattern with Unicode-scalar semantics (cached per evaluation).
    private func compiledRegex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        if let cached = regexCache[pattern] { return cached }
        let regex = try? Regex(pattern).matchingSemantics(.unicodeScalar)
        regexCache[pattern] = .some(regex)
        return regex
    }
}
