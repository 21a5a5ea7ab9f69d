import AzspecCore
import Foundation

/// A regular expression compiled once when the spec is loaded. `matches` searches (anchor with `^…$`).
struct CompiledRegex: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to share between threads.
    let pattern: String
    let expression: NSRegularExpression

    init(_ pattern: String) throws {
        self.pattern = pattern
        self.expression = try NSRegularExpression(pattern: pattern)
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
