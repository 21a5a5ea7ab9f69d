/// An RBAC action string such as `*/read` or `Microsoft.Authorization/*/Write`, matched the way ARM does:
/// case-insensitively, with `*` standing for any run of characters including `/`.
struct ActionPattern: Sendable {
    /// The lower-cased text between the wildcards.
    private let parts: [[UInt8]]

    init(_ pattern: String) {
        parts = pattern.lowercased().split(separator: "*", omittingEmptySubsequences: false).map { Array($0.utf8) }
    }

    /// True when `action` (already lower-cased) matches.
    func matches(lowercased action: [UInt8]) -> Bool {
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

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, to end: Int) -> Int? {
        guard end - start >= needle.count else { return nil }
        for index in start...(end - needle.count) where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
