import ArgumentParser
import AzspecCore
import AzspecKit
import Foundation

/// Where `snapshot permissions` writes: a new file, created exclusively, or (`--update`) the snapshot on disk replaced
/// by a new one, never through a link or onto a device, atomically (a file beside it, renamed over it), with what
/// changed printed.
enum SnapshotFile {
    /// Writes `text` to `path`, which must not exist (`O_EXCL`, and no link followed); exits 3 when it cannot.
    static func create(_ path: String, _ text: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            ConsoleOutput.err("error: cannot create \(path): \(String(cString: strerror(errno)))")
            throw ExitCode(ExitStatus.cannotStart.rawValue)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        } catch {
            ConsoleOutput.err("error: cannot write \(path): \(error)")
            throw ExitCode(ExitStatus.cannotStart.rawValue)
        }
    }

    static func replace(_ path: String, with text: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            ConsoleOutput.err("error: cannot --update \(path): \(String(cString: strerror(errno)))")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            ConsoleOutput.err("error: cannot --update \(path): it is not a regular file (a link, a folder or a device)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        let old: String
        do {
            old = try InputFile.readText(path, as: .spec)
        } catch {
            ConsoleOutput.err("error: \(error)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        guard let changes = PermissionSnapshot.changes(from: old, to: text) else {
            ConsoleOutput.err("error: \(path) is not a permission snapshot; --update rewrites only what snapshot permissions wrote")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        do {
            try create(temporary, text)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            ConsoleOutput.err("error: cannot replace \(path): \(reason)")
            throw ExitCode(ExitStatus.cannotStart.rawValue)
        }
        ConsoleOutput.out(changes.isEmpty ? "\(path): no change" : "\(path): \(Plural.count(changes.count, "change")):")
        for change in changes { ConsoleOutput.out("  " + change) }
    }
}
