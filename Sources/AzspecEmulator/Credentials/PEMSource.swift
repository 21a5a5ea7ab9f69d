import AzspecCore
import Foundation
import SwiftASN1

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

    /// The PEM documents of `text`, in order (swift-asn1's reader: text between blocks is skipped).
    static func documents(in text: String) throws(CredentialError) -> [PEMDocument] {
        do {
            return try PEMDocument.parseMultiple(pemString: text)
        } catch {
            throw CredentialError("not valid PEM: \(error)")
        }
    }
}
