import AzspecCore
import Testing

@testable import AzspecKit

@Suite struct HTTPRequestBuilderTests {
    private func request(_ yaml: String) throws -> RequestSpec {
        let loaded = SpecLoader().load(yaml: "name: r\ntests:\n  - name: t\n    request:\n\(yaml)", file: "r.yaml")
        let suite = try #require(loaded.suite, "\(loaded.diagnostics)")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return try #require(suite.tests[0].request)
    }

    private let scope = TemplateScope(
        values: ["secret": "a b&c=d/é", "n": 3], environment: [:],
        cloud: CloudEndpoints(login: "https://login.example", arm: "https://arm.example"))

    @Test func queryAndFormArePercentEncoded() throws {
        let spec = try request(
            """
                  method: POST
                  url: "{{cloud.login}}/t/oauth2/token?x=1"
                  query: { api-version: "2021-04-01", "$filter": "tagName eq 'env'" }
                  form: { client_secret: "{{secret}}", scope: "{{cloud.arm}}/.default" }
            """)
        let prepared = try HTTPRequestBuilder.prepare(spec, in: scope, defaultTimeout: 30)
        #expect(prepared.url == "https://login.example/t/oauth2/token?x=1&api-version=2021-04-01&%24filter=tagName%20eq%20%27env%27")
        #expect(
            String(decoding: prepared.body ?? [], as: UTF8.self)
                == "client_secret=a%20b%26c%3Dd%2F%C3%A9&scope=https%3A%2F%2Farm.example%2F.default")
        #expect(prepared.headers.contains { $0.name == "Content-Type" && $0.value == "application/x-www-form-urlencoded" })
        #expect(prepared.plainHTTPHost == nil)
        #expect(prepared.timeout == 30)
    }

    @Test func jsonBodiesKeepTypesAndAnExplicitContentTypeWins() throws {
        let spec = try request(
            """
                  method: PUT
                  url: https://arm.example/x
                  timeout: 2.5
                  headers: { content-type: application/merge-patch+json }
                  json: { location: westeurope, count: "{{n}}", label: "n={{n}}", tags: { a: [1, true, null] } }
            """)
        let prepared = try HTTPRequestBuilder.prepare(spec, in: scope, defaultTimeout: 30)
        #expect(
            String(decoding: prepared.body ?? [], as: UTF8.self)
                == #"{"location":"westeurope","count":3,"label":"n=3","tags":{"a":[1,true,null]}}"#)
        #expect(prepared.headers.filter { $0.name.lowercased() == "content-type" }.map(\.value) == ["application/merge-patch+json"])
        #expect(prepared.timeout == 2.5)
    }

    @Test func plainHTTPIsFlaggedOnlyForRemoteHosts() throws {
        for (url, flagged) in [
            ("http://example.invalid/x", "example.invalid"), ("http://127.0.0.1:8400/x", nil), ("http://localhost/x", nil),
            ("http://[::1]:80/x", nil), ("https://example.invalid/x", nil),
        ] {
            let prepared = try HTTPRequestBuilder.prepare(try request("      url: \(url)\n"), in: scope, defaultTimeout: 1)
            #expect(prepared.plainHTTPHost == flagged, "\(url)")
        }
    }

    @Test func aURLThatIsNotHTTPIsAnError() throws {
        let spec = try request("      url: \"{{secret}}\"\n")
        #expect(throws: RequestError.self) { try HTTPRequestBuilder.prepare(spec, in: scope, defaultTimeout: 1) }
    }
}
