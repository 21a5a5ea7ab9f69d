import AzspecCore
import Foundation

/// PEM values of the configuration: text written inline, or the path of a file.
enum PEMSource {
    /// `value` itself when it contains PEM armor, otherwise the contents of the file it names (relative paths are
    /// read from `folder`, or the working directory when nil).
    static func text(of value: String, relativeTo folder: String?) throws(CredentialError) -> String {
        if value.contains("-----BEGIN ") { return value }
        let expanded = NSString(string: value).expandingTildeInPath
        let path: String
        if let folder, !expanded.hasPrefix("/") {
            path = URL(fileURLWithPath: folder).appendingPathComponent(expanded).path
        } else {
            path = expanded
        }
        do {
            return try InputFile.readText(path, as: .pem)
        } catch {
            throw CredentialError(error.description)
        }
    }

    /// The PEM blocks of `text`, in order (the package's one PEM reader: text between blocks is skipped).
    static func blocks(in text: String) throws(CredentialError) -> [PEMBlock] {
        do {
            return try PEMBlock.blocks(in: text)
        } catch {
            throw CredentialError("not valid PEM: line \(error.line): \(error)")
        }
    }
}
