public import AzspecCore
import JSONPath

/// One test: a request, what its response must look like, and what to keep from it for later tests.
public struct TestSpec: Sendable {
    public var name: String
    public let location: SourceLocation
    /// Nil for a test that only checks an identity's token (`expect.token`) or its permissions.
    let request: RequestSpec?
    /// A declared permission check (instead of a request).
    var permissions: PermissionCheckSpec? = nil
    /// A check of a principal's credentials in Entra ID, instead of a request.
    var credentials: CredentialCheckSpec? = nil
    /// A check of what a principal may do in Entra ID, instead of a request.
    var entra: EntraCheckSpec? = nil
    /// Run once per item of a list.
    var forEach: ForEachSpec? = nil
    /// `--filter` named some of its repetitions, and its list now holds just those.
    var selectedRepetitions = false
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
