import AzspecCore
import Testing

/// Parses `text`, returning the error (or `nil` when it parsed).
private func parseError(_ text: String) -> JSONParseError? {
    do {
        _ = try JSONValue(parsing: text)
        return nil
    } catch {
        return error
    }
}

private func parseError(bytes: [UInt8]) -> JSONParseError? {
    do {
        _ = try JSONValue(parsing: bytes)
        return nil
    } catch {
        return error
    }
}

@Suite("JSON parser")
struct JSONParserTests {
    // MARK: Numbers

    @Test(
        "integers, fractions and exponents",
        arguments: [
            ("0", 0.0), ("-0", -0.0), ("3599", 3599), ("-42", -42), ("1.5", 1.5), ("0.1", 0.1),
            ("100.1", 100.1), ("1e3", 1000), ("1E3", 1000), ("1e+3", 1000), ("2.5e-3", 0.0025),
            ("-1.25E-2", -0.0125), ("9007199254740993", 9_007_199_254_740_992),
            ("12345678901234567890", 12_345_678_901_234_567_168), ("1.7976931348623157e308", .greatestFiniteMagnitude),
            ("5e-324", .leastNonzeroMagnitude), ("1e-400", 0), ("0.30000000000000004", 0.30000000000000004),
            ("123456789012345.678", 123_456_789_012_345.678),
        ])
    func numbers(text: String, expected: Double) throws {
        let value = try JSONValue(parsing: text)
        let n = try #require(value.numberValue)
        #expect(n == expected)
        #expect(n.sign == expected.sign)
    }

    @Test("-0 keeps its sign", arguments: ["-0", "-0.0", "-0e5"])
    func negativeZero(text: String) throws {
        let n = try #require(try JSONValue(parsing: text).numberValue)
        #expect(n == 0)
        #expect(n.sign == .minus)
    }

    @Test(
        "invalid numbers are rejected",
        arguments: [
            "01", "-01", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "1.e5", "--1", "NaN", "Infinity", "1e400", "-1e400",
        ])
    func invalidNumbers(text: String) {
        #expect(parseError(text) != nil, "\(text) should be rejected")
    }

    @Test func integerPredicate() throws {
        #expect(try JSONValue(parsing: "3599").isInteger)
        #expect(try JSONValue(parsing: "3.599e3").isInteger)
        #expect(try !JSONValue(parsing: "3.5").isInteger)
        #expect(!JSONValue.string("1").isInteger)
        #expect(JSONValue.number(1e300).isInteger)
        #expect(!JSONValue.number(.infinity).isInteger)
    }

    // MARK: Strings

    @Test func stringEscapes() throws {
        let value = try JSONValue(parsing: #""a\"b\\c\/d\be\ff\ng\rh\ti\u0041\u00e9\u20AC""#)
        #expect(value == .string("a\"b\\c/d\u{08}e\u{0C}f\ng\rh\tiAé€"))
    }

    @Test func surrogatePairs() throws {
        #expect(try JSONValue(parsing: #""\uD83D\uDE00""#) == .string("😀"))
        #expect(try JSONValue(parsing: #""x\ud834\udd1ey""#) == .string("x𝄞y"))
        // Raw (unescaped) non-ASCII text.
        #expect(try JSONValue(parsing: "\"café ☺ 😀\"") == .string("café ☺ 😀"))
        #expect(try JSONValue(parsing: #""\u0000""#) == .string("\u{0}"))
    }

    @Test(
        "invalid surrogates are rejected",
        arguments: [
            #""\uD83D""#, #""\uD83Dx""#, #""\uDE00""#, #""\uD83D\u0041""#, #""\uD83D\n""#, #""\uDBFF\uDBFF""#,
        ])
    func invalidSurrogates(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.message.contains("surrogate"))
        #expect(error.offset >= 1)
    }

    @Test(
        "invalid strings are rejected",
        arguments: [
            #""abc"#, #""\x""#, #""\u12""#, #""\u12G4""#, "\"a\tb\"", "\"a\nb\"", "\"\u{1}\"", "'single'",
        ])
    func invalidStrings(text: String) {
        #expect(parseError(text) != nil, "\(text.debugDescription) should be rejected")
    }

    @Test func invalidUTF8IsRejectedWithOffset() throws {
        // "a<FF>" inside a string.
        var error = try #require(parseError(bytes: [0x22, 0x61, 0xFF, 0x22]))
        #expect(error.offset == 2)
        #expect(error.message.contains("invalid UTF-8"))
        #expect(error.message.contains("offset 2"))

        // Overlong encoding of '/'.
        error = try #require(parseError(bytes: [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D]))
        #expect(error.offset == 2)
        #expect(error.message.contains("invalid UTF-8"))

        // Bad continuation byte: offset of the offending byte.
        error = try #require(parseError(bytes: [0x22, 0xE2, 0x82, 0x41, 0x22]))
        #expect(error.offset == 3)

        // Encoded surrogate (CESU-8) is not UTF-8.
        error = try #require(parseError(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22]))
        #expect(error.offset == 2)

        // Truncated at end of input.
        error = try #require(parseError(bytes: [0x22, 0xF0, 0x9F]))
        #expect(error.message.contains("UTF-8"))

        // Outside a string.
        error = try #require(parseError(bytes: [0x5B, 0x31, 0x2C, 0xFE, 0x5D]))
        #expect(error.offset == 3)
        #expect(error.message.contains("invalid UTF-8"))

        // Valid multi-byte text still parses.
        #expect(try JSONValue(parsing: [0x22, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0x22]) == .string("€😀"))
    }

    @Test func byteOrderMarkIsAccepted() throws {
        #expect(try JSONValue(parsing: [0xEF, 0xBB, 0xBF, 0x5B, 0x31, 0x5D]) == [1])
        #expect(try JSONValue(parsing: "\u{FEFF}{\"a\":true}") == .object(["a": true]))
    }

    // MARK: Structure

    @Test(
        "structural errors are rejected",
        arguments: [
            "", "   ", "[1,]", "[1,,2]", "{\"a\":1,}", "{,}", "[", "{", "{\"a\"}", "{\"a\":}", "{a:1}", "[1 2]",
            "{\"a\":1 \"b\":2}", "tru", "nul", "True", "[1]x", "1 2", "{} {}", "[1]]", "\"a\" \"b\"",
        ])
    func structuralErrors(text: String) {
        #expect(parseError(text) != nil, "\(text.debugDescription) should be rejected")
    }

    @Test func trailingCommasHaveClearMessages() throws {
        #expect(try #require(parseError("[1,2,]")).message.contains("trailing comma"))
        #expect(try #require(parseError("{\"a\":1,}")).message.contains("trailing comma"))
    }

    @Test func errorLineAndColumn() throws {
        let text = "{\n  \"a\": 1\n  \"b\": 2\n}"
        let error = try #require(parseError(text))
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.offset == 13)
        #expect(error.message == "expected ',' or '}' after object member")
        #expect(error.description == "line 3, column 3: expected ',' or '}' after object member")

        let array = try #require(parseError("[1,\n 2\n 3]"))
        #expect(array.line == 3)
        #expect(array.column == 2)
        #expect(array.message == "expected ',' or ']' after array element")

        // Columns count characters, not bytes.
        let unicode = try #require(parseError("[\"é\" x]"))
        #expect(unicode.line == 1)
        #expect(unicode.column == 6)
        #expect(unicode.offset == 6)

        let trailing = try #require(parseError("{}\n\n  x"))
        #expect(trailing.line == 3)
        #expect(trailing.column == 3)
    }

    @Test func deepNestingIsRejectedWithoutCrashing() throws {
        // 512 levels are fine.
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONValue(parsing: ok) }
        // 513 levels are not.
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let error = try #require(parseError(tooDeep))
        #expect(error.message.contains("nesting too deep"))
        // Far deeper input is rejected, not a stack overflow.
        #expect(parseError(String(repeating: "[", count: 1_000_000)) != nil)
        #expect(parseError(String(repeating: "{\"a\":", count: 200_000)) != nil)
        // Deep objects.
        let objects = String(repeating: "{\"a\":", count: 512) + "1" + String(repeating: "}", count: 512)
        let value = try JSONValue(parsing: objects)
        #expect(try JSONValue(parsing: value.serialized) == value)
    }

    @Test func memberOrderIsKept() throws {
        let value = try JSONValue(parsing: #"{"z":1,"a":2,"m":3,"b":{"y":true,"x":false}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m", "b"])
        #expect(object.map(\.key) == ["z", "a", "m", "b"])
        #expect(value["b"]?.objectValue?.keys == ["y", "x"])
        #expect(value.serialized == #"{"z":1,"a":2,"m":3,"b":{"y":true,"x":false}}"#)
    }

    @Test func duplicateKeysLastValueWinsFirstPositionKept() throws {
        let value = try JSONValue(parsing: #"{"a":1,"b":2,"a":3}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
        #expect(object.count == 2)
        // Same with a large (hash-indexed) object.
        var text = "{"
        for i in 0..<40 { text += "\"k\(i)\":\(i)," }
        text += "\"k5\":\"again\"}"
        let big = try #require(try JSONValue(parsing: text).objectValue)
        #expect(big.count == 40)
        #expect(big.keys[5] == "k5")
        #expect(big["k5"] == "again")
        #expect(big["k39"] == 39)
    }

    @Test func largeBodyParses() throws {
        var text = "["
        for i in 0..<70_000 {
            if i > 0 { text += "," }
            text += #"{"id":\#(i),"name":"item-\#(i)","tags":["a","b"],"value":\#(Double(i) / 4)}"#
        }
        text += "]"
        #expect(text.utf8.count > 4_000_000)
        let value = try JSONValue(parsing: Array(text.utf8))
        #expect(value.arrayValue?.count == 70_000)
        #expect(value[59_999]?["name"] == "item-59999")
        #expect(try JSONValue(parsing: value.serialized) == value)
    }

    @Test func parsesFromAnyByteCollection() throws {
        let bytes: ArraySlice<UInt8> = Array("xx[1,2]".utf8)[2...]
        #expect(try JSONValue(parsing: bytes) == [1, 2])
    }

    // MARK: Values

    @Test func accessorsAndTypeNames() throws {
        let value = try JSONValue(parsing: #"{"s":"x","n":1.5,"b":true,"z":null,"a":[1],"o":{}}"#)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["n"]?.numberValue == 1.5)
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["a"]?[0] == 1)
        #expect(value["a"]?[1] == nil)
        #expect(value["a"]?[-1] == nil)
        #expect(value["o"]?.objectValue == JSONObject())
        #expect(value["missing"] == nil)
        #expect(value["z"] == .null)
        #expect(value[0] == nil)
        let names = ["s", "n", "b", "z", "a", "o"].compactMap { value[$0]?.typeName }
        #expect(names == ["string", "number", "boolean", "null", "array", "object"])
    }

    @Test func literals() {
        let value: JSONValue = ["a", 1, 2.5, true, nil, [false]]
        #expect(value.serialized == #"["a",1,2.5,true,null,[false]]"#)
        let object: JSONObject = ["b": 1, "a": "x"]
        #expect(JSONValue.object(object).serialized == #"{"b":1,"a":"x"}"#)
    }

    @Test func objectEqualityIgnoresOrderAndHashesConsistently() throws {
        let a = try JSONValue(parsing: #"{"x":1,"y":[1,{"p":null,"q":"r"}]}"#)
        let b = try JSONValue(parsing: #"{"y":[1,{"q":"r","p":null}],"x":1.0}"#)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        let c = try JSONValue(parsing: #"{"y":[{"q":"r","p":null},1],"x":1}"#)
        #expect(a != c)  // array order matters
        #expect(try JSONValue(parsing: "1") == JSONValue(parsing: "1.0"))
        #expect(try JSONValue(parsing: "0") == JSONValue(parsing: "-0"))
        #expect(JSONValue.number(1) != .string("1"))
        #expect(JSONValue.bool(false) != .null)
    }

    @Test func stringsCompareByScalarsNotCanonicalEquivalence() throws {
        let composed = JSONValue.string("\u{E9}")
        let decomposed = JSONValue.string("e\u{301}")
        #expect(composed != decomposed)
        let object = try #require(try JSONValue(parsing: "{\"\u{E9}\":1,\"e\u{301}\":2}").objectValue)
        #expect(object.count == 2)
        #expect(object["\u{E9}"] == 1)
        #expect(object["e\u{301}"] == 2)
    }

    @Test func objectMutation() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["c"] = 3
        object["a"] = "one"
        #expect(object.keys == ["a", "b", "c"])
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object["b"] == nil)
        object["b"] = .null
        #expect(object.keys == ["a", "c", "b"])
        #expect(object["b"] == .null)
        var big = JSONObject()
        for i in 0..<50 { big["k\(i)"] = .number(Double(i)) }
        big["k10"] = nil
        #expect(big.count == 49)
        #expect(big["k10"] == nil)
        #expect(big["k11"] == 11)
        #expect(big.keys.first == "k0")
        let built = JSONObject([("x", 1), ("y", 2), ("x", 3)])
        #expect(built.keys == ["x", "y"])
        #expect(built["x"] == 3)
    }

    // MARK: Serialization

    @Test func integralNumbersPrintWithoutFraction() {
        #expect(JSONValue.number(3599).serialized == "3599")
        #expect(JSONValue.number(3599.0).serialized == "3599")
        #expect(JSONValue.number(-42).serialized == "-42")
        #expect(JSONValue.number(0).serialized == "0")
        #expect(JSONValue.number(9_007_199_254_740_992).serialized == "9007199254740992")
        #expect(JSONValue.number(-9_007_199_254_740_992).serialized == "-9007199254740992")
        #expect(JSONValue.number(1.5).serialized == "1.5")
        #expect(JSONValue.number(0.1).serialized == "0.1")
        #expect(JSONValue.number(1e300).serialized == "1e+300")
        #expect(JSONValue.number(.nan).serialized == "null")
    }

    @Test(
        "numbers round-trip",
        arguments: [
            0.1, 1.0 / 3.0, 1e21, 1e-7, 123_456.789, .leastNonzeroMagnitude, 1.7976931348623157e308, 2.0.squareRoot(),
            18_014_398_509_481_984,
        ])
    func numberRoundTrip(n: Double) throws {
        let text = JSONValue.number(n).serialized
        #expect(try JSONValue(parsing: text).numberValue == n, "\(text)")
    }

    @Test func controlCharactersAreEscaped() throws {
        let value = JSONValue.string("a\"b\\c/d\u{0}\u{1}\u{8}\t\n\u{B}\u{C}\r\u{1F}\u{7F}é😀")
        let text = value.serialized
        #expect(text == #""a\"b\\c/d\u0000\u0001\b\t\n\u000b\f\r\u001f"# + "\u{7F}é😀\"")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
        #expect(try JSONValue(parsing: text) == value)
    }

    @Test func serializationRoundTrip() throws {
        let text = #"{"name":"a\u0000b","list":[1,-2.5,1e-7,true,false,null,"\u00e9\ud83d\ude00"],"nested":{"k":{}},"empty":[]}"#
        let value = try JSONValue(parsing: text)
        let serialized = value.serialized
        #expect(serialized == #"{"name":"a\u0000b","list":[1,-2.5,1e-7,true,false,null,"é😀"],"nested":{"k":{}},"empty":[]}"#)
        #expect(try JSONValue(parsing: serialized) == value)
        #expect(try JSONValue(parsing: value.prettyPrinted()) == value)
    }

    @Test func prettyPrinting() throws {
        let value = try JSONValue(parsing: #"{"a":[1,{"b":null}],"c":{},"d":[]}"#)
        #expect(
            value.prettyPrinted() == """
                {
                  "a": [
                    1,
                    {
                      "b": null
                    }
                  ],
                  "c": {},
                  "d": []
                }
                """)
        #expect(JSONValue.array([1, 2]).prettyPrinted(indent: 4) == "[\n    1,\n    2\n]")
        #expect(JSONValue.string("x").prettyPrinted() == "\"x\"")
    }
}

@Suite struct JSONProjectionTests {
    let body =
        #"{"value":[{"name":"a","tags":{"x":1}},{"name":"b","tags":{"x":2}},{"name":"c","big":[1,2,3]}],"nextLink":null,"last":"end"}"#

    @Test func onlyTheProjectedPathsAreBuiltAndTheRestIsNull() throws {
        let projection = JSONProjection(path: [.member("value"), .element(1), .member("name")])
            .union(JSONProjection(path: [.member("last")]))
        let document = try JSONValue(parsing: Array(body.utf8), keeping: projection)
        #expect(document["last"] == .string("end"))
        #expect(document["value"]?[1]?["name"] == .string("b"))
        #expect(document["value"]?[1]?["tags"] == .null, "a member off the path is left out")
        #expect(document["value"]?[0] == .null, "so is an element before the projected one, keeping its index")
        #expect(document["value"]?.arrayValue?.count == 3)
        #expect(document.objectValue?.keys == ["value", "nextLink", "last"], "every member keeps its key")
    }

    @Test func aWildcardKeepsEveryChildAndAllKeepsEverything() throws {
        let names = JSONProjection(path: [.member("value"), .anyChild, .member("name")])
        let document = try JSONValue(parsing: Array(body.utf8), keeping: names)
        #expect(document["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["a", "b", "c"])
        #expect(document["value"]?[2]?["big"] == .null)
        let whole = try JSONValue(parsing: Array(body.utf8), keeping: .all)
        #expect(whole == (try JSONValue(parsing: Array(body.utf8))))
        #expect(try JSONValue(parsing: Array(body.utf8), keeping: .none).objectValue?.values.allSatisfy { $0 == .null } == true)
    }

    /// Leaving a part out never means accepting what is not JSON.
    @Test(arguments: [
        #"{"skip":[1,2,}"#, #"{"skip":{"a" 1},"keep":1}"#, #"{"skip":"\u00zz","keep":1}"#, #"{"skip":[tru],"keep":1}"#,
        #"{"skip":{"a":1,},"keep":1}"#, #"{"skip":[1 2],"keep":1}"#, #"{"skip":"#,
    ])
    func skippedPartsAreStillChecked(_ text: String) {
        #expect(throws: JSONParseError.self) {
            try JSONValue(parsing: Array(text.utf8), keeping: JSONProjection(path: [.member("keep")]))
        }
    }

    @Test func theDepthLimitHoldsInSkippedParts() {
        let deep = #"{"skip":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Array(deep.utf8), keeping: .none) }
    }
}
