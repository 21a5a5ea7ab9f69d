public import Foundation

/// The end-to-end setup most tests share: files written to a fresh folder, the built binary run there as a user
/// would run it, the files it wrote read back, and the folder removed.
///
/// ```swift
/// let run = try await BinaryRun(
///     ["run", "--emulator", "--emulator-config", "emulator.yaml", "specs"],
///     files: ["emulator.yaml": configuration, "specs/checks.yaml": spec])
/// #expect(run.status == 0, "\(run.all)")
/// let xml = try #require(run.junit)
/// ```
public struct BinaryRun: Sendable {
    /// The exit status and both streams.
    public let output: ProcessOutput
    /// The files read back after the run, by their path in the folder (absent where the run did not write one).
    public let files: [String: String]

    /// Writes `files` (path in the folder → contents) to a fresh folder, runs `azspec ARGUMENTS` there (paths in
    /// the arguments are relative to it), reads `reading` back and removes the folder.
    public init(
        _ arguments: [String], files: [String: String], environment: [String: String] = [:],
        reading: [String] = ["reports/junit.xml"], timeout: TimeInterval = 120
    ) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (path, contents) in files { try folder.write(path, contents) }
        output = try await folder.run(arguments, environment: environment, timeout: timeout)
        var read: [String: String] = [:]
        for path in reading { read[path] = folder.read(path) }
        self.files = read
    }

    public var status: Int32 { output.status }
    public var stdout: String { output.stdout }
    public var stderr: String { output.stderr }
    public var all: String { output.all }

    /// The default JUnit report, `reports/junit.xml`, when the run wrote it.
    public var junit: String? { files["reports/junit.xml"] }
}
