import AzspecCore
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

    /// Creates each file (folders as needed) and keeps any that exists already. Nothing is written through a symbolic
    /// link: a link among the folders below `folder` (`.github` → elsewhere) or at a file's own path is refused.
    public static func create(_ files: [(path: String, text: String)], in folder: String) throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for (relative, text) in files {
            let path = folder == "." ? relative : folder + "/" + relative
            var inside = folder
            for component in relative.split(separator: "/").dropLast() {
                inside += "/" + component
                if InputFile.isSymbolicLink(inside) {
                    throw NewFileError(
                        path: path,
                        reason: "'\(inside)' is a symbolic link; azspec writes only inside the project folder, never through a link")
                }
            }
            if InputFile.isSymbolicLink(path) {
                throw NewFileError(path: path, reason: "it is a symbolic link; nothing was written through it")
            }
            let parent = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: parent.isEmpty ? "." : parent, withIntermediateDirectories: true)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
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

    /// Creates every file, or none when any of them exists already (an import must not half-land); a file that
    /// turns out to exist when it is created (a race, a link) is an error, never reported as written.
    public static func createAll(_ files: [(path: String, text: String)], in folder: String) throws -> [String] {
        let existing = files.map { folder == "." ? $0.path : folder + "/" + $0.path }.filter(InputFile.isPresent)
        guard existing.isEmpty else {
            throw NewFileError(
                path: existing.joined(separator: ", "), reason: "it exists already; nothing was written (choose another --out)")
        }
        return try create(files, in: folder).map {
            switch $0 {
            case .created(let path): return path
            case .kept(let path): throw NewFileError(path: path, reason: "it appeared while writing; it was left as it is")
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
