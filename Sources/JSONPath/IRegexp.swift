/// I-Regexp (RFC 9485) validation and translation to Swift `Regex` syntax.
///
/// The translation escapes every literal character, maps `.` to `[^\n\r]`, keeps
/// `\p{..}`/`\P{..}` categories, and wraps groups as non-capturing. The result is meant
/// to be compiled with Unicode-scalar matching semantics.
///
/// Unescaped `^` and `$` outside character classes become start/end-of-input anchors
/// (`\A`, `\z`). RFC 9485's grammar counts them as ordinary characters, but its §5
/// mappings to PCRE/ECMAScript pass them through unchanged, and the JSONPath
/// Compliance Test Suite ("functions, match, explicit caret/dollar") expects anchors.
/// Escaped `\^` (and `$` inside a class) stay literal.
enum IRegexp {
    /// Translates `pattern`, or returns `.invalid` when it is not a valid I-Regexp.
    static func translate(_ pattern: String) -> RegexTranslation {
        var t = Translator(Array(pattern.unicodeScalars))
        guard let out = t.run() else { return .invalid }
        return .valid(out)
    }

    private struct Translator {
        let s: [Unicode.Scalar]
        var i = 0
        var out = ""
        var depth = 0

        init(_ s: [Unicode.Scalar]) {
            self.s = s
        }

        func peek(_ k: Int = 0) -> Unicode.Scalar? {
            i + k < s.count ? s[i + k] : nil
        }

        mutating func run() -> String? {
            guard regexp(), i == s.count else { return nil }
            return out
        }

        /// `i-regexp = branch *( "|" branch )`
        mutating func regexp() -> Bool {
            guard branch() else { return false }
            while peek() == "|" {
                i += 1
                out += "|"
                guard branch() else { return false }
            }
            return true
        }

        /// `branch = *piece`
        mutating func branch() -> Bool {
            while let c = peek(), c != "|", c != ")" {
                guard piece() else { return false }
            }
            return true
        }

        /// `piece = atom [ quantifier ]`
        mutating func piece() -> Bool {
            guard atom() else { return false }
            guard let c = peek() else { return true }
            switch c {
            case "*", "+", "?":
                i += 1
                out.unicodeScalars.append(c)
                return true
            case "{":
                return rangeQuantifier()
            default:
                return true
            }
        }

        /// `range-quantifier = "{" QuantExact [ "," [ QuantExact ] ] "}"`
        mutating func rangeQuantifier() -> Bool {
            i += 1  // '{'
            guard let low = quantExact() else { return false }
            var text = "{\(low)"
            if peek() == "," {
                i += 1
                text += ","
                if let c = peek(), isDigit(c) {
                    guard let high = quantExact(), high >= low else { return false }
                    text += "\(high)"
                }
            }
            guard peek() == "}" else { return false }
            i += 1
            out += text + "}"
            return true
        }

        mutating func quantExact() -> Int? {
            var value = 0
            var any = false
            while let c = peek(), isDigit(c) {
                value = value * 10 + Int(c.value - 0x30)
                if value > 100_000 { return nil }  // beyond any sensible repetition count
                any = true
                i += 1
            }
            return any ? value : nil
        }

        func isDigit(_ c: Unicode.Scalar) -> Bool {
            c.value >= 0x30 && c.value <= 0x39
        }

        /// `atom = NormalChar / charClass / ( "(" i-regexp ")" )`
        mutating func atom() -> Bool {
            guard let c = peek() else { return false }
            switch c {
            case "(":
                depth += 1
                guard depth <= 100 else { return false }
                i += 1
                out += "(?:"
                guard regexp(), peek() == ")" else { return false }
                i += 1
                out += ")"
                depth -= 1
                return true
            case ".":
                i += 1
                out += "[^\\n\\r]"
                return true
            case "[":
                return charClassExpression()
            case "\\":
                if let text = escape() {
                    out += text
                    return true
                }
                return false
            case "^":
                i += 1
                out += "\\A"
                return true
            case "$":
                i += 1
                out += "\\z"
                return true
            default:
                guard isNormalChar(c) else { return false }
                i += 1
                out += literal(c)
                return true
            }
        }

        /// `NormalChar`: anything but `( ) * + . ? [ \ ] { | }` (and surrogates).
        func isNormalChar(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "(", ")", "*", "+", ".", "?", "[", "\\", "]", "{", "|", "}": return false
            default: return true
            }
        }

        /// `CCchar` (unescaped): anything but `-`, `[`, `\`, `]`.
        func isClassChar(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "-", "[", "\\", "]": return false
            default: return true
            }
        }

        /// A literal scalar in Swift Regex syntax.
        func literal(_ c: Unicode.Scalar) -> String {
            let v = c.value
            if (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
                return String(Character(c))
            }
            return "\\x{" + String(v, radix: 16) + "}"
        }

        /// `SingleCharEsc / catEsc / complEsc` starting at a backslash. Returns the translation.
        mutating func escape() -> String? {
            i += 1  // '\'
            guard let e = peek() else { return nil }
            i += 1
            switch e {
            case "(", ")", "*", "+", "-", ".", "?", "[", "\\", "]", "^", "{", "|", "}":
                return literal(e)
            case "n": return literal("\n")
            case "r": return literal("\r")
            case "t": return literal("\t")
            case "p", "P":
                guard let category = categoryName() else { return nil }
                return "\\\(Character(e)){\(category)}"
            default:
                return nil
            }
        }

        /// A single class character (`CCchar`): its scalar, for ranges. Consumes it.
        mutating func classCharScalar() -> Unicode.Scalar? {
            guard let c = peek() else { return nil }
            if c == "\\" {
                guard let e = peek(1) else { return nil }
                switch e {
                case "(", ")", "*", "+", "-", ".", "?", "[", "\\", "]", "^", "{", "|", "}":
                    i += 2
                    return e
                case "n":
                    i += 2
                    return "\n"
                case "r":
                    i += 2
                    return "\r"
                case "t":
                    i += 2
                    return "\t"
                default:
                    return nil
                }
            }
            guard isClassChar(c) else { return nil }
            i += 1
            return c
        }

        /// `"{" charProp "}"` after `\p` / `\P`.
        mutating func categoryName() -> String? {
            guard peek() == "{" else { return nil }
            i += 1
            guard let major = peek() else { return nil }
            let minors: String
            switch major {
            case "L": minors = "lmotu"
            case "M": minors = "cen"
            case "N": minors = "dlo"
            case "P": minors = "cdefios"
            case "Z": minors = "lps"
            case "S": minors = "ckmo"
            case "C": minors = "cfno"
            default: return nil
            }
            i += 1
            var name = String(Character(major))
            if let minor = peek(), minor != "}" {
                guard minors.unicodeScalars.contains(minor) else { return nil }
                name.unicodeScalars.append(minor)
                i += 1
            }
            guard peek() == "}" else { return nil }
            i += 1
            return name
        }

        /// `charClassExpr = "[" [ "^" ] ( "-" / CCE1 ) *CCE1 [ "-" ] "]"`
        mutating func charClassExpression() -> Bool {
            i += 1  // '['
            var text = "["
            if peek() == "^" {
                i += 1
                text += "^"
            }
            var first = true
            while true {
                guard let c = peek() else { return false }
                if c == "]" {
                    guard !first else { return false }
                    i += 1
                    break
                }
                if c == "-" {
                    // Allowed only first or last.
                    guard first || peek(1) == "]" else { return false }
                    i += 1
                    text += literal("-")
                    first = false
                    continue
                }
                if c == "\\", let e = peek(1), e == "p" || e == "P" {
                    guard let esc = escape() else { return false }
                    text += esc
                    first = false
                    continue
                }
                guard let low = classCharScalar() else { return false }
                if peek() == "-", let after = peek(1), after != "]" {
                    i += 1  // '-'
                    guard let high = classCharScalar(), high.value >= low.value else { return false }
                    text += literal(low) + "-" + literal(high)
                } else {
                    text += literal(low)
                }
                first = false
            }
            out += text + "]"
            return true
        }
    }
}
