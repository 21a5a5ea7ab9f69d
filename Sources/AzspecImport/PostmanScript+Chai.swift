import AzspecCore
import AzspecKit

extension PostmanScript {
    /// One assertion of a chai chain: its word, arguments, and whether `not` or `length` came before it.
    struct Assertion: Sendable {
        let name: String
        let arguments: [JSExpression]?
        let negated: Bool
        let counted: Bool
    }

    /// Words that only make a chai chain read well.
    static let fillers: Set<String> = [
        "to", "be", "been", "is", "that", "which", "and", "has", "have", "with", "at", "of", "same", "does", "deep", "own",
        "nested", "but", "also", "still", "a", "an",
    ]

    /// The assertions of a chain after `pm.expect(…)`; nil when a link is not a word chai knows here.
    static func assertions(_ links: ArraySlice<Link>) -> [Assertion]? {
        var result: [Assertion] = []
        var negated = false
        var counted = false
        for link in links {
            if link.arguments == nil, fillers.contains(link.name) { continue }
            if link.arguments == nil, link.name == "not" {
                negated.toggle()
            } else if link.arguments == nil, link.name == "length" || link.name == "lengthOf" {
                counted = true
            } else {
                result.append(Assertion(name: link.name, arguments: link.arguments, negated: negated, counted: counted))
            }
        }
        return result.isEmpty ? nil : result
    }

    /// A matcher's value: a JSON literal, or a Postman variable read with `pm.environment.get("name")` and the like.
    static func value(_ expression: JSExpression) -> ScriptValue? {
        if let literal = expression.jsonLiteral { return .json(literal) }
        guard case .call(let function, let arguments) = expression, arguments.count == 1,
            case .literal(.string(let name)) = arguments[0], let dotted = function.dottedName
        else { return nil }
        let readers = [
            ["pm", "environment", "get"], ["pm", "variables", "get"], ["pm", "collectionVariables", "get"],
            ["pm", "globals", "get"],
            ["postman", "getEnvironmentVariable"], ["postman", "getGlobalVariable"],
        ]
        return readers.contains(dotted) ? .variable(name) : nil
    }

    /// The matchers one chai assertion stands for; nil when it has no azspec equivalent.
    static func matchers(_ word: Assertion) -> [ScriptMatcher]? {
        let arguments = word.arguments ?? []
        let negated = word.negated
        func wrapped(_ matcher: ScriptMatcher) -> [ScriptMatcher] {
            negated ? [ScriptMatcher(.not, .matchers([matcher]))] : [matcher]
        }
        func number(_ index: Int) -> JSONValue? {
            guard index < arguments.count, let value = arguments[index].jsonLiteral, value.numberValue != nil else { return nil }
            return value
        }
        switch word.name {
        case "eql", "eqls", "equal", "equals", "eq":
            guard arguments.count == 1 else { return nil }
            if arguments[0] == .undefined { return [ScriptMatcher(.exists, .json(.bool(negated)))] }
            guard let value = value(arguments[0]) else { return nil }
            return [ScriptMatcher(negated ? .notEquals : .equals, value)]
        case "exist" where word.arguments == nil, "exists" where word.arguments == nil:
            return [ScriptMatcher(.exists, .json(.bool(!negated)))]
        case "undefined" where word.arguments == nil:
            return [ScriptMatcher(.exists, .json(.bool(negated)))]
        case "null" where word.arguments == nil, "true" where word.arguments == nil, "false" where word.arguments == nil:
            let value: JSONValue = word.name == "null" ? .null : .bool(word.name == "true")
            return [ScriptMatcher(negated ? .notEquals : .equals, .json(value))]
        case "a", "an", "instanceOf", "instanceof":
            guard arguments.count == 1 else { return nil }
            let type: String
            if case .literal(.string(let text)) = arguments[0] {
                type = text.lowercased()
            } else if let name = arguments[0].dottedName, name == ["Array"] || name == ["Object"] {
                type = name[0].lowercased()
            } else {
                return nil
            }
            guard ["array", "object", "string", "number", "boolean", "null"].contains(type) else { return nil }
            return wrapped(ScriptMatcher(.type, .json(.string(type))))
        case "include", "includes", "contain", "contains", "string":
            guard arguments.count == 1, let value = value(arguments[0]) else { return nil }
            return wrapped(ScriptMatcher(.contains, value))
        case "lengthOf", "length":
            guard arguments.count == 1, let count = number(0) else { return nil }
            return wrapped(ScriptMatcher(.length, .json(count)))
        case "above", "gt", "greaterThan", "below", "lt", "lessThan", "least", "gte", "most", "lte":
            guard arguments.count == 1,
                let bound = number(0) ?? arguments[0].jsonLiteral.flatMap({ $0.stringValue != nil ? $0 : nil })
            else { return nil }
            let names: [String: MatcherName] = [
                "above": .gt, "gt": .gt, "greaterThan": .gt, "below": .lt, "lt": .lt, "lessThan": .lt, "least": .ge,
                "gte": .ge, "most": .le, "lte": .le,
            ]
            guard let name = names[word.name] else { return nil }
            return wrapped(ScriptMatcher(name, .json(bound)))
        case "within":
            guard !negated, arguments.count == 2, let low = number(0), let high = number(1) else { return nil }
            return [ScriptMatcher(.ge, .json(low)), ScriptMatcher(.le, .json(high))]
        case "empty" where word.arguments == nil:
            return [
                negated ? ScriptMatcher(.length, .matchers([ScriptMatcher(.gt, .json(0))])) : ScriptMatcher(.length, .json(0))
            ]
        case "oneOf":
            guard arguments.count == 1, case .array(let items) = arguments[0] else { return nil }
            var values: [ScriptValue] = []
            for item in items {
                guard let value = value(item) else { return nil }
                values.append(value)
            }
            return wrapped(ScriptMatcher(.oneOf, .list(values)))
        case "match", "matches":
            guard arguments.count == 1, case .regex(let pattern, let flags) = arguments[0] else { return nil }
            let inline = flags.filter { "ims".contains($0) }
            guard flags.allSatisfy({ "imsgu".contains($0) }) else { return nil }
            return wrapped(ScriptMatcher(.matches, .json(.string((inline.isEmpty ? "" : "(?\(inline))") + pattern))))
        default:
            return nil
        }
    }

    /// Matchers on a `.length`: each becomes (or goes inside) a `length` matcher.
    static func counting(_ matchers: [ScriptMatcher]) -> [ScriptMatcher]? {
        var inner: [ScriptMatcher] = []
        for matcher in matchers {
            switch matcher.name {
            case .length: return matchers.count == 1 ? matchers : nil
            case .equals where matchers.count == 1: return [ScriptMatcher(.length, matcher.value)]
            case .gt, .lt, .ge, .le, .notEquals: inner.append(matcher)
            default: return nil
            }
        }
        return [ScriptMatcher(.length, .matchers(inner))]
    }
}
