import AzspecCore

/// Translates a Postman test script into expectations and captures. Statements it recognises (status and JSON
/// assertions, header checks, `pm.environment.set` of a response value) are converted; `pm.test(…)` wrappers are
/// unwrapped; every other line is returned as not converted, to be kept as a comment.
struct PostmanScript {
    /// Names declared as the response's JSON or a part of it (`var jsonData = pm.response.json();`).
    var aliases: [String: [JSONPathStep]] = [:]
    var translation = ScriptTranslation()

    /// The script's translation; `lines` are its source lines.
    static func translate(_ lines: [String]) -> ScriptTranslation {
        var script = PostmanScript()
        let tokens = JSLexer.tokens(lines)
        var unconverted = Set<Int>()
        var index = 0
        var wrappers = 0
        while index < tokens.count {
            if tokens[index].isPunctuator(";") {
                index += 1
            } else if wrappers > 0, tokens[index].isPunctuator("}") {
                index += 1
                if index < tokens.count, tokens[index].isPunctuator(")") { index += 1 }
                wrappers -= 1
            } else if let body = wrapperBody(tokens, at: index) {
                wrappers += 1
                index = body
            } else {
                let end = statementEnd(tokens, from: index)
                let statement = tokens[index..<end]
                if !script.interpret(statement), let first = statement.first, let last = statement.last {
                    unconverted.formUnion(first.line...max(first.line, last.lastLine))
                }
                index = end
            }
        }
        script.translation.unconverted = unconverted.sorted().compactMap { number in
            number < lines.count ? lines[number].trimmingWhitespace.ifNotBlank : nil
        }
        return script.translation
    }

    /// After `pm.test("name", function () {` (or `() => {`): the index of the body's first token.
    private static func wrapperBody(_ tokens: [JSToken], at start: Int) -> Int? {
        var index = start
        func next() -> JSToken? {
            defer { index += 1 }
            return index < tokens.count ? tokens[index] : nil
        }
        guard next()?.identifier == "pm", next()?.isPunctuator(".") == true, next()?.identifier == "test",
            next()?.isPunctuator("(") == true, case .string = next()?.kind, next()?.isPunctuator(",") == true
        else { return nil }
        var token = next()
        if token?.identifier == "async" { token = next() }
        if token?.identifier == "function" {
            token = next()
            if token?.identifier != nil { token = next() }
            guard token?.isPunctuator("(") == true else { return nil }
            token = next()
            if token?.identifier != nil { token = next() }
            guard token?.isPunctuator(")") == true, next()?.isPunctuator("{") == true else { return nil }
            return index
        }
        if token?.identifier != nil {
            guard next()?.isPunctuator("=>") == true, next()?.isPunctuator("{") == true else { return nil }
            return index
        }
        guard token?.isPunctuator("(") == true else { return nil }
        token = next()
        if token?.identifier != nil { token = next() }
        guard token?.isPunctuator(")") == true, next()?.isPunctuator("=>") == true, next()?.isPunctuator("{") == true else {
            return nil
        }
        return index
    }

    private static let continuingAfter: Set<String> = [
        ".", "?.", "=", ",", "(", "[", "{", "+", "-", "*", "&&", "||", "??", "?", ":", "=>", "===", "==", "!==", "!=", "<", ">",
        "<=", ">=", "!",
    ]
    private static let continuingBefore: Set<String> = [
        ".", "?.", "&&", "||", "??", "?", ":", "+", "*", "===", "==", "!==", "!=", "<", ">", "<=", ">=", ")", "]",
    ]

    /// The end (exclusive) of the statement starting at `start`: a `;` or a `}` outside brackets, or the end of a
    /// line where the statement is complete.
    private static func statementEnd(_ tokens: [JSToken], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < tokens.count {
            let token = tokens[index]
            if case .punctuator(let text) = token.kind {
                switch text {
                case "(", "[", "{": depth += 1
                case ")", "]", "}":
                    if depth == 0 { return max(index, start + 1) }
                    depth -= 1
                case ";" where depth == 0: return index
                default: break
                }
            }
            if depth == 0, index + 1 < tokens.count, tokens[index + 1].line > token.line {
                let after = if case .punctuator(let text) = token.kind { continuingAfter.contains(text) } else { false }
                let before =
                    if case .punctuator(let text) = tokens[index + 1].kind { continuingBefore.contains(text) } else { false }
                if !after && !before { return index + 1 }
            }
            index += 1
        }
        return tokens.count
    }

    /// Converts one statement; false when it is not one the importer knows.
    mutating func interpret(_ statement: ArraySlice<JSToken>) -> Bool {
        if statement.first?.identifier == "tests" { return legacyTest(statement) }
        var tokens = statement
        let declares = ["var", "let", "const"].contains(tokens.first?.identifier ?? "")
        if declares { tokens = tokens.dropFirst() }
        if tokens.count > 2, let name = tokens.first?.identifier, tokens[tokens.startIndex + 1].isPunctuator("=") {
            guard let value = JSParser.expression(tokens.dropFirst(2)), let path = jsonPath(value) else {
                aliases[name] = nil
                return false
            }
            aliases[name] = path
            return true
        }
        guard !declares, let expression = JSParser.expression(statement) else { return false }
        return interpret(expression)
    }

    private mutating func interpret(_ expression: JSExpression) -> Bool {
        let (root, links) = Self.chain(expression)
        guard let root = root.dottedName?.first, let first = links.first else { return false }
        switch (root, first.name) {
        case ("pm", "expect"):
            guard let arguments = first.arguments, (1...2).contains(arguments.count) else { return false }
            return expect(arguments[0], links.dropFirst())
        case ("pm", "response"):
            guard links.count > 2, links[1].name == "to", links[1].arguments == nil else { return false }
            return responseAssertion(links.dropFirst(2))
        case ("pm", "environment"), ("pm", "collectionVariables"), ("pm", "globals"), ("pm", "variables"):
            guard links.count == 2, links[1].name == "set", let arguments = links[1].arguments else { return false }
            return capture(arguments)
        case ("postman", "setEnvironmentVariable"), ("postman", "setGlobalVariable"):
            return first.arguments.map { capture($0) } ?? false
        default:
            return false
        }
    }

    /// `set("name", value)`: a capture when the value is a part of the response's JSON or a header.
    private mutating func capture(_ arguments: [JSExpression]) -> Bool {
        guard arguments.count == 2, case .literal(.string(let name)) = arguments[0], !name.isEmpty else { return false }
        if let path = jsonPath(arguments[1]) {
            translation.capture(name, .json(JSONPathStep.text(path)))
            return true
        }
        if let header = Self.header(arguments[1]) {
            translation.capture(name, .header(header))
            return true
        }
        return false
    }
}
