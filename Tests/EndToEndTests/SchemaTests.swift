import AzspecCore
import AzspecEmulator
import AzspecTesting
import Foundation
import Testing

@testable import AzspecKit

/// `azspec schema` against the loader: every example spec and every valid fixture passes the schema, every fixture
/// the loader refuses for an unknown key or a wrong type the schema refuses too. Checked with Python's `jsonschema`
/// (draft 2020-12) through `scripts/schema-check.py`; without it the tests are disabled, saying why.
@Suite(.serialized) struct SchemaTests {
    static let fixtures = AzspecProcess.packageRoot + "/Tests/EndToEndTests/Fixtures/schema"

    /// Whether python3 with jsonschema and PyYAML is here; when not, a visible `SKIPPED:` line.
    static let checkerAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema, yaml"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            print("SKIPPED: schema tests: python3 with jsonschema and PyYAML is not installed (pip install jsonschema PyYAML)")
        }
        return process.terminationStatus == 0
    }()

    /// Runs the checker on `files`; the lines it printed by file.
    private func check(_ files: [String], definition: String? = nil) async throws -> (status: Int32, output: String) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let printed = try await folder.run(["schema"])
        #expect(printed.status == 0)
        let schema = try folder.write("azspec.schema.json", printed.stdout)
        var arguments = [AzspecProcess.packageRoot + "/scripts/schema-check.py", "--schema", schema]
        if let definition { arguments += ["--def", definition] }
        let result = try await AzspecProcess.run(executable: "python3", arguments + files, in: folder.path)
        return (result.status, result.stdout + result.stderr)
    }

    private func yamlFiles(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
    }

    @Test(.enabled(if: checkerAvailable)) func theExampleSpecsAndTheValidFixturesPass() async throws {
        let examples = try yamlFiles(AzspecProcess.packageRoot + "/specs").filter { !$0.hasSuffix("/azspec.yaml") }
        let valid = try yamlFiles(Self.fixtures + "/valid")
        #expect(valid.count >= 10)
        for file in valid {
            let loaded = SpecLoader().load(file: file)
            #expect(!loaded.hasErrors, "the loader accepts \(file): \(loaded.diagnostics)")
        }
        let specs = try await check(examples + valid)
        #expect(specs.status == 0, "\(specs.output)")
        let projects = [AzspecProcess.packageRoot + "/specs/azspec.yaml"] + (try yamlFiles(Self.fixtures + "/valid/project"))
        for file in projects {
            var diagnostics: [Diagnostic] = []
            _ = ProjectFile.load(path: file, diagnostics: &diagnostics)
            #expect(!diagnostics.contains { $0.severity == .error }, "the loader accepts \(file): \(diagnostics)")
        }
        let project = try await check(projects, definition: "project")
        #expect(project.status == 0, "\(project.output)")
        let configurations = try yamlFiles(Self.fixtures + "/valid/emulator")
        for file in configurations {
            #expect(throws: Never.self, "the emulator accepts \(file)") { try EmulatorConfiguration(contentsOfFile: file) }
        }
        let emulator = try await check(configurations, definition: "emulatorConfiguration")
        #expect(emulator.status == 0, "\(emulator.output)")
    }

    @Test(.enabled(if: checkerAvailable)) func whatTheLoaderRefusesForKeysAndTypesTheSchemaRefuses() async throws {
        let invalid = try yamlFiles(Self.fixtures + "/invalid")
        #expect(invalid.count >= 12)
        for file in invalid {
            let loaded = SpecLoader().load(file: file)
            #expect(loaded.hasErrors, "the loader refuses \(file)")
        }
        let result = try await check(invalid)
        #expect(result.status == 1)
        for file in invalid {
            #expect(result.output.contains("invalid \(file)"), "the schema refuses \(file): \(result.output)")
        }
        let projects = try yamlFiles(Self.fixtures + "/invalid/project")
        for file in projects {
            var diagnostics: [Diagnostic] = []
            _ = ProjectFile.load(path: file, diagnostics: &diagnostics)
            #expect(diagnostics.contains { $0.severity == .error }, "the loader refuses \(file)")
        }
        let projectResult = try await check(projects, definition: "project")
        for file in projects { #expect(projectResult.output.contains("invalid \(file)"), "\(projectResult.output)") }
        let configurations = try yamlFiles(Self.fixtures + "/invalid/emulator")
        for file in configurations {
            #expect(throws: EmulatorError.self, "the emulator refuses \(file)") { try EmulatorConfiguration(contentsOfFile: file) }
        }
        let emulatorResult = try await check(configurations, definition: "emulatorConfiguration")
        for file in configurations { #expect(emulatorResult.output.contains("invalid \(file)"), "\(emulatorResult.output)") }
    }

    @Test func theSchemaIsADraft2020Document() throws {
        let document = SpecSchema.completeDocument
        #expect(document["$id"] == .string(SpecSchema.id))
        #expect(document["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(document["$defs"]?["project"] != nil)
        #expect(document["$defs"]?["emulatorConfiguration"] != nil)
    }
}
