import AzspecCore
import Foundation
import Testing

@testable import AzspecKit

@Suite struct SpecLoaderTests {
    let loader = SpecLoader()

    private func errors(_ yaml: String, environment: [String: String] = [:]) -> [String] {
        let loaded = loader.load(yaml: yaml, file: "spec.yaml")
        var diagnostics = loaded.diagnostics
        if let suite = loaded.suite { diagnostics += SpecValidator(environment: environment).validate(suite) }
        return diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func loadsTheSeedFlow() throws {
        let loaded = loader.load(
            yaml: """
                name: smoke
                vars:
                  tenantId: "{{env.AZURE_TENANT_ID}}"
                tests:
                  - name: token
                    request:
                      method: post
                      url: "{{cloud.login}}/{{tenantId}}/oauth2/token"
                      form: { grant_type: client_credentials, client_secret: "{{env.SECRET}}" }
                    expect:
                      status: [200, 201]
                      json:
                        $.token_type: Bearer
                        $.access_token: { exists: true }
                    capture:
                      token: $.access_token
                  - name: list
                    request:
                      url: "{{cloud.arm}}/subscriptions"
                      query: { api-version: "2021-04-01" }
                      headers: { Authorization: "Bearer {{token}}" }
                    expect:
                      status: 2xx
                """, file: "spec.yaml")
        let suite = try #require(loaded.suite)
        #expect(loaded.diagnostics.isEmpty)
        #expect(suite.name == "smoke")
        #expect(suite.tests.map(\.name) == ["token", "list"])
        #expect(suite.tests[0].request?.method == "POST")
        #expect(suite.tests[0].location.line == 5)
        #expect(suite.tests[0].captures.first?.secret == true, "a captured access_token is a secret")
        #expect(suite.tests[0].expect.status?.accepts(201) == true)
        #expect(suite.tests[0].expect.status?.accepts(204) == false)
        #expect(suite.tests[1].expect.status?.accepts(204) == true)
        #expect(suite.tests[1].usedNames == ["token"])
        let problems = SpecValidator(environment: ["AZURE_TENANT_ID": "t", "SECRET": "s"]).validate(suite)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func reportsEveryProblemWithItsPosition() {
        let found = errors(
            """
            name: broken
            tests:
              - name: one
                reqest:
                  url: https://example.invalid
              - name: two
                request:
                  url: https://example.invalid
                  mehtod: GET
                expect:
                  status: 2000
                  json:
                    $.a[: 1
                    $.b: { exsts: true }
            """)
        #expect(found.contains("spec.yaml:4:5: error: unknown key 'reqest' in a test (did you mean 'request'?)"))
        #expect(found.contains { $0.hasPrefix("spec.yaml:3:5: error: a test needs 'request'") })
        #expect(found.contains("spec.yaml:9:7: error: unknown key 'mehtod' in request (did you mean 'method'?)"))
        #expect(found.contains { $0.hasPrefix("spec.yaml:11:15: error: '2000' is not an HTTP status") })
        #expect(found.contains { $0.hasPrefix("spec.yaml:13:") && $0.contains("invalid JSONPath '$.a['") })
        #expect(found.contains { $0.hasPrefix("spec.yaml:14:16: error: unknown matcher 'exsts' (did you mean 'exists'?)") })
        #expect(found.count == 6, "\(found)")
    }

    @Test func malformedYAMLGivesItsPosition() {
        let found = errors("name: x\ntests:\n  - name: [unclosed\n")
        #expect(found.count == 1)
        #expect(found == ["spec.yaml:4:1: error: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'"])
    }

    @Test func wrongTypesAreNamed() {
        let found = errors(
            """
            name: types
            tests:
              - name: t
                request: { url: "https://x.invalid", timeout: soon, json: {}, form: {} }
                expect: { json: { $.a: { type: strng } }, status: [] }
                capture: { tok: [1] }
            """)
        #expect(found.contains { $0.contains("timeout must be a duration such as 30, 800ms, 1.5s or 2m, not 'soon'") })
        #expect(found.contains { $0.contains("a request takes one of form, json or body, not json and form") })
        #expect(found.contains { $0.contains("unknown type 'strng' (did you mean 'string'?)") })
        #expect(found.contains { $0.contains("status must list at least one code") })
        #expect(found.contains { $0.contains("capture 'tok' must be a JSONPath") })
    }

    @Test func undefinedVariablesAndMissingEnvironmentAreFoundBeforeSending() {
        let found = errors(
            """
            name: vars
            vars:
              tenant: "{{env.AZURE_TENANT_ID}}"
            tests:
              - name: first
                request: { url: "{{cloud.arm}}/{{tenat}}/{{later}}" }
              - name: second
                request: { url: "{{cloud.arm}}/x" }
                capture: { later: $.x }
              - name: third
                request: { url: "{{cloud.nowhere}}/{{later}}" }
            """, environment: [:])
        #expect(found.contains("spec.yaml:3:12: error: environment variable AZURE_TENANT_ID is not set"))
        #expect(found.contains("spec.yaml:6:36: error: undefined variable 'tenat' (did you mean 'tenant'?)"))
        #expect(found.contains("spec.yaml:6:46: error: 'later' is captured by 'second', which runs later"))
        #expect(found.contains { $0.contains("unknown cloud endpoint 'cloud.nowhere'") })
        #expect(found.count == 4, "\(found)")
    }

    @Test func duplicateTestNamesAndEmptyFilesAreErrors() {
        #expect(errors("").first?.contains("the file is empty") == true)
        let found = errors(
            """
            name: dup
            tests:
              - { name: same, request: { url: "https://a.invalid" } }
              - { name: same, request: { url: "https://a.invalid" } }
            """)
        #expect(found.contains { $0.contains("another test is already named 'same' (line 3)") })
    }

    @Test func aTokenOnlyTestNeedsAnIdentityOfItsOwnOrItsSuites() {
        let test = "tests:\n  - name: claims\n    expect: { token: { idtyp: app } }\n"
        #expect(
            errors("name: s\n" + test) == [
                "spec.yaml:3:5: error: a test that checks only a token needs an identity (its own or the suite's)"
            ])
        #expect(errors("name: s\nidentity: true\n" + test).isEmpty)
        #expect(errors("name: s\n" + test.replacingOccurrences(of: "    expect", with: "    identity: true\n    expect")).isEmpty)
    }

    @Test func aMissingFileIsADiagnostic() {
        let loaded = loader.load(file: "/nonexistent/spec.yaml")
        #expect(loaded.suite == nil)
        #expect(
            loaded.diagnostics.first?.description
                == "/nonexistent/spec.yaml:1:1: error: the spec file /nonexistent/spec.yaml does not exist")
    }

    @Test func yamlScalarsFollowTheCoreSchema() throws {
        let loaded = loader.load(
            yaml: """
                name: s
                tests:
                  - name: t
                    request: { url: "https://a.invalid" }
                    expect:
                      json:
                        $.a: yes
                        $.b: 3
                        $.c: "3"
                        $.d: null
                        $.e: true
                """, file: "s.yaml")
        let suite = try #require(loaded.suite)
        let expected: [String] = suite.tests[0].expect.json.map { expectation in
            if case .equals(.value(let value)) = expectation.matcher { value.serialized } else { "?" }
        }
        #expect(expected == ["\"yes\"", "3", "\"3\"", "null", "true"])
    }
}
