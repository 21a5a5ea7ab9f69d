import AzspecCore
public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension JUnitWriter {
    /// Why a JUnit report could not be written: the path and one human sentence.
    public struct WriteError: Error, CustomStringConvertible, LocalizedError {
        /// The report path that was asked for.
        public var path: String
        /// What went wrong, e.g. `cannot create folder 'out': Permission denied`.
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        public var description: String { "cannot write JUnit report to '\(path)': \(reason)" }
        public var errorDescription: String? { description }
    }

    /// Writes the rendered report to `path`, replacing any file there (never appending).
    ///
    /// Atomic: the document goes to a new file with an unpredictable name in the same folder (`O_CREAT|O_EXCL|
    /// O_NOFOLLOW`: never a file or link planted there), is flushed, then renamed over `path` (`rename(2)`, which
    /// replaces a link at `path` rather than following it), so a reader sees the old report or the new one, never half
    /// of one. Missing folders are created. A device or a pipe is written into, under a deadline
    /// (``deviceDeadline``). Throws ``WriteError`` naming the path and the reason when any step fails; the temporary
    /// file is removed then.
    public func write(_ report: RunReport, to path: String) throws {
        try Self.writeAtomically(render(report), to: path)
    }

    /// Writes any report text atomically, as ``write(_:to:)`` does (the caller has redacted it).
    public static func writeText(_ text: String, to path: String) throws(WriteError) {
        try writeAtomically(text, to: path)
    }

    static func writeAtomically(_ text: String, to path: String) throws(WriteError) {
        guard !path.isEmpty else { throw WriteError(path: path, reason: "the path is empty") }
        if InputFile.isDeviceOrPipe(path) {
            // `--junit /dev/null`, `/dev/stdout`, a named pipe: written into, never replaced by a file, and never
            // waited on past the deadline (a pipe nobody reads would otherwise hold the run, and its SIGTERM, forever).
            let deadline = ContinuousClock.now + deviceDeadline
            var descriptor: Int32 = -1
            while true {
                descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
                if descriptor >= 0 || errno != ENXIO || ContinuousClock.now >= deadline { break }
                usleep(20_000)  // ENXIO: a pipe with no reader yet
            }
            guard descriptor >= 0 else {
                let reason =
                    errno == ENXIO ? "it is a pipe that nothing read within \(deviceDeadline)" : "cannot open it: \(lastErrorText())"
                throw WriteError(path: path, reason: reason)
            }
            let failure = writeAll(text, to: descriptor, named: path, until: deadline)
            if close(descriptor) != 0, failure == nil { throw WriteError(path: path, reason: "cannot close it: \(lastErrorText())") }
            if let failure { throw WriteError(path: path, reason: failure) }
            return
        }
        let folder = parentFolder(of: path)
        try createFolders(folder, for: path)
        if let problem = ReportPath.folderProblem(folder.isEmpty ? "." : folder) { throw WriteError(path: path, reason: problem) }

        var random = SystemRandomNumberGenerator()
        let temporary = "\(path).tmp-\(String(random.next(), radix: 36))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(path: path, reason: "cannot create '\(temporary)': \(lastErrorText())")
        }
        var failure = writeAll(text, to: descriptor, named: temporary)
        if failure == nil, fsync(descriptor) != 0 {
            failure = "cannot flush '\(temporary)': \(lastErrorText())"
        }
        if close(descriptor) != 0, failure == nil {
            failure = "cannot close '\(temporary)': \(lastErrorText())"
        }
        if failure == nil, rename(temporary, path) != 0 {
            failure = "cannot rename '\(temporary)' to it: \(lastErrorText())"
        }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }

    /// How long a device or a pipe given as a report path may take to be opened and written.
    public static let deviceDeadline = Duration.seconds(10)

    /// Every byte of `text`, or why not; with a deadline, on a non-blocking descriptor that is waited on with
    /// `poll(2)` until then.
    private static func writeAll(
        _ text: String, to descriptor: Int32, named name: String, until deadline: ContinuousClock.Instant? = nil
    ) -> String? {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN, let deadline {
                    let left = deadline - ContinuousClock.now
                    guard left > .zero else { return "'\(name)' took no more of the report within \(deviceDeadline)" }
                    var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&waiting, 1, Int32(min(left.components.seconds * 1000 + 1, 1000)))
                    continue
                }
                return "cannot write '\(name)': \(lastErrorText())"
            }
            written += count
        }
        return nil
    }

    /// Creates `folder` and its missing parents (`mkdir -p`).
    private static func createFolders(_ folder: String, for path: String) throws(WriteError) {
        guard !folder.isEmpty else { return }
        if InputFile.isFolder(folder) { return }
        if FileManager.default.fileExists(atPath: folder) {
            throw WriteError(path: path, reason: "'\(folder)' exists and is not a folder")
        }
        try createFolders(parentFolder(of: folder), for: path)
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw WriteError(path: path, reason: "cannot create folder '\(folder)': \(lastErrorText())")
        }
    }

    /// The path up to its last `/` (`""` for a bare file name, `/` for a file in the root).
    private static func parentFolder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    private static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }
}

/// `write(2)`; a free function because inside `JUnitWriter` the name `write` means the method.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
