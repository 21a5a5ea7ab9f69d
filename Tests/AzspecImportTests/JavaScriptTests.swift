import AzspecCore
import Testing

@testable import AzspecImport

/// The importer's JavaScript lexer and parser on their own: what Postman's test scripts are made of reads into the
/// expressions the translation matches, and what is not JavaScript it reads stays invalid instead of guessed at.
@Suite struct JavaScriptTests {
    static func kinds(_ lines: String...) -> [JSToken.Kind] { JSLexer.tokens(lines).map(\.kind) }

    @Test func theLexerReadsNamesNumbersStringsAndLongestPunctuators() {
        #expect(
            Self.kinds("pm.expect(x.length).to.be.at.least(1.5e2);")
                == [
                    .identifier("pm"), .punctuator("."), .identifier("expect"), .punctuator("("), .identifier("x"),
                    .punctuator("."), .identifier("length"), .punctuator(")"), .punctuator("."), .identifier("to"),
                    .punctuator("."), .identifier("be"), .punctuator("."), .identifier("at"), .punctuator("."),
                    .identifier("least"), .punctuator("("), .number(150), .punctuator(")"), .punctuator(";"),
                ])
        #expect(
            Self.kinds("a !== b === c?.d") == [
                .identifier("a"), .punctuator("!=="), .identifier("b"), .punctuator("==="), .identifier("c"), .punctuator("?."),
                .identifier("d"),
            ])
        #expect(Self.kinds("$x _y") == [.identifier("$x"), .identifier("_y")])
        #expect(Self.kinds(".5") == [.number(0.5)])
    }

    @Test func stringsDecodeTheirEscapesInEveryQuote() {
        #expect(Self.kinds(#""a\"b\n\u0041""#) == [.string("a\"b\nA")])
        #expect(Self.kinds("'it\\'s'") == [.string("it's")])
        #expect(Self.kinds("`plain`") == [.string("plain")])
        #expect(Self.kinds("`x ${y}`") == [.invalid], "a template with a substitution is not a string")
        #expect(Self.kinds("'open") == [.invalid], "an unterminated string")
    }

    @Test func commentsAreDroppedAndLinesCounted() {
        let tokens = JSLexer.tokens(["a // comment", "/* one", "two */ b", "'x\\", "y' c"])
        #expect(tokens.map(\.kind) == [.identifier("a"), .identifier("b"), .string("xy"), .identifier("c")])
        #expect(tokens.map(\.line) == [0, 2, 3, 4])
        #expect(tokens[2].lastLine == 4, "a string continued over a line ends on the next")
        #expect(Self.kinds("/* never closed") == [])
    }

    @Test func aSlashIsARegexWhereAnExpressionMayStartAndDivisionAfterAValue() {
        #expect(Self.kinds("x.match(/^ab+c$/i)").contains(.regex(pattern: "^ab+c$", flags: "i")))
        #expect(Self.kinds("a / b") == [.identifier("a"), .punctuator("/"), .identifier("b")])
        #expect(Self.kinds("(a) / 2") == [.punctuator("("), .identifier("a"), .punctuator(")"), .punctuator("/"), .number(2)])
    }

    @Test func strayCharactersAndMalformedNumbersAreInvalid() {
        #expect(Self.kinds("#") == [.invalid])
        #expect(Self.kinds("1.2.3") == [.invalid])
        #expect(Self.kinds("@x") == [.invalid, .identifier("x")])
    }

    static func parse(_ text: String) -> JSExpression? { JSParser.expression(JSLexer.tokens([text])) }

    @Test func expressionsParseIntoMembersCallsIndexesAndComparisons() {
        #expect(
            Self.parse("pm.response.json().value[0].name")
                == .member(
                    .index(.member(.call(.member(.member(.name("pm"), "response"), "json"), []), "value"), .literal(0)),
                    "name"))
        #expect(Self.parse("a.b === 'x'") == .binary("===", .member(.name("a"), "b"), .literal("x")))
        #expect(Self.parse("!!ok") == .not(.not(.name("ok"))))
        #expect(Self.parse("-3") == .literal(-3))
        #expect(
            Self.parse("f(1, 'two', true, null, undefined)")
                == .call(.name("f"), [.literal(1), .literal("two"), .literal(true), .literal(.null), .undefined]))
        #expect(Self.parse("[1, [2]]") == .array([.literal(1), .array([.literal(2)])]))
        #expect(Self.parse("/^a/g") == .regex(pattern: "^a", flags: "g"))
    }

    @Test func objectLiteralsKeepTheirKeyOrder() throws {
        let parsed = try #require(Self.parse("({ b: 1, 'a': [true], 2: null })"))
        guard case .object(let members, let order) = parsed else {
            Issue.record("not an object: \(parsed)")
            return
        }
        #expect(order == ["b", "a", "2"])
        #expect(members["a"] == .array([.literal(true)]))
        #expect(parsed.jsonLiteral == ["b": 1, "a": [true], "2": .null])
    }

    @Test(arguments: [
        "function () {}", "new Date()", "typeof x", "a = 1", "a.b(", "a[1", "x.", "1 2", "a ===", "this.x", "a ? b : c",
    ])
    func whatIsNotAnExpressionItReadsIsNil(_ text: String) {
        #expect(Self.parse(text) == nil, "'\(text)'")
    }

    @Test func nestingAndLengthAreBounded() {
        let deep = String(repeating: "[", count: JSParser.maxDepth + 1) + String(repeating: "]", count: JSParser.maxDepth + 1)
        #expect(Self.parse(deep) == nil, "nesting past maxDepth")
        let shallow = String(repeating: "[", count: 8) + String(repeating: "]", count: 8)
        #expect(Self.parse(shallow) != nil)
        #expect(Self.parse(String(repeating: "!", count: 100) + "x") == nil, "! past maxDepth")
        let long = "f(" + Array(repeating: "1", count: JSParser.maxTokens).joined(separator: ",") + ")"
        #expect(Self.parse(long) == nil, "more tokens than maxTokens")
    }
}
