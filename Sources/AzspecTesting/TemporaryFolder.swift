public import Foundation

/// A fresh folder under the system's temporary directory, removed by `remove()`: the end-to-end tests write their
/// specs there and run the binary in it (`run`); ``BinaryRun`` does all of it for a single run.
public struct TemporaryFolder: Sendable {
    public let path: String

    public init(prefix: String = "azspec-test") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/\(prefix)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `name` inside the folder (creating subfolders) and returns the full path.
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The contents of a file inside the folder, or nil.
    public func read(_ name: String) -> String? {
        try? String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    /// Runs the built `azspec` executable in the folder, as a user would (paths in the arguments are relative to it).
    public func run(
        _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 120
    ) async throws -> ProcessOutput {
        try await AzspecProcess.run(arguments, in: path, environment: environment, timeout: timeout)
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
