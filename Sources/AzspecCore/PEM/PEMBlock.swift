import Foundation

/// One `-----BEGIN label----- … -----END label-----` block of a PEM file (RFC 7468), with any
/// RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`) it carries.
///
/// The reader is lenient where real files differ from the RFC and harmless: text between blocks
/// (OpenSSL's `Bag Attributes`), CRLF line ends, indentation and lines of any length. It is written here rather
/// than taken from swift-asn1 (`PEMDocument`) because errors must name the line of the bad block and an
/// encrypted traditional key (`Proc-Type` header) must be recognised, not just refused.
public struct PEMBlock: Sendable {
    /// The label after `BEGIN`, e.g. `CERTIFICATE`, `PRIVATE KEY`, `RSA PRIVATE KEY`.
    public let label: String
    /// RFC 1421 header lines before the base64 body, in order.
    public let headers: [(name: String, value: String)]
    /// The decoded body.
    public let der: [UInt8]
    /// The 1-based line of the `BEGIN` line.
    public let line: Int

    /// `true` for a key that needs a password: PKCS#8 `ENCRYPTED PRIVATE KEY`, or a traditional
    /// OpenSSL key with `Proc-Type: 4,ENCRYPTED`.
    public var isEncrypted: Bool {
        label == "ENCRYPTED PRIVATE KEY"
            || headers.contains { $0.name.lowercased() == "proc-type" && $0.value.uppercased().contains("ENCRYPTED") }
    }

    /// Why a text could not be read as PEM blocks (without any of the block's content).
    public enum ReadError: Error, Equatable, CustomStringConvertible {
        /// `BEGIN label` on `line` has no matching `END label`.
        case unterminated(label: String, line: Int)
        /// The body of the `label` block starting on `line` is not base64.
        case notBase64(label: String, line: Int)

        /// The 1-based line of the block's `BEGIN`.
        public var line: Int {
            switch self {
            case .unterminated(_, let line), .notBase64(_, let line): line
            }
        }

        /// What is wrong, without the line (callers put `file:line:` before it).
        public var description: String {
            switch self {
            case .unterminated(let label, _): "the \(label) block has no '-----END \(label)-----' line"
            case .notBase64(let label, _): "the body of the \(label) block is not valid base64"
            }
        }
    }

    /// The blocks of `text`, in order. Text outside blocks is ignored.
    public static func blocks(in text: String) throws(ReadError) -> [PEMBlock] {
        var blocks: [PEMBlock] = []
        var open: (label: String, line: Int)?
        var headers: [(name: String, value: String)] = []
        var body = ""
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let current = open else {
                if let label = boundaryLabel(line, "BEGIN") {
                    open = (label, index + 1)
                    headers = []
                    body = ""
                }
                continue
            }
            if let label = boundaryLabel(line, "END") {
                guard label == current.label else { throw .unterminated(label: current.label, line: current.line) }
                guard let data = Data(base64Encoded: body), !data.isEmpty else {
                    throw .notBase64(label: current.label, line: current.line)
                }
                blocks.append(PEMBlock(label: current.label, headers: headers, der: Array(data), line: current.line))
                open = nil
            } else if boundaryLabel(line, "BEGIN") != nil {
                throw .unterminated(label: current.label, line: current.line)
            } else if body.isEmpty, let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                headers.append((name, value))
            } else {
                body += line
            }
        }
        if let current = open { throw .unterminated(label: current.label, line: current.line) }
        return blocks
    }

    /// The label of a `-----BEGIN label-----` (or `END`) line, else nil.
    private static func boundaryLabel(_ line: String, _ keyword: String) -> String? {
        let prefix = "-----\(keyword) "
        guard line.hasPrefix(prefix), line.hasSuffix("-----"), line.count >= prefix.count + 5 else { return nil }
        return String(line.dropFirst(prefix.count).dropLast(5)).trimmingCharacters(in: .whitespaces)
    }
}
