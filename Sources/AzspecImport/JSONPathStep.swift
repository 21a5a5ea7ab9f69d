/// One step of a JSON path: a member name or an array index.
enum JSONPathStep: Sendable, Equatable {
    case name(String)
    case index(Int)

    /// RFC 9535 text: `$`, then `.name` for plain names and `['na-me']` for others, `[0]` for indexes.
    static func text(_ steps: [JSONPathStep]) -> String {
        var out = "$"
        for step in steps {
            switch step {
            case .index(let index): out += "[\(index)]"
            case .name(let name) where isShorthand(name): out += "." + name
            case .name(let name): out += "['" + escaped(name) + "']"
            }
        }
        return out
    }

    private static func isShorthand(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }

    private static func escaped(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
