import Foundation

/// PEM values of the configuration: text written inline, or the path of a file.
enum PEMSource {
    /// One `-----BEGIN <label>-----` … `-----END <label>-----` block.
    struct Block: Sendable {
        var label: String
        /// The block including its BEGIN and END lines.
        var text: String
        /// The base64 body decoded (the DER bytes); nil when the body is not base64.
        var der: [UInt8]?
    }

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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialError("cannot read PEM file '\(path)'")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The PEM blocks of `text`, in order.
    static func blocks(in text: String) -> [Block] {
        var blocks: [Block] = []
        var label: String?
        var lines: [Substring] = []
        var body = ""
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let current = label {
                lines.append(line)
                if trimmed == "-----END \(current)-----" {
                    let der = Data(base64Encoded: body).map { Array($0) }
                    blocks.append(Block(label: current, text: lines.joined(separator: "\n") + "\n", der: der))
                    label = nil
                } else {
                    body += trimmed
                }
            } else if trimmed.hasPrefix("-----BEGIN "), trimmed.hasSuffix("-----") {
                label = String(trimmed.dropFirst("-----BEGIN ".count).dropLast("-----".count))
                lines = [line]
                body = ""
            }
        }
        return blocks
    }
}
