import AzspecCore
import AzspecKit

extension PostmanScript {
    /// Postman's response assertions that name a status.
    static let statusWords: [String: [JSONValue]] = [
        "info": ["1xx"], "success": ["2xx"], "redirection": ["3xx"], "clientError": ["4xx"], "serverError": ["5xx"],
        "error": ["4xx", "5xx"], "ok": [200], "accepted": [202], "badRequest": [400], "unauthorized": [401], "forbidden": [403],
        "notFound": [404], "rateLimited": [429],
    ]

    /// `pm.response.to.have.status(200)`, `.to.be.ok`, `.to.have.header("X")`, `.to.be.json`, `.to.have.jsonBody("a.b")`…
    mutating func responseAssertion(_ links: ArraySlice<Link>) -> Bool {
        var copy = translation
        var negated = false
        var converted = false
        for link in links {
            if link.arguments == nil, Self.fillers.contains(link.name) { continue }
            if link.arguments == nil, link.name == "not" {
                negated.toggle()
                continue
            }
            let arguments = link.arguments ?? []
            var done = false
            switch link.name {
            case "status":
                if !negated, arguments.count == 1, case .number(let code)? = arguments[0].jsonLiteral {
                    done = copy.expectStatus([.number(code)])
                }
            case "header":
                guard (1...2).contains(arguments.count), case .literal(.string(let name)) = arguments[0] else { break }
                if arguments.count == 1 {
                    done = copy.expect([ScriptMatcher(.exists, .json(.bool(!negated)))], at: .header(name))
                } else if let value = Self.value(arguments[1]) {
                    done = copy.expect([ScriptMatcher(negated ? .notEquals : .equals, value)], at: .header(name))
                }
            case "json" where link.arguments == nil && !negated:
                done = copy.expect([ScriptMatcher(.contains, .json("json"))], at: .header("Content-Type"))
            case "body":
                if arguments.count == 1, let value = Self.value(arguments[0]) {
                    done = copy.expect([ScriptMatcher(negated ? .notEquals : .equals, value)], at: .body)
                }
            case "jsonBody":
                guard (1...2).contains(arguments.count), case .literal(.string(let text)) = arguments[0],
                    let steps = Self.lodashPath(text)
                else { break }
                let target = ScriptTranslation.Target.json(JSONPathStep.text(steps))
                if arguments.count == 1 {
                    done = copy.expect([ScriptMatcher(.exists, .json(.bool(!negated)))], at: target)
                } else if let value = Self.value(arguments[1]) {
                    done = copy.expect([ScriptMatcher(negated ? .notEquals : .equals, value)], at: target)
                }
            default:
                if !negated, link.arguments == nil, let codes = Self.statusWords[link.name] { done = copy.expectStatus(codes) }
            }
            guard done else { return false }
            converted = true
        }
        guard converted else { return false }
        translation = copy
        return true
    }

    /// `a.b[0].c` (lodash's path syntax, as `jsonBody` takes it) as steps.
    static func lodashPath(_ text: String) -> [JSONPathStep]? {
        var steps: [JSONPathStep] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                if bracket != rest.startIndex { steps.append(.name(String(rest[..<bracket]))) }
                rest = rest[bracket...]
                while rest.hasPrefix("[") {
                    guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                        index >= 0
                    else { return nil }
                    steps.append(.index(index))
                    rest = rest[rest.index(after: close)...]
                }
                guard rest.isEmpty else { return nil }
            } else {
                guard !rest.isEmpty else { return nil }
                steps.append(.name(String(rest)))
            }
        }
        return steps
    }

    /// The old `tests["name"] = responseCode.code === 200;` and `tests["name"] = jsonData.x === "v";` forms.
    mutating func legacyTest(_ statement: ArraySlice<JSToken>) -> Bool {
        let tokens = Array(statement)
        guard tokens.count > 5, tokens[1].isPunctuator("["), case .string = tokens[2].kind, tokens[3].isPunctuator("]"),
            tokens[4].isPunctuator("="), let expression = JSParser.expression(tokens[5...])
        else { return false }
        switch expression {
        case .binary(let op, let left, let right) where op == "===" || op == "==":
            if left.dottedName == ["responseCode", "code"], case .number(let code)? = right.jsonLiteral {
                return translation.expectStatus([.number(code)])
            }
            let word = Assertion(name: "eql", arguments: [right], negated: false, counted: false)
            return expect(left, [("to", nil), (word.name, word.arguments)])
        case .call(let function, let arguments) where function.dottedName == ["responseBody", "has"] && arguments.count == 1:
            guard let value = Self.value(arguments[0]) else { return false }
            return translation.expect([ScriptMatcher(.contains, value)], at: .body)
        default:
            return false
        }
    }
}
