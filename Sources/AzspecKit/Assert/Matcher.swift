import AzspecCore
import Foundation

/// A check on a JSON value (or on the list of values a JSONPath selected), compiled once at load.
///
/// In a spec a bare value means `equals`; a mapping of matcher names combines them (all must hold):
/// `{ type: string, matches: "^rg-" }`.
indirect enum Matcher: Sendable {
    case equals(JSONTemplate)
    case notEquals(JSONTemplate)
    case exists(Bool)
    case type(JSONKind)
    case contains(JSONTemplate)
    case matches(CompiledRegex)
    case compare(Comparison, JSONValue)
    case length(Matcher)
    case oneOf([JSONTemplate])
    case not(Matcher)
    case each(Matcher)
    /// An object with all these members (`has: location`, `has: [location, tags]`).
    case has([String])
    /// An array with the same elements in any order (counted: `[a, a]` is not `[a]`).
    case unordered(JSONTemplate)
    /// A string holding a JWT (optionally after `Bearer `) whose decoded, unverified claims satisfy these matchers.
    case jwt([ClaimMatcher])
    case all([Matcher])

    /// The matcher names a spec may use, for "did you mean …?".
    static let names = MatcherName.allCases.map(\.rawValue)

    /// Whether the matcher can hold when the path selects nothing.
    var acceptsMissing: Bool {
        switch self {
        case .exists(let expected): !expected
        case .not(let inner): !inner.acceptsMissing
        case .all(let matchers): matchers.allSatisfy(\.acceptsMissing)
        default: false
        }
    }
}

/// One claim of a decoded JWT and the matcher it must satisfy (`expect.token` and the `jwt` matcher).
struct ClaimMatcher: Sendable {
    let claim: String
    let matcher: Matcher
}

/// `lt`, `le`, `gt`, `ge`.
enum Comparison: String, Sendable {
    case lt, le, gt, ge

    var symbol: String {
        switch self {
        case .lt: "<"
        case .le: "<="
        case .gt: ">"
        case .ge: ">="
        }
    }

    func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .lt: lhs < rhs
        case .le: lhs <= rhs
        case .gt: lhs > rhs
        case .ge: lhs >= rhs
        }
    }
}

/// The JSON types `type:` can name. `integer` is a number with no fractional part.
enum JSONKind: String, Sendable, CaseIterable {
    case string, number, integer, boolean, array, object, null

    func describes(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.number, .number), (.boolean, .bool), (.array, .array), (.object, .object),
            (.null, .null):
            true
        case (.integer, .number): value.isInteger
        default: false
        }
    }
}

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
