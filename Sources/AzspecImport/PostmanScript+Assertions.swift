import AzspecCore
import AzspecKit

extension PostmanScript {
    /// One step of a chain: `.name` or `.name(arguments)`.
    typealias Link = (name: String, arguments: [JSExpression]?)

    /// `pm.expect(x).to.eql(1)` as the root `pm` and the links `expect(x)`, `to`, `eql(1)`.
    static func chain(_ expression: JSExpression) -> (root: JSExpression, links: [Link]) {
        switch expression {
        case .member(let base, let name):
            let (root, links) = chain(base)
            return (root, links + [(name, nil)])
        case .call(.member(let base, let name), let arguments):
            let (root, links) = chain(base)
            return (root, links + [(name, arguments)])
        default:
            return (expression, [])
        }
    }

    /// The path a response-JSON expression selects: an alias, `pm.response.json()`, `JSON.parse(responseBody)`, and
    /// member or index steps from them.
    func jsonPath(_ expression: JSExpression) -> [JSONPathStep]? {
        switch expression {
        case .name(let name): return aliases[name]
        case .call(let function, let arguments):
            if function.dottedName == ["pm", "response", "json"], arguments.isEmpty { return [] }
            if function.dottedName == ["JSON", "parse"], arguments.count == 1, Self.isResponseText(arguments[0]) { return [] }
            return nil
        case .member(let base, let name): return jsonPath(base).map { $0 + [.name(name)] }
        case .index(let base, .literal(.string(let name))): return jsonPath(base).map { $0 + [.name(name)] }
        case .index(let base, .literal(.number(let number))):
            guard number >= 0, number == number.rounded(), number < 1e9 else { return nil }
            return jsonPath(base).map { $0 + [.index(Int(number))] }
        default: return nil
        }
    }

    static func isResponseText(_ expression: JSExpression) -> Bool {
        if expression == .name("responseBody") { return true }
        if case .call(let function, let arguments) = expression, function.dottedName == ["pm", "response", "text"] {
            return arguments.isEmpty
        }
        return false
    }

    /// `pm.response.headers.get("Name")` (or `postman.getResponseHeader("Name")`): the header's name.
    static func header(_ expression: JSExpression) -> String? {
        guard case .call(let function, let arguments) = expression, arguments.count == 1,
            case .literal(.string(let name)) = arguments[0], !name.isEmpty
        else { return nil }
        let known = [["pm", "response", "headers", "get"], ["postman", "getResponseHeader"]]
        return function.dottedName.map(known.contains) == true ? name : nil
    }

    /// `pm.expect(subject).…`: an expectation on the status, a header, the body or a part of the JSON.
    mutating func expect(_ subject: JSExpression, _ links: ArraySlice<Link>) -> Bool {
        if subject.dottedName == ["pm", "response"] {
            guard links.first?.name == "to", links.first?.arguments == nil else { return false }
            return responseAssertion(links.dropFirst())
        }
        guard let words = Self.assertions(links) else { return false }
        if ["pm.response.code", "responseCode.code", "pm.response.statusCode"].contains(
            subject.dottedName?.joined(separator: "."))
        {
            return status(words)
        }
        let target: ScriptTranslation.Target
        var path: [JSONPathStep] = []
        var counted = false
        if let header = Self.header(subject) {
            target = .header(header)
        } else if Self.isResponseText(subject) {
            target = .body
        } else if let steps = jsonPath(subject) {
            path = steps
            if case .name("length") = steps.last {
                path.removeLast()
                counted = true
            }
            target = .json(JSONPathStep.text(path))
        } else {
            return false
        }
        var additions: [(ScriptTranslation.Target, [ScriptMatcher])] = []
        for word in words {
            if word.name == "property", case .json = target, let arguments = word.arguments, (1...2).contains(arguments.count),
                case .literal(.string(let name)) = arguments[0]
            {
                let value = arguments.count == 2 ? Self.value(arguments[1]) : nil
                if arguments.count == 2, value == nil { return false }
                let matcher =
                    value.map { ScriptMatcher(word.negated ? .notEquals : .equals, $0) }
                    ?? .init(.exists, .json(.bool(!word.negated)))
                additions.append((.json(JSONPathStep.text(path + [.name(name)])), [matcher]))
                continue
            }
            guard let matchers = Self.matchers(word) else { return false }
            if counted || word.counted {
                guard let counts = Self.counting(matchers) else { return false }
                additions.append((target, counts))
            } else {
                additions.append((target, matchers))
            }
        }
        var copy = translation
        for (target, matchers) in additions where !copy.expect(matchers, at: target) { return false }
        translation = copy
        return true
    }

    /// `pm.expect(pm.response.code).to.eql(200)` or `.to.be.oneOf([200, 201])`.
    private mutating func status(_ words: [Assertion]) -> Bool {
        guard words.count == 1, let word = words.first, !word.negated, !word.counted, let arguments = word.arguments,
            arguments.count == 1
        else { return false }
        switch (word.name, arguments[0].jsonLiteral) {
        case ("eql", .number(let code)?), ("equal", .number(let code)?), ("equals", .number(let code)?),
            ("eq", .number(let code)?):
            return translation.expectStatus([.number(code)])
        case ("oneOf", .array(let codes)?) where !codes.isEmpty && codes.allSatisfy({ $0.intValue != nil }):
            return translation.expectStatus(codes)
        default:
            return false
        }
    }
}
