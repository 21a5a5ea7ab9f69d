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
    ///
    /// The wait suspends rather than blocks: tests run an emulator in the same process, and a blocked thread of
    /// the (small) cooperative pool could leave it with none to answer the very requests being waited for.
    public static func run(
        _ arguments: [String], in directory: String, environment: [String: String] = [:], timeout: TimeInterval = 120
    ) async throws -> ProcessOutput {
        guard let executable = executablePath else { throw ProcessError.executableNotFound }
        return try await run(executable: executable, arguments, in: directory, environment: guarded(environment), timeout: timeout)
    }

    /// Runs another program the same way (found on PATH when `executable` has no slash).
    public static func run(
        executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:],
        timeout: TimeInterval = 120
    ) async throws -> ProcessOutput {
        let process = makeProcess(executable: executable, arguments, in: directory, environment: environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let exit = ProcessExit()
        process.terminationHandler = { _ in exit.signal() }
        try process.run()
        // Both pipes are drained on threads of their own while the process runs, so a full pipe cannot block it.
        async let outData = drain(out.fileHandleForReading)
        async let errData = drain(err.fileHandleForReading)
        let timedOut = ProcessExit()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            guard process.isRunning else { return }
            timedOut.signal()
            process.terminate()
        }
        await exit.wait()
        let (stdout, stderr) = await (outData, errData)
        if timedOut.hasHappened { throw ProcessError.timedOut(arguments) }
        return ProcessOutput(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Everything left in a pipe, read on a thread of its own.
    private static func drain(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }

    /// Whether `command…` (found on PATH) runs and exits 0, its output discarded: for a test's "is this tool here"
    /// probe, run once before any test.
    public static func succeeds(_ command: [String]) -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = command
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    /// Starts `azspec arguments…` with both streams going to `outputFile`, for tests that signal it while it runs.
    public static func start(
        _ arguments: [String], in directory: String, environment: [String: String], outputFile: String
    ) throws -> Process {
        let process = try makeProcess(arguments, in: directory, environment: environment)
        guard FileManager.default.createFile(atPath: outputFile, contents: nil),
            let output = FileHandle(forWritingAtPath: outputFile)
        else { throw ProcessError.cannotCreate(outputFile) }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return process
    }

    /// Waits, suspended rather than blocked, until a process from ``start(_:in:environment:outputFile:)`` has exited;
    /// after `timeout` it is killed and the wait throws.
    public static func exit(of process: Process, timeout: TimeInterval = 60) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else {
                process.terminate()
                throw ProcessError.timedOut(process.arguments ?? [])
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()  // it has exited: this only collects the status
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
        return makeProcess(executable: executable, arguments, in: directory, environment: guarded(environment))
    }

    /// `environment` with the managed identity endpoint pinned to a dead loopback port unless the test names one,
    /// so that no test can ever reach the real instance metadata service at 169.254.169.254.
    static func guarded(_ environment: [String: String]) -> [String: String] {
        var environment = environment
        if environment["AZSPEC_IMDS_ENDPOINT"] == nil {
            environment["AZSPEC_IMDS_ENDPOINT"] = "http://127.0.0.1:9/metadata/identity/oauth2/token"
        }
        return environment
    }

    private static func makeProcess(
        executable: String, _ arguments: [String], in directory: String, environment: [String: String]
    ) -> Process {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
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

/// Something that happens once (a process exits), awaited without blocking a thread.
private final class ProcessExit: @unchecked Sendable {
    private let lock = NSLock()
    private var happened = false
    private var waiter: CheckedContinuation<Void, Never>?

    func signal() {
        let waiting: CheckedContinuation<Void, Never>? = lock.withLock {
            happened = true
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume()
    }

    var hasHappened: Bool { lock.withLock { happened } }

    func wait() async {
        await withCheckedContinuation { continuation in
            let now: Bool = lock.withLock {
                if happened { return true }
                waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }
}
