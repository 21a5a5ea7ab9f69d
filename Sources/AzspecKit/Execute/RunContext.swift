import AzspecCore
import Synchronization

/// What every suite and test of one run shares: built once per run, passed down whole.
struct RunContext: Sendable {
    let configuration: RunConfiguration
    let transport: any HTTPSending
    let secrets: SecretStore
    let warnings: RunWarnings
    /// Tokens by identity and audience, shared by every suite.
    let tokens: TokenCache
    let verbose: Bool
    /// `{{run.…}}`: made once, the same for every suite.
    var run = RunValues()
    /// Set by the first SIGINT/SIGTERM or, with `--fail-fast`, the first failure: no new test starts but those marked
    /// `always` (cleanups).
    var stop = StopSignal()
    /// ARM's token buckets as the run sees them, shared by every suite.
    var limiters = RateLimiters()
    /// Spec lines shown under failures: each file read once per run, not once per failing test.
    var excerpts = SourceExcerpts()
    /// Role definitions and deny-assignment lists, read once per identity and URL by all the run's permission checks.
    var authorizationReads = AuthorizationReads()
    /// Where each token came from, worked out once per token rather than once per test.
    var provenances = TokenProvenances()
}
