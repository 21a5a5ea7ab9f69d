/// An RBAC action string such as `*/read` or `Microsoft.Authorization/*/Write`, matched the way ARM does:
/// case-insensitively, with `*` standing for any run of characters including `/` (azure-protocol.md §6).
public struct ActionPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    /// The lower-cased text between the wildcards.
    private let parts: [[UInt8]]

    public init(_ pattern: String) {
        text = pattern
        parts = pattern.lowercased().split(separator: "*", omittingEmptySubsequences: false).map { Array($0.utf8) }
    }

    public var description: String { text }

    /// True when the pattern holds a `*`.
    public var isWildcard: Bool { parts.count > 1 }

    /// True when `action` matches.
    public func matches(_ action: RBACAction) -> Bool {
        matches(lowercased: action.lowercased)
    }

    /// True when `action` (already lower-cased) matches.
    public func matches(lowercased action: [UInt8]) -> Bool {
        guard parts.count > 1 else { return action == parts[0] }
        guard let first = parts.first, let last = parts.last, action.count >= first.count + last.count,
            action.starts(with: first), action.suffix(last.count).elementsEqual(last)
        else { return false }
        var position = first.count
        let end = action.count - last.count
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = Self.find(part, in: action, from: position, to: end) else { return false }
            position = found + part.count
        }
        return true
    }

    /// Equal text, ignoring case (how `exactly` compares what a role grants with what a spec allows).
    public func isSame(as other: ActionPattern) -> Bool {
        text.lowercased() == other.text.lowercased()
    }

    public static func == (a: ActionPattern, b: ActionPattern) -> Bool { a.isSame(as: b) }
    public func hash(into hasher: inout Hasher) { hasher.combine(text.lowercased()) }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, to end: Int) -> Int? {
        guard end - start >= needle.count else { return nil }
        for index in start...(end - needle.count) where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}

/// An operation ARM authorizes, e.g. `Microsoft.Resources/subscriptions/resourcegroups/write`: a control-plane
/// action or a data action (data actions are granted only by `dataActions`).
public struct RBACAction: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let isData: Bool
    public let lowercased: [UInt8]

    public init(_ name: String, isData: Bool = false) {
        self.name = name
        self.isData = isData
        lowercased = Array(name.lowercased().utf8)
    }

    public var description: String { name }

    /// Why `text` is not an action: it must read `Provider.Namespace/resourceType[/…]/verb`, e.g.
    /// `Microsoft.Storage/storageAccounts/read` (a `*` is allowed where `wildcards` says so).
    public static func shapeProblem(_ text: String, wildcards: Bool) -> String? {
        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        let example = "such as Microsoft.Storage/storageAccounts/read"
        if text.contains(where: { $0.isWhitespace || $0.isNewline }) { return "'\(text)' holds a space; an action reads \(example)" }
        if !wildcards, text.contains("*") {
            return "'\(text)' is a wildcard; name the actions themselves (\(example))"
        }
        if text.filter({ $0 == "*" }).count > 1 { return "'\(text)' has more than one wildcard, which Azure refuses" }
        if text == "*" { return nil }
        guard segments.count >= 2, segments.allSatisfy({ !$0.isEmpty }) else {
            return "'\(text)' is not an action; an action reads Provider/resourceType/…/verb, \(example)"
        }
        let provider = segments[0]
        guard provider == "*" || provider.contains("."), provider.first != ".", provider.last != "." else {
            return "'\(text)' does not start with a resource provider namespace (Microsoft.Storage, …); \(example)"
        }
        return nil
    }
}
