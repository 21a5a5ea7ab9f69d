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
    /// A value valid against a JSON Schema (draft 2020-12).
    case schema(SchemaMatcher)
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
