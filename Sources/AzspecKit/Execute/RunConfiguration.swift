/// Everything a run needs besides the specs themselves.
public struct RunConfiguration: Sendable {
    /// Environment variables `{{env.NAME}}` reads (the process environment, with the emulator's on top under `--emulator`).
    public var environment: [String: String]
    /// Where `{{cloud.login}}` and `{{cloud.arm}}` point when `--cloud` or `--emulator` says so; otherwise each
    /// suite's cloud comes from the environment or its azspec.yaml (see ``SuitePlan``).
    public var cloud: CloudEndpoints?
    /// Seconds a request may take when its spec sets no `timeout`.
    public var defaultTimeout: Double
    /// How many spec files run at the same time (tests inside a file always run in order).
    public var jobs: Int
    /// `--fail-fast`: after the first failed or errored test, no new test starts but cleanups (`always: true`).
    public var failFast = false
    /// Whether each test keeps a record of every request it sent (method, URL, status, time, attempt): only the JSON
    /// and HTML reports show them, and a run of many thousands of tests need not hold them otherwise.
    public var recordsRequests = true
    /// `--emulator`: every request goes to loopback (the emulator); one to any other host is refused, at validation
    /// where the URL is known then and before sending otherwise.
    public var offline = false

    public init(environment: [String: String], cloud: CloudEndpoints?, defaultTimeout: Double = 30, jobs: Int = 4) {
        self.environment = environment
        self.cloud = cloud
        self.defaultTimeout = defaultTimeout
        self.jobs = max(1, jobs)
    }
}
