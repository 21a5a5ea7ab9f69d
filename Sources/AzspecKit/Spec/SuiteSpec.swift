import AzspecCore
import JSONPath

/// One spec file: a named suite of tests that run in order and share variables and captures.
public struct SuiteSpec: Sendable {
    public let name: String
    /// The file as given (relative path where possible).
    public let file: String
    let location: SourceLocation
    /// Suite variables in declaration order; each may use the environment, the cloud and earlier variables. A
    /// scalar is text (or, when it is one placeholder, that value); a list or mapping is JSON (for `forEach`).
    let variables: [(name: String, value: JSONTemplate)]
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
