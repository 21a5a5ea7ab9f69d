import AzspecCore
import Foundation
import Testing

@testable import AzspecKit

@Suite struct TemplateTests {
    private func template(_ text: String) -> Template {
        var diagnostics = DiagnosticCollector()
        let template = Template.parse(text, at: AzspecCore.SourceLocation(file: "f", line: 2, column: 5), diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        return template
    }

    private let scope = TemplateScope(
        values: ["token": "abc", "group": .object(["name": "rg-1", "tags": .object(["env": "dev"])]), "count": 3],
        environment: ["AZURE_TENANT_ID": "tenant-1"],
        cloud: CloudEndpoints(login: "https://login.example", arm: "https://arm.example/"))

    @Test func rendersVariablesEnvironmentAndCloud() throws {
        #expect(try scope.render(template("{{cloud.login}}/{{env.AZURE_TENANT_ID}}/x")) == "https://login.example/tenant-1/x")
        #expect(try scope.render(template("Bearer {{ token }}")) == "Bearer abc")
        #expect(try scope.render(template("{{cloud.arm}}/")) == "https://arm.example/")
        #expect(try scope.render(template("{{group.name}}-{{group.tags.env}}")) == "rg-1-dev")
        #expect(try scope.render(template("n={{count}}")) == "n=3")
        #expect(try scope.render(template("no placeholders")) == "no placeholders")
    }

    @Test func runValuesAreMadeOnceAndShapedForNames() throws {
        let hex = try scope.render(template("rg-{{run.hex}}"))
        #expect(hex == (try scope.render(template("rg-{{run.hex}}"))), "the same within a run")
        #expect(hex.count == 11 && hex.dropFirst(3).allSatisfy(\.isHexDigit), "\(hex)")
        #expect(UUID(uuidString: try scope.render(template("{{run.id}}"))) != nil)
        let stamp = RunValues(now: Date(timeIntervalSince1970: 1_764_654_300)).started
        #expect(stamp == "20251202T054500Z")
        #expect(throws: TemplateError.self) { try scope.render(template("{{run.nope}}")) }
    }

    @Test func aSolePlaceholderKeepsItsJSONType() throws {
        #expect(try scope.value(of: template("{{count}}")) == .number(3))
        #expect(try scope.value(of: template("{{count}}x")) == .string("3x"))
    }

    @Test func placeholderPositionsPointAtTheBraces() {
        let parsed = template("ab{{x}}\n{{y}}")
        #expect(parsed.references.map(\.location.column) == [7, 1])
        #expect(parsed.references.map(\.location.line) == [2, 3])
    }

    @Test func unresolvableNamesSayWhy() {
        #expect(throws: TemplateError.self) { try scope.render(template("{{tokn}}")) }
        do {
            _ = try scope.render(template("{{env.NOPE}}"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "environment variable NOPE is not set")
        }
        do {
            _ = try scope.render(template("{{tokn}}"))
        } catch {
            #expect(error.description == "undefined variable 'tokn' (did you mean 'token'?)")
        }
    }

    @Test func unterminatedPlaceholderIsAnError() {
        var diagnostics = DiagnosticCollector()
        _ = Template.parse("x {{oops", at: AzspecCore.SourceLocation(file: "f", line: 1, column: 1), diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.map(\.description) == ["f:1:3: error: unterminated placeholder: '{{' without a closing '}}'"])
    }

    @Test(arguments: [
        ("login.microsoftonline.com", "https://login.microsoftonline.com"),
        ("https://login.microsoftonline.com/", "https://login.microsoftonline.com"),
        ("https://login.microsoftonline.us", "https://login.microsoftonline.us"),
        ("http://127.0.0.1:8400/", "http://127.0.0.1:8400"),
    ])
    func authorityHostIsNormalised(input: String, expected: String) {
        #expect(CloudEndpoints.from(environment: ["AZURE_AUTHORITY_HOST": input]).login == expected)
    }

    @Test func resourceManagerEndpointComesFromTheEnvironment() {
        let cloud = CloudEndpoints.from(environment: ["AZURE_RESOURCE_MANAGER_ENDPOINT": "https://management.usgovcloudapi.net/"])
        #expect(cloud.arm == "https://management.usgovcloudapi.net")
        #expect(cloud.login == "https://login.microsoftonline.com")
    }
}
