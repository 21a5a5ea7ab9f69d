import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written only where none exists (`O_EXCL`: no check-then-write race), for `init` and `import`: azspec never
/// overwrites a user's file.
public enum NewFiles {
    /// What happened to each file.
    public enum Outcome: Sendable, Equatable {
        case created(String)
        case kept(String)
    }

    /// Creates each file (folders as needed) and keeps any that exists already.
    public static func create(_ files: [(path: String, text: String)], in folder: String) throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for (relative, text) in files {
            let path = folder == "." ? relative : folder + "/" + relative
            let parent = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: parent.isEmpty ? "." : parent, withIntermediateDirectories: true)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                if errno == EEXIST {
                    outcomes.append(.kept(path))
                    continue
                }
                throw NewFileError(path: path, reason: String(cString: strerror(errno)))
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            do {
                try handle.write(contentsOf: Data(text.utf8))
                try handle.close()
            } catch {
                throw NewFileError(path: path, reason: error.localizedDescription)
            }
            outcomes.append(.created(path))
        }
        return outcomes
    }

    /// Creates every file, or none when any of them exists already (an import must not half-land).
    public static func createAll(_ files: [(path: String, text: String)], in folder: String) throws -> [String] {
        let existing = files.map { folder == "." ? $0.path : folder + "/" + $0.path }.filter { FileManager.default.fileExists(atPath: $0) }
        guard existing.isEmpty else {
            throw NewFileError(
                path: existing.joined(separator: ", "), reason: "it exists already; nothing was written (choose another --out)")
        }
        return try create(files, in: folder).map {
            switch $0 {
            case .created(let path), .kept(let path): path
            }
        }
    }
}

/// A file that could not be created.
public struct NewFileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot create \(path): \(reason)" }
}
