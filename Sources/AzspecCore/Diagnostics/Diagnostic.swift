/// A place in a spec or configuration file: 1-based line and column, as YAML marks give them (line 0: the file as
/// a whole, for what has no line, such as a configuration built in code).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The file as a whole.
    public static func whole(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// `file:line:column`, the form editors and CI annotations understand (`file` alone for the whole file).
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

    /// By file, then position; the whole file sorts after every line of it.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line == 0 ? Int.max : a.line, a.column) < (b.file, b.line == 0 ? Int.max : b.line, b.column)
    }
}

/// One problem found in a spec file, tied to where it is.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad a problem is. Errors stop a file from running; warnings are printed and the run goes on.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:column: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects every problem in a file so that all of them are reported, not only the first.
public struct DiagnosticCollector: Sendable {
    public init() {}

    public private(set) var diagnostics: [Diagnostic] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    public mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}

/// Suggests the closest known word for a misspelt one ("did you mean …?").
public enum Suggestion {
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            guard distance <= limit(for: candidate) else { continue }
            if let current = best, current.1 <= distance { continue }
            best = (candidate, distance)
        }
        return best?.0
    }

    /// How many edits away from `candidate` a word may be and still be taken for it: a third of its length, 1 to 3.
    public static func limit(for candidate: String) -> Int { max(1, min(3, candidate.count / 3)) }

    /// ` (did you mean 'x'?)` or an empty string.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
