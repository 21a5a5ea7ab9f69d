import AzspecCore
import JSONPath
import Testing

@testable import AzspecKit

/// A spec file `m.yaml` of one test, `t`, whose `expect:` is followed by `rest` (a flow mapping or indented lines).
private func loadTest(expect rest: String) -> LoadedSpec {
    SpecLoader().load(yaml: "name: m\ntests:\n  - name: t\n    request: { url: 'https://a.invalid' }\n    expect:\(rest)", file: "m.yaml")
}

@Suite struct MatcherTests {
    static let documentText = """
        {"value":[{"name":"rg-smoke","location":"westeurope","tags":{"env":"smoke"}},
                  {"name":"rg-shared","location":"northeurope"}],
         "count":2,"ratio":0.5,"token_type":"Bearer","empty":[],"flag":false,"nothing":null,
         "expires_in":"3599","expires":3599,
         "access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tLyIsInRpZCI6InQxIiwicm9sZXMiOlsiUmVhZGVyLkFsbCJdfQ.c2ln",
         "authorization":"Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tLyIsInRpZCI6InQxIiwicm9sZXMiOlsiUmVhZGVyLkFsbCJdfQ.c2ln"}
        """

    private let scope = TemplateScope(values: ["expected": "Bearer"], environment: [:], cloud: .azureCloud)

    /// Compiles `path: matcher` from YAML and checks it against the document; nil when it holds.
    private func check(_ line: String) throws -> String? {
        let loaded = loadTest(expect: "\n      json:\n        \(line)\n")
        let suite = try #require(loaded.suite, "\(loaded.diagnostics)")
        let expectation = try #require(suite.tests[0].expect.json.first)
        let document = try JSONValue(parsing: Self.documentText)
        let nodes = expectation.path.values(in: document)
        return try expectation.matcher.mismatch(for: MatchSubject(nodes: nodes, singular: expectation.path.isSingular), scope: scope)
    }

    @Test(arguments: [
        "$.token_type: Bearer",
        "$.token_type: '{{expected}}'",
        "$.count: 2",
        "$.count: { equals: 2.0 }",
        "$.count: { type: integer, gt: 1, le: 2, lt: 3, ge: 2 }",
        "$.ratio: { type: number, notEquals: 1 }",
        "$.expires_in: { type: string, matches: '^[0-9]+$' }",
        "$.expires: { type: integer }",
        "$.flag: false",
        "$.nothing: { type: null }",
        "$.missing: { exists: false }",
        "$.value: { type: array, length: 2 }",
        "$.value: { length: { ge: 1, lt: 5 } }",
        "$.value[0].tags: { env: smoke }",
        "$.value[0].tags: { contains: env }",
        "$.value[*].name: { contains: rg-smoke }",
        "$.value[*].name: [rg-smoke, rg-shared]",
        "$.value[*].name: { each: { matches: '^rg-' } }",
        "$.value[*].name: { length: 2 }",
        "$.value[?@.name == 'rg-shared'].location: [northeurope]",
        "$.value[?@.name == 'nope']: { exists: false }",
        "$.value[*].name: { not: { contains: rg-other } }",
        "$.token_type: { oneOf: [Basic, Bearer] }",
        "$.token_type: { contains: Bear, length: 6 }",
        "$.empty: []",
        "$.missing: { not: { exists: true } }",
        "$.access_token: { jwt: { tid: t1, roles: { contains: Reader.All }, appid: { exists: false } } }",
        "$.authorization: { jwt: { aud: 'https://management.azure.com/' } }",
        "$.value[*].name: { unordered: [rg-shared, rg-smoke] }",
        "$.value: { each: { has: location } }",
        "$.value: { each: { has: [name, location] } }",
        "$.value[0]: { has: tags }",
    ])
    func holds(_ line: String) throws {
        let mismatch = try check(line)
        #expect(mismatch == nil, "\(line): \(mismatch ?? "")")
    }

    @Test(arguments: [
        ("$.token_type: Basic", "expected \"Basic\", got \"Bearer\""),
        ("$.count: '2'", "expected \"2\", got 2"),
        ("$.count: { gt: 5 }", "expected a number > 5, got 2"),
        ("$.missing: 1", "expected 1, found no value"),
        ("$.missing: { exists: true }", "expected a value, found none"),
        ("$.count: { exists: false }", "expected no value, found 2"),
        ("$.expires_in: { type: integer }", "expected type integer, got string \"3599\""),
        ("$.value: { length: 3 }", "length: expected 3, got 2"),
        ("$.value[*].name: { contains: rg-other }", "expected [\"rg-smoke\",\"rg-shared\"] to contain \"rg-other\""),
        ("$.value[*].name: { each: { matches: 'smoke' } }", "[1]: expected \"rg-shared\" to match /smoke/"),
        ("$.token_type: { not: { equals: Bearer } }", "expected not \"Bearer\""),
        ("$.token_type: { oneOf: [Basic] }", "expected one of [\"Basic\"], got \"Bearer\""),
        ("$.count: { matches: x }", "expected a string matching /x/, got 2"),
        ("$.value[?@.name == 'nope']: { exists: true }", "expected a value, found none"),
        ("$.access_token: { jwt: { roles: { contains: Owner } } }", "JWT claim roles: expected [\"Reader.All\"] to contain \"Owner\""),
        ("$.token_type: { jwt: { tid: t1 } }", "expected a JWT (header.claims.signature), got a string that is not one"),
        ("$.count: { jwt: { tid: t1 } }", "expected a string holding a JWT, got number"),
        ("$.value[*].name: [rg-shared, rg-smoke]", "not as expected: the same 2 elements in another order"),
        ("$.value[*].name: [rg-smoke, rg-other]", "not as expected: missing \"rg-other\"; extra \"rg-shared\""),
        ("$.value[*].name: { unordered: [rg-smoke, rg-smoke] }", "not the same elements: missing \"rg-smoke\"; extra \"rg-shared\""),
        (
            "$.value[0].tags: { env: prod, owner: me }",
            "not as expected: missing member 'owner'; member env: expected \"prod\", got \"smoke\""
        ),
        (
            "$.value: { each: { has: tags } }",
            "[1]: expected an object with member 'tags', got {\"name\":\"rg-shared\",\"location\":\"northeurope\"}"
        ),
        ("$.count: { has: tags }", "expected an object with member 'tags', got number 2"),
    ])
    func failsWithAClearSentence(_ line: String, _ message: String) throws {
        #expect(try check(line) == message)
    }

    @Test func aMatcherThatCannotBeReadIsNeverDroppedInSilence() {
        for (length, column) in [("-1", 24), ("1.5", 24)] {
            let loaded = loadTest(expect: "\n      json:\n        $.a: { length: \(length) }\n")
            #expect(
                loaded.diagnostics.map(\.description) == [
                    "m.yaml:7:\(column): error: length takes a whole number from 0 up (or a matcher such as { ge: 1 })"
                ])
        }
    }

    @Test func invalidRegexIsALoadError() {
        let loaded = loadTest(expect: "\n      json:\n        $.a: { matches: '(' }\n")
        #expect(loaded.diagnostics.map(\.description) == ["m.yaml:7:25: error: invalid regular expression /(/"])
    }
}

/// `status: { not: … }` and the warning for the `[*].member: { each: … }` trap.
@Suite struct StatusAndEachTests {
    @Test func aNegatedStatusAcceptsEverythingElse() throws {
        let loaded = loadTest(expect: " { status: { not: [2xx, 404] } }\n")
        let status = try #require(loaded.suite?.tests.first?.expect.status)
        #expect(status.accepts(403))
        #expect(!status.accepts(204))
        #expect(!status.accepts(404))
        #expect(status.description == "not one of 2xx, 404")
        let nested = loadTest(expect: " { status: { nto: 200 } }\n")
        #expect(nested.diagnostics.map(\.description).first?.contains("unknown key 'nto' in status; expected one of: not") == true)
        let twice = loadTest(expect: " { status: { not: { not: 200 } } }\n")
        #expect(
            twice.diagnostics.map(\.description) == [
                "m.yaml:5:30: error: status: { not: … } takes codes and classes such as 2xx, not another mapping"
            ])
    }

    @Test func eachOverAMemberOfEveryElementWarnsOfElementsWithoutIt() throws {
        let loaded = loadTest(expect: "\n      json:\n        $.value[*].location: { each: { oneOf: [westeurope] } }\n")
        let suite = try #require(loaded.suite)
        #expect(
            SpecValidator(environment: [:]).eachWarnings(suite).map(\.description) == [
                "m.yaml:7:9: warning: '$.value[*].location: { each: … }' checks only the elements that have 'location': one without it passes; to require it too, add '$.value: { each: { has: location } }'"
            ])
    }
}
