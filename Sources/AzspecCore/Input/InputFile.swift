#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file (spec, project file, certificate, token file, CA bundle, emulator configuration) with a size
/// cap fit for its kind, and only when it is a regular file.
///
/// A device (`/dev/zero`, `/dev/urandom`), a FIFO or a socket is refused without being read: the file is opened
/// non-blocking and checked with `fstat` before a byte is taken, so a FIFO with no writer cannot hang the run.
public enum InputFile {
    /// What a file is for; each kind has its own size cap, and errors name it.
    public struct Kind: Sendable, Hashable {
        /// How the file is named in errors ("the certificate file").
        public let name: String
        /// The largest size read; a larger file is an error.
        public let limit: Int

        public init(name: String, limit: Int) {
            self.name = name
            self.limit = limit
        }

        public static let spec = Kind(name: "spec file", limit: 4 << 20)
        public static let projectFile = Kind(name: "project file", limit: 1 << 20)
        public static let certificate = Kind(name: "certificate file", limit: 1 << 20)
        public static let federatedToken = Kind(name: "federated token file", limit: 64 << 10)
        public static let caCertificate = Kind(name: "CA certificate file", limit: 4 << 20)
        public static let emulatorConfiguration = Kind(name: "emulator configuration", limit: 4 << 20)
        public static let pem = Kind(name: "PEM file", limit: 1 << 20)
    }

    /// The file's bytes, or an error saying what is wrong with it (missing, a folder, a device, too large…).
    public static func read(_ path: String, as kind: Kind) throws(InputFileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputFileError(path: path, kind: kind, problem: openProblem(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw InputFileError(path: path, kind: kind, problem: "cannot be examined (\(describe(errno)))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw InputFileError(path: path, kind: kind, problem: "is a folder, not a file")
        case S_IFCHR, S_IFBLK: throw InputFileError(path: path, kind: kind, problem: "is a device, not a regular file")
        case S_IFIFO: throw InputFileError(path: path, kind: kind, problem: "is a FIFO (named pipe), not a regular file")
        case S_IFSOCK: throw InputFileError(path: path, kind: kind, problem: "is a socket, not a regular file")
        default: throw InputFileError(path: path, kind: kind, problem: "is not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= kind.limit else { throw InputFileError(path: path, kind: kind, problem: tooLarge(size, kind)) }
        // The file may grow while it is read: take at most one byte past the cap, and refuse if that byte arrives.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while bytes.count <= kind.limit {
            let wanted = min(chunk.count, kind.limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { buffer in systemRead(descriptor, buffer.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputFileError(path: path, kind: kind, problem: "cannot be read (\(describe(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        guard bytes.count <= kind.limit else {
            throw InputFileError(path: path, kind: kind, problem: tooLarge(bytes.count, kind))
        }
        return bytes
    }

    /// The file as UTF-8 text (see ``read(_:as:)``), without the byte order mark Windows editors put first (YAML and
    /// JSON both allow one at the start of a stream).
    public static func readText(_ path: String, as kind: Kind) throws(InputFileError) -> String {
        let bytes = withoutByteOrderMark(try read(path, as: kind))
        guard let text = PercentEncoding.validUTF8(bytes) else {
            throw InputFileError(path: path, kind: kind, problem: "is not valid UTF-8 text")
        }
        return text
    }

    /// `bytes` without a leading UTF-8 byte order mark (EF BB BF), which is no part of the text.
    public static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// Whether `path` names a regular file (following symbolic links); false for folders, devices and missing paths.
    public static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Whether `path` names a character device or a pipe (following symbolic links: `/dev/stdout`), which a report is
    /// written into rather than replaced.
    public static func isDeviceOrPipe(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type == S_IFCHR || type == S_IFIFO
    }

    /// Whether `path` is a symbolic link, dangling or not (`lstat`: the link itself, not what it points to).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// Why `path` cannot be followed to anything, or nil when it can: "no such file or folder", "a symbolic link loop
    /// …", "a symbolic link to something that does not exist", "not reachable: permission denied". Said in place of a bare "no such file" so
    /// that a loop or a dangling link is named for what it is.
    public static func absence(of path: String) -> String? {
        var status = stat()
        if stat(path, &status) == 0 { return nil }
        let code = errno
        switch code {
        case ELOOP: return "a symbolic link loop (too many levels of symbolic links)"
        case EACCES, EPERM: return "not reachable: permission denied"
        case ENAMETOOLONG: return "a path too long to open"
        default:
            if isSymbolicLink(path) { return "a symbolic link to something that does not exist" }
            return code == ENOENT || code == ENOTDIR ? "no such file or folder" : "not reachable (\(describe(code)))"
        }
    }

    /// Whether anything is at `path`, a dangling link included.
    public static func isPresent(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// The permission bits of `path` (following symbolic links: `0o1777` for `/tmp`), or nil when it cannot be read.
    public static func permissions(_ path: String) -> UInt32? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return UInt32(status.st_mode) & 0o7777
    }

    /// Whether `path` names a folder (following symbolic links).
    public static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private static func tooLarge(_ size: Int, _ kind: Kind) -> String {
        "is larger than the \(byteCount(kind.limit)) a \(kind.name) may hold (\(byteCount(size)) or more)"
    }

    static func byteCount(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }

    private static func openProblem(_ code: Int32) -> String {
        switch code {
        case ENOENT: "does not exist"
        case ENOTDIR: "does not exist (a part of the path is not a folder)"
        case EACCES, EPERM: "cannot be opened: permission denied"
        case ELOOP: "cannot be opened: too many levels of symbolic links (a symbolic link loop?)"
        case ENAMETOOLONG: "cannot be opened: the path is too long"
        default: "cannot be opened (\(describe(code)))"
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// `read(2)`, named apart from ``InputFile/read(_:as:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    guard let buffer else { return -1 }
    #if canImport(Darwin)
    return Darwin.read(descriptor, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(descriptor, buffer, count)
    #else
    return Glibc.read(descriptor, buffer, count)
    #endif
}

/// An input file that cannot be used, and why: "the certificate file /dev/zero is a device, not a regular file".
public struct InputFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let kind: InputFile.Kind
    /// What is wrong, as the end of a sentence about the file ("does not exist").
    public let problem: String

    public var description: String { "the \(kind.name) \(path) \(problem)" }
}
