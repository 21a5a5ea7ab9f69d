import AzspecCore
import Foundation
import Testing

@testable import AzspecKit

/// What a spec writer is told: keys at the wrong level, near-miss environment variables, the YAML traps, and the
/// source line with a caret.
struct DiagnosticQualityTests {
    private func errors(_ yaml: String, environment: [String: String] = [:]) -> [String] {
        let loaded = SpecLoader().load(yaml: yaml, file: "spec.yaml")
        var diagnostics = loaded.diagnostics
        if let suite = loaded.suite { diagnostics += SpecValidator(environment: environment).validate(suite) }
        return diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func aKeyAtTheWrongLevelSaysWhereItBelongs() {
        #expect(
            errors("name: s\ntests:\n  - name: t\n    status: 200\n    request: { url: 'http://127.0.0.1:9/', json: { a: 1 } }\n") == [
                "spec.yaml:4:5: error: unknown key 'status' in a test: 'status' belongs under 'expect'"
            ])
        #expect(
            errors("name: s\nrequest: { url: 'http://127.0.0.1:9/' }\ntests:\n  - { name: t, request: { url: 'http://127.0.0.1:9/' } }\n")
                == ["spec.yaml:2:1: error: unknown key 'request' in the suite: 'request' belongs under a test (an item of 'tests')"])
    }

    @Test func aMissingEnvironmentVariableNamesTheOneThatIsSet() {
        #expect(
            errors(
                "name: s\ntests:\n  - { name: t, request: { url: 'http://127.0.0.1:9/{{env.AZURE_TENANT}}' } }\n",
                environment: ["AZURE_TENANT_ID": "x", "HOME": "/root"]) == [
                    "spec.yaml:3:52: error: environment variable AZURE_TENANT is not set (is AZURE_TENANT_ID meant? it is set)"
                ])
    }

    @Test func theYAMLTrapsGetAHint() {
        let braces = errors("name: s\ntests:\n  - name: t\n    request: { url: {{base}}/x }\n")
        #expect(braces.count == 1)
        #expect(braces.first?.hasSuffix("; hint: a value holding {{…}} must be quoted in YAML: url: \"{{base}}/x\"") == true, "\(braces)")
        let path = errors(
            "name: s\ntests:\n  - name: t\n    request: { url: 'http://127.0.0.1:9/' }\n    expect: { json: { $.value[*].name: x } }\n")
        #expect(path.first?.contains("hint: a JSONPath with [*] or [?…] must be quoted") == true, "\(path)")
        // Block style: an unquoted template is a mapping, and the message says so.
        let block = errors("name: s\ntests:\n  - name: t\n    request:\n      url: {{base}}\n")
        #expect(block.first?.contains("an unquoted {{…}} is a YAML mapping: put the value in quotes") == true, "\(block)")
    }

    @Test func theRendererShowsTheLineAndACaretUnderTheSpan() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("azspec-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.yaml").path
        try "name: s\ntests:\n  - name: \"quoted name\"\n\tx: 1\n".write(toFile: file, atomically: true, encoding: .utf8)
        var renderer = DiagnosticRenderer()
        let quoted = renderer.render(Diagnostic(.error, at: SourceLocation(file: file, line: 3, column: 11), "m"))
        #expect(quoted.hasSuffix("3 |   - name: \"quoted name\"\n  |           ^^^^^^^^^^^^^"), "\(quoted)")
        let tab = renderer.render(Diagnostic(.warning, at: SourceLocation(file: file, line: 4, column: 2), "m"))
        #expect(tab.hasSuffix("4 | \tx: 1\n  | \t^"), "\(tab)")
        // No line, or a file that cannot be read: the one-line form.
        #expect(renderer.render(Diagnostic(.error, at: .whole(file), "m")) == "\(file): error: m")
        #expect(
            renderer.render(Diagnostic(.error, at: SourceLocation(file: "/nowhere.yaml", line: 2, column: 1), "m"))
                == "/nowhere.yaml:2:1: error: m")
    }
}
