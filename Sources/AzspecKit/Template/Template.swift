public import AzspecCore
import Foundation

/// A string with `{{name}}` placeholders, parsed once when the spec is loaded.
///
/// Names are suite variables, captures of earlier tests, `env.NAME` (environment variables) and
/// `cloud.login` / `cloud.arm`. A dotted name whose head is a variable holding a JSON object or array
/// reaches into it (`{{group.properties.provisioningState}}`, `{{items.0}}`).
public struct Template: Sendable, Hashable, CustomStringConvertible {
    enum Part: Sendable, Hashable {
        case literal(String)
        case placeholder(Reference)
    }

    let parts: [Part]
    /// Where the scalar starts in its file.
    public let location: SourceLocation
    /// The text as written.
    public let source: String

    /// A template that is only the given text.
    init(literal text: String, at location: SourceLocation) {
        self.parts = text.isEmpty ? [] : [.literal(text)]
        self.location = location
        self.source = text
    }

    public var description: String { source }

    /// The text written between placeholders, piece by piece.
    var literalText: [String] {
        parts.compactMap { if case .literal(let text) = $0 { text } else { nil } }
    }

    /// Every placeholder, in order.
    var references: [Reference] {
        parts.compactMap { if case .placeholder(let reference) = $0 { reference } else { nil } }
    }

    /// The one placeholder when the template is exactly `{{name}}`, so a JSON body can take the value's own type.
    var soleReference: Reference? {
        if parts.count == 1, case .placeholder(let reference) = parts[0] { reference } else { nil }
    }

    /// Parses `text`; `contentOffset` is the column distance from `location` to the first character of
    /// the text (1 for a quoted scalar), so placeholder positions point at the braces.
    static func parse(
        _ text: String, at location: SourceLocation, contentOffset: Int = 0, diagnostics: inout DiagnosticCollector
    ) -> Template {
        // Most scalars of a spec hold no placeholder: they are their own text, found in one pass over the bytes.
        guard hasOpening(text) else { return Template(literal: text, at: location) }
        var parts: [Part] = []
        var literal = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = location.line
        var column = location.column + contentOffset
        func advance(_ count: Int) {
            for _ in 0..<count where index < scalars.count {
                if scalars[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }
        while index < scalars.count {
            if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" {
                let start = SourceLocation(file: location.file, line: line, column: column)
                var end = index + 2
                while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}") { end += 1 }
                guard end + 1 < scalars.count else {
                    diagnostics.error("unterminated placeholder: '{{' without a closing '}}'", at: start)
                    literal.unicodeScalars.append(contentsOf: scalars[index...])
                    break
                }
                var name = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
                name = name.trimmingWhitespace
                if name.isEmpty || !Self.isPlaceholderName(name) {
                    diagnostics.error(
                        "invalid placeholder '{{\(name)}}': expected a name such as {{token}} or {{env.AZURE_TENANT_ID}}", at: start)
                } else {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    parts.append(.placeholder(Reference(name: name, location: start)))
                }
                advance(end + 2 - index)
            } else {
                // The text up to the next brace, in one piece.
                var next = index + 1
                while next < scalars.count, scalars[next] != "{" { next += 1 }
                literal.unicodeScalars.append(contentsOf: scalars[index..<next])
                advance(next - index)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return Template(parts: parts, location: location, source: text)
    }

    /// A name holds no brace and no white space (ASCII names, nearly all, are checked byte by byte).
    private static func isPlaceholderName(_ name: String) -> Bool {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            return !name.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 <= 0x20 || $0 == 0x7F }
        }
        return !name.contains { $0 == "{" || $0 == "}" || $0.isWhitespace }
    }

    /// Whether `{{` occurs in the text.
    private static func hasOpening(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == byte { return true }
            previous = byte
        }
        return false
    }

    private init(parts: [Part], location: SourceLocation, source: String) {
        self.parts = parts
        self.location = location
        self.source = source
    }
}
