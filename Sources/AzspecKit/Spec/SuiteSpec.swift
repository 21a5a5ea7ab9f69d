public import AzspecCore
import JSONPath

/// One spec file: a named suite of tests that run in order and share variables and captures.
public struct SuiteSpec: Sendable {
    public let name: String
    /// The file as given (relative path where possible).
    public let file: String
    let location: SourceLocation
    /// Suite variables in declaration order; each may use the environment, the cloud and earlier variables.
    let variables: [(name: String, value: Template)]
    /// Identities declared by the suite itself (they take precedence over azspec.yaml's).
    let identities: [IdentitySpec]
    /// The identity the suite's tests use unless they say otherwise.
    let identity: IdentityChoice
    public let tests: [TestSpec]
    /// The suite's retry policy (over azspec.yaml's).
    var retry: RetryPolicy? = nil
    /// `tags:`, which every test of the suite carries too (for `--tag` and `--skip-tag`).
    public var tags: [String] = []

    /// The same suite running only `tests` (a selection or a shard of its own tests, in their order).
    func running(_ tests: [TestSpec]) -> SuiteSpec {
        SuiteSpec(
            name: name, file: file, location: location, variables: variables, identities: identities, identity: identity, tests: tests,
            retry: retry, tags: tags)
    }
}

/// One test: a request, what its response must look like, and what to keep from it for later tests.
public struct TestSpec: Sendable {
    public let name: String
    public let location: SourceLocation
    /// Nil for a test that only checks an identity's token (`expect.token`) or its permissions.
    let request: RequestSpec?
    /// A declared permission check (instead of a request).
    var permissions: PermissionCheckSpec? = nil
    /// The test's retry policy (over the suite's).
    var retry: RetryPolicy? = nil
    /// Runs even after an interrupt (a cleanup): `always: true`.
    var always = false
    /// The resource the identity's token is for, over the identity's own `resource`.
    var resource: String? = nil
    /// Nil means the suite's choice.
    let identity: IdentityChoice?
    let expect: ExpectSpec
    let captures: [CaptureSpec]
    /// When set, the test is reported as skipped with this reason and nothing is sent.
    let skip: String?
    /// The test's own `tags:` (its suite's come on top: see ``SuiteSpec/tags``).
    public var tags: [String] = []
}

/// The HTTP request of a test, with templates still unresolved.
struct RequestSpec: Sendable {
    var method: String
    var url: Template
    var query: [(name: String, value: Template)]
    var headers: [(name: String, value: Template)]
    var body: BodySpec?
    /// Seconds; nil means the run's default.
    var timeout: Double?
    /// Follow `nextLink` up to this many pages and assert on the joined `value` (nil: one page).
    var paginate: Int? = nil
    /// Follow a long-running operation to its end, for at most this many seconds (nil: do not poll).
    var poll: Double? = nil
}

/// A request body: a form (`application/x-www-form-urlencoded`), a JSON document, or raw text.
enum BodySpec: Sendable {
    case form([(name: String, value: Template)])
    case json(JSONTemplate)
    case raw(Template)
}

/// A JSON document whose strings may hold placeholders.
indirect enum JSONTemplate: Sendable {
    case value(JSONValue)
    case string(Template)
    case array([JSONTemplate])
    case object([(String, JSONTemplate)])
}

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

/// Something kept from a response for later tests: `name: $.path` or `name: { header: Name }`.
struct CaptureSpec: Sendable {
    enum Source: Sendable {
        case json(JSONPathQuery)
        case header(String)
    }
    let name: String
    let source: Source
    /// Captured values marked secret (or taken from a token field) are redacted everywhere.
    let secret: Bool
    let location: SourceLocation
}
