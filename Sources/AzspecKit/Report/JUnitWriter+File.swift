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
    /// Atomic: the document goes to `<path>.tmp-<pid>` in the same folder, is flushed, then renamed over `path`
    /// (`rename(2)`), so a reader sees the old report or the new one, never half of one. Missing folders are created.
    /// Throws ``WriteError`` naming the path and the reason when any step fails; the temporary file is removed then.
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
            // `--junit /dev/null`, `/dev/stdout`, a named pipe: written into, never replaced by a file.
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw WriteError(path: path, reason: "cannot open it: \(lastErrorText())") }
            let failure = writeAll(text, to: descriptor, named: path)
            if close(descriptor) != 0, failure == nil { throw WriteError(path: path, reason: "cannot close it: \(lastErrorText())") }
            if let failure { throw WriteError(path: path, reason: failure) }
            return
        }
        try createFolders(parentFolder(of: path), for: path)

        let temporary = "\(path).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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

    /// Every byte of `text`, or why not.
    private static func writeAll(_ text: String, to descriptor: Int32, named name: String) -> String? {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
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
