import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program and measures its own peak resident memory, which Foundation's `Process` cannot report (it reaps the
/// child itself).
///
/// On Linux `wait4`'s `ru_maxrss` starts from the high-water mark of the process that spawned the child (the kernel
/// keeps it across fork and exec), so a test process that once held a few hundred megabytes would lend them to every
/// child it measures. There the child's own mark (`VmHWM` in `/proc/PID/status`, which starts anew at exec) is read
/// while it runs, and `ru_maxrss` counts only when it is above what this process held when it spawned the child.
public enum ChildMemory {
    public struct Result: Sendable {
        public let status: Int32
        /// The child's peak RSS in bytes.
        public let peakBytes: Int
    }

    public enum Failure: Error {
        case spawn(Int32)
        case wait(Int32)
    }

    /// Runs `executable arguments…` with `environment` (in this process's working directory: give absolute paths),
    /// its output discarded, and waits on a thread of its own (not the cooperative pool, which an emulator in the
    /// same process may need).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try runBlocking(executable, arguments, environment) })
            }
        }
    }

    private static func runBlocking(
        _ executable: String, _ arguments: [String], _ environment: [String: String]
    ) throws -> Result {
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        #if os(Linux)
        let inherited = highWaterMark("self") ?? 0
        #endif
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure.spawn(spawned) }
        var status: Int32 = 0
        var usage = rusage()
        #if os(Linux)
        var polled = 0
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 {
                guard errno == EINTR else { throw Failure.wait(errno) }
                continue
            }
            polled = max(polled, highWaterMark("\(pid)") ?? 0)
            usleep(2_000)
        }
        let reported = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        let peak = reported > inherited + inherited / 20 ? reported : polled
        #else
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw Failure.wait(errno) }
        }
        let peak = Int(usage.ru_maxrss)  // bytes on macOS
        #endif
        let exited = status & 0x7F == 0
        return Result(status: exited ? (status >> 8) & 0xFF : -1, peakBytes: peak)
    }

    /// `VmHWM` of `/proc/<process>/status` in bytes (nil once the process is gone).
    static func highWaterMark(_ process: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.dropFirst(6).filter(\.isNumber))
        else { return nil }
        return kilobytes * 1024
    }
}
