import AzspecCore
import Foundation

/// Checks up front that the report can be written, so that a run does not send anything only to lose its results.
enum ReportPath {
    static func prepare(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportPathError(path: path, reason: "cannot create the folder \(folder.path)")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ReportPathError(path: path, reason: "it is a folder")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw ReportPathError(path: path, reason: "the folder \(folder.path) is not writable")
        }
        if let problem = folderProblem(folder.path) { throw ReportPathError(path: path, reason: problem) }
    }

    /// Why a report may not be written into `folder`: one that every user may write to and that lacks the sticky bit
    /// (anyone could swap the report for a link between two runs, or the file a link points to). Nil when it is fine.
    static func folderProblem(_ folder: String) -> String? {
        guard let mode = InputFile.permissions(folder), mode & 0o002 != 0, mode & 0o1000 == 0 else { return nil }
        return "the folder \(folder) is writable by every user and has no sticky bit, so another user could replace the "
            + "report; write it to a folder only you can change"
    }
}

struct ReportPathError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write the report to \(path): \(reason)" }
}
