import Foundation

/// Runs loaded suites over one shared transport: suites side by side (up to `jobs`), tests in order.
public final class Runner: Sendable {
    public let configuration: RunConfiguration
    public let secrets: SecretStore
    /// Warnings raised during the run, for the closing output.
    public let warnings = RunWarnings()
    private let observer: (any RunObserver)?
    private let verbose: Bool
    private let progress: RunProgress
    private let plans: [SuitePlan]
    /// Tokens by identity and audience, shared by every suite.
    let tokens = TokenCache()
    /// Raised by the first interrupt: suites then run only their `always` tests.
    let stop = StopSignal()
    private let run = RunValues()
    private let limiters = RateLimiters()

    init(
        plans: [SuitePlan], configuration: RunConfiguration, secrets: SecretStore, observer: (any RunObserver)?,
        verbose: Bool = false
    ) {
        self.configuration = configuration
        self.secrets = secrets
        self.observer = observer
        self.verbose = verbose
        self.plans = plans
        self.progress = RunProgress(suites: plans.map(\.suite), startedAt: Date())
    }

    /// How many tokens identities acquired during the run.
    public var tokensAcquired: Int { get async { await tokens.acquisitions } }

    public var suites: [SuiteSpec] { progress.suites }

    /// Runs every suite and returns the report. Cancelling the task stops after the tests under way.
    public func run(over transport: HTTPTransport) async -> RunReport {
        await run(sending: transport)
    }

    /// Runs every suite over any transport (a stand-in in tests).
    func run(sending transport: any HTTPSending) async -> RunReport {
        let started = ContinuousClock.now
        let indices = Array(progress.suites.indices)
        let context = RunContext(
            configuration: configuration, transport: transport, secrets: secrets, warnings: warnings, tokens: tokens, verbose: verbose,
            run: run, stop: stop, limiters: limiters)
        var reports = [SuiteReport?](repeating: nil, count: indices.count)
        let executors = transport.suiteExecutors
        await withTaskGroup(of: (Int, SuiteReport).self) { group in
            var next = 0
            func startNext() {
                guard next < indices.count else { return }
                let index = indices[next]
                next += 1
                let runner = SuiteRunner(plan: plans[index], suiteIndex: index, context: context, progress: progress, observer: observer)
                let executor: EventLoopExecutor? = executors.isEmpty ? nil : executors[index % executors.count]
                group.addTask(executorPreference: executor) { (index, await runner.run()) }
            }
            for _ in 0..<min(configuration.jobs, indices.count) { startNext() }
            while let (index, report) = await group.next() {
                reports[index] = report
                progress.finish(report, suite: index)
                observer?.suiteFinished(report, suiteIndex: index)
                startNext()
            }
        }
        if Task.isCancelled { return snapshot(reason: "the run was interrupted before this test ran") }
        return RunReport(
            suites: reports.compactMap { $0 }, startedAt: progress.startedAt, duration: (ContinuousClock.now - started).seconds)
    }

    /// The first interrupt: tests under way finish, the rest are skipped but for `always` ones (cleanups), then the
    /// report is written as usual.
    public func interrupt(_ signal: String) {
        stop.raise("the run was interrupted (\(signal)) before this test ran", interrupted: true)
    }

    public var wasInterrupted: Bool { stop.interrupted }

    /// The run so far, unfinished tests reported as skipped with `reason` (for SIGINT/SIGTERM).
    public func snapshot(reason: String) -> RunReport {
        progress.snapshot(reason: reason)
    }
}
