import AzspecCore

/// What differs between two arrays or two objects, said as missing and extra elements (or members) rather than as
/// two cut-off dumps: `missing "rg-b"; extra "rg-c"`, `member location: expected "westeurope", got "eastus"`.
enum JSONDiff {
    /// Nil when the values are not both arrays or both objects.
    static func describe(expected: JSONValue, actual: JSONValue, ignoringOrder: Bool = false) -> String? {
        switch (expected, actual) {
        case (.array(let want), .array(let got)):
            let (missing, extra) = differences(want, got)
            if missing.isEmpty && extra.isEmpty {
                return ignoringOrder ? nil : "the same \(Plural.count(got.count, "element")) in another order"
            }
            return parts(missing: missing, extra: extra)
        case (.object(let want), .object(let got)):
            var lines: [String] = []
            let missing = want.keys.filter { got[$0] == nil }
            let extra = got.keys.filter { want[$0] == nil }
            if !missing.isEmpty { lines.append("missing member\(missing.count == 1 ? "" : "s") \(list(missing))") }
            if !extra.isEmpty { lines.append("extra member\(extra.count == 1 ? "" : "s") \(list(extra))") }
            for (key, value) in want {
                guard let other = got[key], other != value else { continue }
                lines.append("member \(key): expected \(AzspecKit.describe(value)), got \(AzspecKit.describe(other))")
                if lines.count >= 12 { break }
            }
            return lines.isEmpty ? nil : lines.joined(separator: "; ")
        default:
            return nil
        }
    }

    /// The elements of `want` not in `got` and of `got` not in `want`, counted as multisets.
    static func differences(_ want: [JSONValue], _ got: [JSONValue]) -> (missing: [JSONValue], extra: [JSONValue]) {
        var remaining: [JSONValue: Int] = [:]
        for value in got { remaining[value, default: 0] += 1 }
        var missing: [JSONValue] = []
        for value in want {
            if let count = remaining[value], count > 0 {
                remaining[value] = count - 1
            } else {
                missing.append(value)
            }
        }
        var left = remaining
        var extra: [JSONValue] = []
        for value in got where (left[value] ?? 0) > 0 {
            extra.append(value)
            left[value, default: 0] -= 1
        }
        return (missing, extra)
    }

    private static func parts(missing: [JSONValue], extra: [JSONValue]) -> String {
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing \(values(missing))") }
        if !extra.isEmpty { parts.append("extra \(values(extra))") }
        return parts.joined(separator: "; ")
    }

    private static func values(_ values: [JSONValue]) -> String {
        let shown = values.prefix(10).map { AzspecKit.describe($0) }
        return shown.joined(separator: ", ") + (values.count > 10 ? " and \(values.count - 10) more" : "")
    }

    private static func list(_ keys: [String]) -> String {
        keys.prefix(10).map { "'\($0)'" }.joined(separator: ", ") + (keys.count > 10 ? " and \(keys.count - 10) more" : "")
    }
}
