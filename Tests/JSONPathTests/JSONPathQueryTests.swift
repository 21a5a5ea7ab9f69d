import AzspecCore
import JSONPath
import Testing

private func syntaxError(_ query: String) -> JSONPathSyntaxError? {
    do {
        _ = try JSONPathQuery(query)
        return nil
    } catch {
        return error
    }
}

/// The RFC 9535 §1.5 example document.
private let storeText = """
    { "store": {
        "book": [
          { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
          { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
          { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3",
            "price": 8.99 },
          { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings",
            "isbn": "0-395-19395-8", "price": 22.99 }
        ],
        "bicycle": { "color": "red", "price": 399 }
      }
    }
    """

@Suite("JSONPath queries")
struct JSONPathQueryTests {
    @Test(
        "syntax error offsets",
        arguments: [
            (" $", 0), ("", 0), ("$.a ", 3), ("a", 0), ("$[", 2), ("$['a'", 5), ("$[?@.a==]", 8), ("$[1 2]", 4),
            ("$.a[-0]", 4), ("$[01]", 2), ("$[9007199254740992]", 2), ("$..", 3), ("$.", 2), ("$[?@.a", 6),
            ("$[?count(1)==1]", 9), ("$[?@.*==1]", 3), ("$[?length(@.a)]", 3), ("$[?match(@.a,'x')==true]", 3),
            ("$[?foo(@.a)]", 3), ("$[?count (@.a)==1]", 8), ("$['\\x']", 3), ("$[\"\\'\"]", 3),
            ("$['e\u{301}' x]", 6), ("$['😀'x]", 5), ("$[?(@.a]", 7), ("$[?!1==1]", 4), ("$[?1]", 3),
        ])
    func syntaxErrorOffsets(query: String, offset: Int) throws {
        let error = try #require(syntaxError(query), "\(query.debugDescription) should be rejected")
        #expect(error.offset == offset, "\(query.debugDescription): \(error)")
        #expect(error.description == "at offset \(error.offset): \(error.message)")
    }

    @Test func errorMessages() throws {
        #expect(try #require(syntaxError("$[1 2]")).message.contains("expected ',' or ']'"))
        #expect(try #require(syntaxError("$[?count(1)==1]")).message.contains("NodesType"))
        #expect(try #require(syntaxError("$[?@.*==1]")).message.contains("non-singular"))
        #expect(try #require(syntaxError("$[?foo(@.a)]")).message.contains("unknown function"))
        #expect(try #require(syntaxError("$[?length(@.a)]")).message.contains("must be compared"))
    }

    @Test(
        "isSingular",
        arguments: [
            ("$", true), ("$.a", true), ("$.a[0]['b'][-1]", true), ("$[\"x\"]", true), ("$ .a [ 0 ]", true),
            ("$.*", false), ("$[*]", false), ("$..a", false), ("$[0,1]", false), ("$['a','b']", false),
            ("$[1:2]", false), ("$[?@]", false), ("$.a..b", false),
        ])
    func singular(query: String, expected: Bool) throws {
        #expect(try JSONPathQuery(query).isSingular == expected)
    }

    @Test func textAndEquality() throws {
        let q = try JSONPathQuery("$.store.book[*].author")
        #expect(q.text == "$.store.book[*].author")
        #expect(q.description == q.text)
        #expect(q == (try JSONPathQuery("$.store.book[*].author")))
        #expect(Set([q, try JSONPathQuery("$.store.book[*].author"), try JSONPathQuery("$..author")]).count == 2)
    }

    @Test func selectsWithNormalizedPaths() throws {
        let store = try JSONValue(parsing: storeText)
        let nodes = try JSONPathQuery("$.store.book[?@.price < 10].title").select(in: store)
        #expect(nodes.map(\.value) == ["Sayings of the Century", "Moby Dick"])
        #expect(nodes.map(\.location) == ["$['store']['book'][0]['title']", "$['store']['book'][2]['title']"])

        let last = try JSONPathQuery("$.store.book[-1].author").select(in: store)
        #expect(last == [JSONPathNode(location: "$['store']['book'][3]['author']", value: "J. R. R. Tolkien")])

        let reversed = try JSONPathQuery("$.store.book[::-2].price").select(in: store)
        #expect(reversed.map(\.location) == ["$['store']['book'][3]['price']", "$['store']['book'][1]['price']"])

        let isbn = try JSONPathQuery("$..book[?@.isbn]").values(in: store)
        #expect(isbn.count == 2)

        let prices = try JSONPathQuery("$..price").values(in: store)
        #expect(prices == [8.95, 12.99, 8.99, 22.99, 399])

        #expect(try JSONPathQuery("$").select(in: store) == [JSONPathNode(location: "$", value: store)])
        #expect(try JSONPathQuery("$.nope.deeper").select(in: store).isEmpty)
        #expect(try JSONPathQuery("$.store.book[4]").values(in: store).isEmpty)
    }

    @Test func normalizedPathEscaping() throws {
        let doc = JSONValue.object(["it's": 1, "a\\b": 2, "line\nbreak\u{1}\u{7F}": 3, "☺": 4])
        let locations = try JSONPathQuery("$.*").select(in: doc).map(\.location)
        #expect(locations == ["$['it\\'s']", "$['a\\\\b']", "$['line\\nbreak\\u0001\u{7F}']", "$['☺']"])
    }

    @Test func wellTypedness() {
        #expect(syntaxError("$[?length(@.a)==1]") == nil)
        #expect(syntaxError("$[?count(@.*)>1]") == nil)
        #expect(syntaxError("$[?value(@..x)=='y']") == nil)
        #expect(syntaxError("$[?match(@.a, 'x') && !search(@.b, $.pattern)]") == nil)
        #expect(syntaxError("$[?length(value(@.*))==1]") == nil)
        #expect(syntaxError("$[?@.a == $.b]") == nil)
        #expect(syntaxError("$[?1 == 1]") == nil)
        #expect(syntaxError("$[?count(1)==1]") != nil)
        #expect(syntaxError("$[?count(@.a)]") != nil)
        #expect(syntaxError("$[?length(@.*)==1]") != nil)
        #expect(syntaxError("$[?@..a==1]") != nil)
        #expect(syntaxError("$[?match(@.a,'a')==true]") != nil)
        #expect(syntaxError("$[?length(@.a==1)==1]") != nil)
        #expect(syntaxError("$[?value(@.a)]") != nil)
        #expect(syntaxError("$[?'a']") != nil)
        // RFC 9535 `name-segment = "[" name-selector "]"`: no blanks inside brackets of a singular query.
        #expect(syntaxError("$[?@['a']==1]") == nil)
        #expect(syntaxError("$[?@ ['a'] [0]==1]") == nil)
        #expect(syntaxError("$[?@[ 'a' ]==1]") != nil)
    }

    @Test func filterSemantics() throws {
        let doc = try JSONValue(parsing: #"[{"a":1,"b":"x"},{"a":2},{"a":"2"},{"b":null},{"a":[1,2]},{"a":{"k":1}},3]"#)
        func indices(_ q: String) throws -> [String] {
            try JSONPathQuery(q).select(in: doc).map(\.location)
        }
        #expect(try indices("$[?@.a == 2]") == ["$[1]"])
        #expect(try indices("$[?@.a == '2']") == ["$[2]"])
        #expect(try indices("$[?@.a >= 1]") == ["$[0]", "$[1]"])
        #expect(try indices("$[?@.a]") == ["$[0]", "$[1]", "$[2]", "$[4]", "$[5]"])
        #expect(try indices("$[?!@.a]") == ["$[3]", "$[6]"])
        #expect(try indices("$[?@.b == null]") == ["$[3]"])
        #expect(try indices("$[?@.zz == @.yy]").count == 7)  // Nothing == Nothing
        #expect(try indices("$[?@.a == 1 || @.a == 2 && @.b]") == ["$[0]"])
        #expect(try indices("$[?(@.a == 1 || @.a == 2) && !@.b]") == ["$[1]"])
        #expect(try indices("$[?@ == 3]") == ["$[6]"])
        #expect(try indices("$[?length(@.a) == 2]") == ["$[4]"])
        #expect(try indices("$[?length(@.a) == 1]") == ["$[2]", "$[5]"])
        #expect(try indices("$[?count(@.*) == 2]") == ["$[0]"])
    }

    @Test func regexFunctions() throws {
        let doc: JSONValue = ["abc", "ab", "xabc", "a\nc", "a\rc", "AbC", "a.c", "été", "e\u{301}", 42]
        func matched(_ q: String) throws -> [JSONValue] {
            try JSONPathQuery(q).values(in: doc)
        }
        #expect(try matched("$[?match(@, 'a.c')]") == ["abc", "a.c"])
        #expect(try matched("$[?search(@, 'a.c')]") == ["abc", "xabc", "a.c"])
        #expect(try matched("$[?match(@, 'a\\\\.c')]") == ["a.c"])
        #expect(try matched("$[?match(@, '[A-Z]b[A-Z]')]") == ["AbC"])
        #expect(try matched("$[?match(@, '\\\\p{Lu}.*')]") == ["AbC"])
        #expect(try matched("$[?match(@, '.{3}')]") == ["abc", "AbC", "a.c", "été"])
        #expect(try matched("$[?match(@, '.{2}')]") == ["ab", "e\u{301}"])  // scalars, not graphemes
        #expect(try matched("$[?match(@, 'a(b|x)c?')]") == ["abc", "ab"])
        // Invalid I-Regexps make the function false, not an error.
        #expect(try matched("$[?match(@, 'a(')]").isEmpty)
        #expect(try matched("$[?search(@, '\\\\d')]").isEmpty)
        #expect(try matched("$[?search(@, 'a{2,1}')]").isEmpty)
        #expect(try matched("$[?!match(@, '(')]").count == 10)
    }

    @Test func deeplyNestedQueriesAreRejectedWithoutCrashing() throws {
        let deep = "$[?" + String(repeating: "(", count: 10_000) + "@.a" + String(repeating: ")", count: 10_000) + "]"
        #expect(syntaxError(deep) != nil)
        let ok = "$[?" + String(repeating: "(", count: 50) + "@.a" + String(repeating: ")", count: 50) + "]"
        #expect(syntaxError(ok) == nil)
        var filters = "@.a"
        for _ in 0..<10_000 { filters = "@[?\(filters)]" }
        #expect(syntaxError("$[?" + filters + "]") != nil)
        var nested = "@"
        for _ in 0..<100 { nested = "@[?\(nested)]" }
        let query = try JSONPathQuery("$[?" + nested + "]")
        let deepDocument = try JSONValue(
            parsing: "[2,[]," + String(repeating: "[", count: 100) + "1" + String(repeating: "]", count: 100) + "]")
        #expect(query.values(in: deepDocument).count == 1)
    }

    @Test func queriesAreSendable() async throws {
        let store = try JSONValue(parsing: storeText)
        let query = try JSONPathQuery("$.store.book[?@.price > 10].title")
        let results = await withTaskGroup(of: [JSONValue].self) { group in
            for _ in 0..<8 {
                group.addTask { query.values(in: store) }
            }
            var all: [[JSONValue]] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == ["Sword of Honour", "The Lord of the Rings"] })
    }
}
