public import Foundation

/// What a run of the `azspec` executable printed and how it exited.
public struct ProcessOutput: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// Both streams, for "never prints X" checks.
    public var all: String { stdout + "\n" + stderr }
}

/// Runs the built `azspec` executable, as a user or CI would.
public enum AzspecProcess {
    /// The executable beside the test bundle (`.build/<config>/azspec`).
    public static var executablePath: String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("azspec").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/azspec").path
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }

    /// The package's root folder (for the example specs).
    public static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs `azspec arguments…` in `directory` with exactly `environment` (plus PATH and HOME) and waits.
    public static func run(
        _ arguments: [String], in directory: String, environment: [String: String] = [:], timeout: TimeInterval = 120
    ) throws -> ProcessOutput {
        let process = try makeProcess(arguments, in: directory, environment: environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs so that a full pipe cannot block it.
        let outData = Reader(out.fileHandleForReading)
        let errData = Reader(err.fileHandleForReading)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw ProcessError.timedOut(arguments)
        }
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus, stdout: String(decoding: outData.finish(), as: UTF8.self),
            stderr: String(decoding: errData.finish(), as: UTF8.self))
    }

    /// Starts `azspec` with its standard output going to `outputFile` (for signal tests); the caller waits.
    public static func start(
        _ arguments: [String], in directory: String, environment: [String: String], outputFile: String
    ) throws -> Process {
        let process = try makeProcess(arguments, in: directory, environment: environment)
        guard FileManager.default.createFile(atPath: outputFile, contents: nil),
            let output = FileHandle(forWritingAtPath: outputFile)
        else { throw ProcessError.cannotCreate(outputFile) }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until `file` contains `text` (true) or `timeout` passes (false).
    public static func waitFor(_ text: String, in file: String, timeout: TimeInterval = 60) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: file), String(decoding: data, as: UTF8.self).contains(text) {
                return true
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// A process for `azspec arguments…` in `directory` with exactly `environment` plus PATH, HOME and TMPDIR.
    private static func makeProcess(_ arguments: [String], in directory: String, environment: [String: String]) throws -> Process {
        guard let executable = executablePath else { throw ProcessError.executableNotFound }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = environment
        let inherited = ProcessInfo.processInfo.environment
        for name in ["PATH", "HOME", "TMPDIR"] where env[name] == nil { env[name] = inherited[name] }
        process.environment = env
        return process
    }

    public enum ProcessError: Error, CustomStringConvertible {
        case executableNotFound
        case timedOut([String])
        case cannotCreate(String)

        public var description: String {
            switch self {
            case .executableNotFound: "the azspec executable was not found beside the tests (run swift build first)"
            case .timedOut(let arguments): "azspec \(arguments.joined(separator: " ")) did not finish in time"
            case .cannotCreate(let path): "cannot create \(path)"
            }
        }
    }
}

/// Drains a pipe on a background thread.
private final class Reader: @unchecked Sendable {
    private let handle: FileHandle
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        self.handle = handle
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
