import AzspecCore
import JSONPath

/// What the response must look like.
struct ExpectSpec: Sendable {
    var status: StatusExpectation?
    var headers: [HeaderExpectation] = []
    var json: [JSONExpectation] = []
    var body: Matcher?
    var bodyLocation: SourceLocation?
    /// Claims of the identity's token (decoded, not verified) → matchers.
    var token: [ClaimMatcher] = []
    /// With `poll`: what the first response's status must be (`202`, `2xx`…); the rest checks the final result.
    var initialStatus: StatusExpectation?
    /// `denied: true`: ARM refused the request for want of permission (403 `AuthorizationFailed` or
    /// `LinkedAuthorizationFailed`); where it was written.
    var denied: SourceLocation?
    /// `time: { lt: 800ms }`: bounds on the response's own time.
    var time: TimeExpectation?
}

/// Bounds on how long the asserted response took: from its request being sent to the last byte of its body, that
/// attempt alone (earlier attempts, waits between retries, waits for the rate limit and a poll's earlier answers do
/// not count).
struct TimeExpectation: Sendable {
    let bounds: [(comparison: Comparison, seconds: Double)]
    let location: SourceLocation

    /// The bounds `seconds` breaks, as `less than 800 ms`.
    func broken(by seconds: Double) -> [String] {
        bounds.filter { !$0.comparison.holds(seconds, $0.seconds) }.map { bound in
            let words = ["lt": "less than", "le": "at most", "gt": "more than", "ge": "at least"][bound.comparison.rawValue] ?? ""
            return "\(words) \(DurationText.describe(bound.seconds))"
        }
    }

    var summary: String {
        bounds.map { "\($0.comparison.symbol) \(DurationText.describe($0.seconds))" }.joined(separator: " and ")
    }
}

extension ExpectSpec {
    /// Whether a `json:` expectation requires this literal ARM error code (`$.error.code: MissingApiVersionParameter`).
    func expectsErrorCode(_ code: String) -> Bool {
        json.contains { expectation in
            switch expectation.matcher {
            case .equals(.value(.string(let value))): value == code
            case .equals(.string(let template)): template.references.isEmpty && template.source == code
            default: false
            }
        }
    }
}

/// `status: 200`, `status: [200, 201]` or `status: 2xx`.
struct StatusExpectation: Sendable, CustomStringConvertible {
    enum Allowed: Sendable, Hashable {
        case code(Int)
        case classOf(Int)  // 2 for 2xx
    }
    let allowed: [Allowed]
    let location: SourceLocation
    /// `status: { not: 2xx }`: any status but these.
    var negated = false

    func accepts(_ status: Int) -> Bool {
        negated
            != allowed.contains { allowed in
                switch allowed {
                case .code(let code): code == status
                case .classOf(let hundreds): status / 100 == hundreds
                }
            }
    }

    var description: String {
        let texts = allowed.map { allowed -> String in
            switch allowed {
            case .code(let code): String(code)
            case .classOf(let hundreds): "\(hundreds)xx"
            }
        }
        let listed = texts.count == 1 ? texts[0] : "one of " + texts.joined(separator: ", ")
        return negated ? "not " + listed : listed
    }
}

/// A header that must (or must not) be there, matched case-insensitively by name.
struct HeaderExpectation: Sendable {
    let name: String
    let matcher: Matcher
    let location: SourceLocation
}

/// A JSONPath into the response body and the matcher its result must satisfy.
struct JSONExpectation: Sendable {
    let path: JSONPathQuery
    let matcher: Matcher
    let location: SourceLocation
}
