import AzspecCore
import Foundation
import JSONSchema
import Testing

/// The official JSON-Schema-Test-Suite, draft 2020-12, from `../shared/json-schema-test-suite/`: every required test
/// must pass; the optional ones (format assertion included) pass except those listed in
/// `optional-known-failures.txt`, each with why.
struct TestSuiteTests {
    static let root: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/json-schema-test-suite").path
    }()

    static let present: Bool = {
        let present = FileManager.default.fileExists(atPath: root + "/tests/draft2020-12")
        if !present { print("SKIPPED: the JSON-Schema-Test-Suite is not at \(root)") }
        return present
    }()

    /// The suite's remotes, served as the suite says (`http://localhost:1234/…`), from disk.
    static func load(_ uri: String) throws -> JSONValue? {
        let prefix = "http://localhost:1234/"
        guard uri.hasPrefix(prefix) else { return nil }
        let path = root + "/remotes/" + uri.dropFirst(prefix.count)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try JSONValue(parsing: Array(data))
    }

    /// Every case of the files under `folder`: (file, group, test, outcome as expected).
    static func run(_ folder: String, assertFormat: Bool) throws -> (total: Int, failed: [String]) {
        let base = root + "/tests/draft2020-12/" + folder
        let files = try FileManager.default.subpathsOfDirectory(atPath: base).filter { $0.hasSuffix(".json") }.sorted()
        var total = 0
        var failed: [String] = []
        for file in files where folder.isEmpty ? !file.contains("/") : true {
            let groups = try JSONValue(parsing: Array(try #require(FileManager.default.contents(atPath: base + "/" + file))))
            for group in groups.arrayValue ?? [] {
                let description = group["description"]?.stringValue ?? "?"
                let tests = group["tests"]?.arrayValue ?? []
                total += tests.count
                var schema: JSONSchema
                do {
                    schema = try JSONSchema(try #require(group["schema"]), load: load)
                } catch {
                    failed += tests.map { "\(folder)\(file): \(description): \($0["description"]?.stringValue ?? "?") (schema: \(error))" }
                    continue
                }
                schema.assertFormat = assertFormat
                for test in tests {
                    guard let data = test["data"], let valid = test["valid"]?.boolValue else { continue }
                    if schema.isValid(data) != valid {
                        failed.append("\(folder)\(file): \(description): \(test["description"]?.stringValue ?? "?")")
                    }
                }
            }
        }
        return (total, failed)
    }

    @Test(.enabled(if: present, "the JSON-Schema-Test-Suite is not beside the package (../shared/json-schema-test-suite)"))
    func everyRequiredTestPasses() throws {
        let (total, failed) = try Self.run("", assertFormat: false)
        print("JSON-Schema-Test-Suite draft 2020-12, required: \(total - failed.count) of \(total) pass")
        #expect(total == 1299, "the suite's required tests")
        #expect(failed.isEmpty, "\(failed.count) failed:\n\(failed.joined(separator: "\n"))")
    }

    @Test(.enabled(if: present, "the JSON-Schema-Test-Suite is not beside the package (../shared/json-schema-test-suite)"))
    func theOptionalTestsFailOnlyWhereKnown() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/optional-known-failures.txt"
        let known = try String(contentsOfFile: file, encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let (total, failed) = try Self.run("optional/", assertFormat: true)
        if ProcessInfo.processInfo.environment["AZSPEC_WRITE_KNOWN_FAILURES"] == "1" {
            try (failed.sorted().joined(separator: "\n") + "\n").write(toFile: file + ".new", atomically: true, encoding: .utf8)
        }
        print("JSON-Schema-Test-Suite draft 2020-12, optional (format asserted): \(total - failed.count) of \(total) pass")
        #expect(Set(failed).subtracting(known).sorted() == [], "new failures")
        #expect(Set(known).subtracting(failed).sorted() == [], "known failures that now pass: take them off the list")
    }
}
