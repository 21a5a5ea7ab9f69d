import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs a child process to completion under a deadline, draining standard output and standard error as they come
/// (swift-subprocess), so a chatty child cannot fill a pipe and stall the run, and a silent one cannot hold it.
public enum ChildProcess {
    /// What a finished child left.
    public struct Result: Sendable {
        /// The exit code, or 128 + the signal number for a child killed by a signal.
        public let status: Int32
        public let output: [UInt8]
        public let error: [UInt8]
    }

    /// Why a child gave no result.
    public enum Failure: Error, CustomStringConvertible {
        case timedOut(seconds: Double)
        case couldNotRun(String)

        public var description: String {
            switch self {
            case .timedOut(let seconds):
                "it did not finish within \(seconds.isFinite && seconds < 1e9 && seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)) s and was stopped"
            case .couldNotRun(let reason): reason
            }
        }
    }

    /// Runs `executable` with exactly `environment`; each stream keeps at most `outputLimit` bytes. After `timeout`
    /// seconds the child is sent SIGTERM, then SIGKILL.
    public static func run(
        _ executable: String, arguments: [String], environment: [String: String], workingDirectory: String? = nil,
        timeout: Double, outputLimit: Int = 16 << 20
    ) async throws(Failure) -> Result {
        let keys = Dictionary(environment.map { (Environment.Key(rawValue: $0.key) ?? "_", $0.value) }, uniquingKeysWith: { $1 })
        do {
            return try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    var options = PlatformOptions()
                    options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: .seconds(2))]
                    let result = try await Subprocess.run(
                        .path(FilePath(executable)), arguments: Arguments(arguments), environment: .custom(keys),
                        workingDirectory: workingDirectory.map { FilePath($0) }, platformOptions: options,
                        output: .bytes(limit: outputLimit), error: .bytes(limit: outputLimit))
                    let status: Int32 =
                        switch result.terminationStatus {
                        case .exited(let code): Int32(truncatingIfNeeded: code)
                        case .signaled(let signal): 128 + Int32(truncatingIfNeeded: signal)
                        }
                    return Result(status: status, output: result.standardOutput, error: result.standardError)
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(Int64(min(max(timeout, 0.001), 86_400) * 1000)))
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let result = first else {
                    throw Failure.timedOut(seconds: timeout)
                }
                return result
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .couldNotRun(String(describing: error))
        }
    }
}
