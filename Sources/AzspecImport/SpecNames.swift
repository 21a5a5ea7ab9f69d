/// Names in spec files: identifiers for variables, captures and identities, and file name slugs.
enum SpecNames {
    /// Letters, digits, `_` and `-`, starting with a letter or `_` (the spec parser's rule).
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || $0 == "-" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }

    /// The text made an identifier: other characters become `_`, and `_` goes first when it starts otherwise.
    static func identifier(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let keep =
                scalar == "_" || scalar == "-"
                || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
            out.unicodeScalars.append(keep ? scalar : "_")
        }
        guard let first = out.unicodeScalars.first else { return "_" }
        return first == "_" || first.properties.isAlphabetic ? out : "_" + out
    }

    /// Lower-case ASCII letters and digits joined by single dashes, at most 60 characters; `fallback` when empty.
    static func slug(_ text: String, fallback: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out += "-"
            }
        }
        out = String(out.prefix(60))
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? fallback : out
    }
}
