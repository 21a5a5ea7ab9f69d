/// Splits JavaScript into tokens: enough of the language for the assertions Postman scripts are made of. Comments
/// are dropped; template literals without `${…}` read as strings, others as invalid.
enum JSLexer {
    private static let punctuators = [
        "===", "!==", "...", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "++", "--", "+=", "-=", "?.",
    ]

    static func tokens(_ lines: [String]) -> [JSToken] {
        var tokens: [JSToken] = []
        let scalars = Array(lines.joined(separator: "\n").unicodeScalars)
        var index = 0
        var line = 0
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        while let scalar = peek() {
            if scalar == "\n" {
                line += 1
                index += 1
            } else if scalar.properties.isWhitespace {
                index += 1
            } else if scalar == "/", peek(1) == "/" {
                while let next = peek(), next != "\n" { index += 1 }
            } else if scalar == "/", peek(1) == "*" {
                index += 2
                while let next = peek(), !(next == "*" && peek(1) == "/") {
                    if next == "\n" { line += 1 }
                    index += 1
                }
                index += 2
            } else if scalar == "\"" || scalar == "'" || scalar == "`" {
                let start = line
                let text = string(scalars, &index, &line, quote: scalar)
                tokens.append(JSToken(kind: text.map { .string($0) } ?? .invalid, line: start, lastLine: line))
            } else if scalar == "/", regexMayFollow(tokens.last) {
                tokens.append(JSToken(kind: regex(scalars, &index), line: line))
            } else if isIdentifierStart(scalar) {
                var name = ""
                while let next = peek(), isIdentifierStart(next) || ("0"..."9").contains(next) {
                    name.unicodeScalars.append(next)
                    index += 1
                }
                tokens.append(JSToken(kind: .identifier(name), line: line))
            } else if ("0"..."9").contains(scalar) || (scalar == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
                var text = ""
                while let next = peek(),
                    next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "."
                        || ((next == "+" || next == "-") && (text.last == "e" || text.last == "E"))
                {
                    text.unicodeScalars.append(next)
                    index += 1
                }
                tokens.append(JSToken(kind: Double(text).map { .number($0) } ?? .invalid, line: line))
            } else {
                let rest = String(String.UnicodeScalarView(scalars[index..<min(index + 3, scalars.count)]))
                let text = punctuators.first { rest.hasPrefix($0) } ?? String(scalar)
                index += text.unicodeScalars.count
                tokens.append(
                    JSToken(
                        kind: "()[]{}.,;:=!<>+-*/%&|?~^".unicodeScalars.contains(scalar) ? .punctuator(text) : .invalid, line: line
                    ))
            }
        }
        return tokens
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "$" || scalar.properties.isAlphabetic
    }

    /// A `/` starts a regular expression where a value is expected, not after a value (where it divides).
    private static func regexMayFollow(_ previous: JSToken?) -> Bool {
        guard let previous else { return true }
        switch previous.kind {
        case .punctuator(let text): return ![")", "]", "}"].contains(text)
        case .identifier(let name): return ["return", "typeof", "in", "of"].contains(name)
        default: return false
        }
    }

    /// The string's value, or nil when it is not closed on its line (template literals may span lines) or holds `${…}`.
    private static func string(
        _ scalars: [Unicode.Scalar], _ index: inout Int, _ line: inout Int, quote: Unicode.Scalar
    ) -> String? {
        var text = ""
        var interpolated = false
        index += 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                guard quote == "`" else { return nil }
                line += 1
            }
            index += 1
            if scalar == quote { return interpolated ? nil : text }
            if quote == "`", scalar == "$", index < scalars.count, scalars[index] == "{" { interpolated = true }
            guard scalar == "\\" else {
                text.unicodeScalars.append(scalar)
                continue
            }
            guard index < scalars.count else { return nil }
            let escaped = scalars[index]
            index += 1
            switch escaped {
            case "n": text += "\n"
            case "t": text += "\t"
            case "r": text += "\r"
            case "b": text += "\u{8}"
            case "f": text += "\u{C}"
            case "v": text += "\u{B}"
            case "0": text += "\u{0}"
            case "u":
                guard index + 4 <= scalars.count,
                    let value = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16),
                    let decoded = Unicode.Scalar(value)
                else { return nil }
                text.unicodeScalars.append(decoded)
                index += 4
            case "\n":
                line += 1
            default: text.unicodeScalars.append(escaped)
            }
        }
        return nil
    }

    private static func regex(_ scalars: [Unicode.Scalar], _ index: inout Int) -> JSToken.Kind {
        var pattern = ""
        var inClass = false
        index += 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { return .invalid }
            index += 1
            if scalar == "/", !inClass {
                var flags = ""
                while index < scalars.count, scalars[index].properties.isAlphabetic {
                    flags.unicodeScalars.append(scalars[index])
                    index += 1
                }
                return .regex(pattern: pattern, flags: flags)
            }
            pattern.unicodeScalars.append(scalar)
            if scalar == "[" { inClass = true } else if scalar == "]" { inClass = false }
            if scalar == "\\", index < scalars.count {
                pattern.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return .invalid
    }
}
