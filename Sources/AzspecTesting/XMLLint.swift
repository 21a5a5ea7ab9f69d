import Foundation

/// Runs `xmllint` (Debian's libxml2-utils) on a document and returns what it said; asserts nothing.
///
/// The JUnit schemas live in `/work/shared/junit-xsd`, found as `../shared/junit-xsd` next to the package root
/// (the folder holding `Package.swift` above this file).
public enum XMLLint {
    /// What `xmllint` answered.
    public struct Verdict: Sendable, CustomStringConvertible {
        public var exitStatus: Int32
        /// Its standard output and standard error together.
        public var output: String

        public var isValid: Bool { exitStatus == 0 }
        public var description: String { "xmllint exit \(exitStatus): \(output)" }
    }

    /// The `xmllint` executable on `PATH`, or nil when it is not installed.
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/xmllint" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The folder holding the JUnit XSDs, or nil when it is absent.
    public static let schemaFolder: String? = locateSchemaFolder()

    /// Why schema validation cannot run here, or nil when it can.
    public static var unavailableReason: String? {
        if executable == nil { return "xmllint not found on PATH (apt-get install libxml2-utils)" }
        if schemaFolder == nil { return "JUnit schema folder ../shared/junit-xsd not found beside the package" }
        return nil
    }

    /// For `.enabled(if:)`: whether xmllint and the schemas are present. When not, prints a visible
    /// `SKIPPED: …` line so that a missing validator never looks like a passing validation.
    public static func isUsable(for test: String) -> Bool {
        guard let reason = unavailableReason else { return true }
        print("SKIPPED: \(test): \(reason)")
        return false
    }

    /// The full path of a schema file in ``schemaFolder``.
    public static func schema(_ fileName: String) throws -> String {
        guard let folder = schemaFolder else { throw LintError(reason: unavailableReason ?? "no schema folder") }
        return folder + "/" + fileName
    }

    /// The Jenkins form without `testcase@file` and `testcase@line`, which GitLab and the GitHub actions read but no
    /// schema declares: what validates against `jenkins-xunit-junit-10.xsd`.
    public static func removingTestcaseFileAndLine(_ xml: String) -> String {
        xml.replacing(/<testcase\s[^>]*>/) { tag in
            String(tag.output).replacing(/\s(?:file|line)="[^"]*"/, with: "")
        }
    }

    /// `xmllint --noout`: is the document well-formed XML?
    public static func checkWellFormed(_ xml: String) throws -> Verdict {
        try run(arguments: ["--noout", "--nonet"], document: xml)
    }

    /// `xmllint --noout --schema <schema>`: is the document valid against the XSD?
    public static func validate(_ xml: String, schema: String) throws -> Verdict {
        try run(arguments: ["--noout", "--nonet", "--schema", schema], document: xml)
    }

    public struct LintError: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    private static func run(arguments: [String], document: String) throws -> Verdict {
        guard let executable else { throw LintError(reason: unavailableReason ?? "no xmllint") }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("azspec-xmllint-\(UUID().uuidString).xml")
        try Data(document.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments + [file.path]
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Verdict(exitStatus: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    private static func locateSchemaFolder(from file: String = #filePath) -> String? {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                let schemas = folder.deletingLastPathComponent().appendingPathComponent("shared/junit-xsd").path
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: schemas, isDirectory: &isFolder)
                return exists && isFolder.boolValue ? schemas : nil
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
