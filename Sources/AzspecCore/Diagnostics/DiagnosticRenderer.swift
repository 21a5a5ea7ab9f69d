/// Prints diagnostics the way rustc and Hurl do: `file:line:column: error: message`, then the offending source line
/// with a caret under what it points at. Files are read once each (bounded, regular files only); a location whose
/// file cannot be read, or that has no line, is printed without the excerpt.
public struct DiagnosticRenderer {
    private var files: [String: [Substring]?] = [:]
    private let kind: InputFile.Kind
    /// Whether line `index` (0-based) of a file's `lines` must not be shown (it may hold a secret).
    private let hides: @Sendable (_ lines: [Substring], _ index: Int) -> Bool

    public init(
        kind: InputFile.Kind = .spec, hiding hides: @escaping @Sendable (_ lines: [Substring], _ index: Int) -> Bool = { _, _ in false }
    ) {
        self.kind = kind
        self.hides = hides
    }

    /// The diagnostic with its excerpt, as lines joined by `\n`.
    public mutating func render(_ diagnostic: Diagnostic) -> String {
        guard let excerpt = excerpt(at: diagnostic.location) else { return diagnostic.description }
        return diagnostic.description + "\n" + excerpt
    }

    /// The source line at `location` with a caret under it (three lines), or nil when there is none to show.
    public mutating func excerpt(at location: SourceLocation) -> String? {
        guard location.line > 0, let text = line(location.line, of: location.file) else { return nil }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        // Tabs keep their width under the caret; other characters become spaces.
        let prefix = text.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let width = Self.spanWidth(text.dropFirst(max(0, location.column - 1)))
        return [
            "\(gutter) |",
            "\(number) | \(text)",
            "\(gutter) | \(prefix)\(String(repeating: "^", count: width))",
        ].joined(separator: "\n")
    }

    /// How far the caret reaches: a quoted scalar whole, else up to a space or a YAML indicator.
    static func spanWidth(_ rest: Substring) -> Int {
        guard let first = rest.first else { return 1 }
        if first == "\"" || first == "'" {
            if let close = rest.dropFirst().firstIndex(of: first) { return rest.distance(from: rest.startIndex, to: close) + 1 }
            return max(1, rest.count)
        }
        let stop: Set<Character> = [" ", "\t", ":", ",", "]", "}", "#"]
        let width = rest.prefix { !stop.contains($0) }.count
        return max(1, min(width, 80))
    }

    private mutating func line(_ number: Int, of file: String) -> String? {
        if files[file] == nil {
            let bytes = try? InputFile.read(file, as: kind)
            files[file] = bytes.map { String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) }
        }
        guard let lines = files[file] ?? nil, number <= lines.count, !hides(lines, number - 1) else { return nil }
        let text = lines[number - 1]
        let trimmed = text.hasSuffix("\r") ? text.dropLast() : text
        // A very long line is cut: the excerpt shows where, not the whole line.
        return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : String(trimmed)
    }
}
