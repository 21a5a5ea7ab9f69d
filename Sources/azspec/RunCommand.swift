import ArgumentParser
import AzspecCore
import AzspecEmulator
import AzspecKit
import Foundation

extension Azspec {
    /// `azspec run`: run specs and write the reports.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run spec files and write a JUnit XML report (and any other --report).",
            discussion:
                "Exit codes: 0 all passed, 1 a test failed or errored, 2 invalid spec, selection or usage (nothing sent), 3 the run could not start, 130 interrupted."
        )

        @OptionGroup var specs: SpecPathOptions
        @OptionGroup var emulatorOptions: EmulatorOptions
        @OptionGroup var selection: SelectionOptions

        @OptionGroup var junit: JUnitOptions

        @Option(
            name: .customLong("report"),
            help: ArgumentHelp(
                "Also write KIND[=PATH]: json, html, tap (tap=- for standard output), github, azure-pipelines (repeatable).",
                valueName: "kind[=path]"))
        var reports: [String] = []

        @Option(
            name: .customLong("shard"),
            help: ArgumentHelp("Run only part INDEX of COUNT of the spec files (a CI matrix).", valueName: "index/count"))
        var shard: String?

        @Flag(
            name: .customLong("rerun-failed"),
            help: "Run only the tests that failed or errored in the last JSON report (with the tests they need).")
        var rerunFailed = false

        @Option(
            name: .customLong("rerun-report"),
            help: ArgumentHelp("The JSON report --rerun-failed reads (default reports/azspec.json).", valueName: "path"))
        var rerunReport: String?

        @Flag(
            help: "After the run, rerun the spec files that change (all of them when azspec.yaml or a JSON file does); Ctrl-C ends.")
        var watch = false

        @Flag(name: .customLong("fail-fast"), help: "After the first failure, start no new test (cleanups still run).")
        var failFast = false

        @Flag(name: .customLong("dry-run"), help: "Print each request as a redacted curl command; send nothing, write no report.")
        var dryRun = false

        @Flag(name: .shortAndLong, help: "Print every request and response (secrets redacted).")
        var verbose = false

        @Option(help: "How many spec files run at the same time.")
        var jobs = 4

        @Option(help: "Seconds a request may take when its spec sets no timeout.")
        var timeout: Double = 30

        @Option(help: "Run against this cloud: AzureCloud, AzureChinaCloud or AzureUSGovernment.")
        var cloud: String?

        @Option(name: .customLong("ca-cert"), help: "Also trust the root certificates in this PEM file (repeatable).")
        var caCert: [String] = []

        @Flag(help: "Do not verify TLS certificates (prints a warning; for test servers only).")
        var insecure = false

        func validate() throws {
            guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 256, not \(jobs)") }
            if let problem = RequestTimeout.problem(timeout) { throw ValidationError("--timeout: \(problem)") }
            if let cloud, KnownCloud.named(cloud) == nil {
                throw ValidationError("unknown cloud '\(cloud)': use \(KnownCloud.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if cloud != nil, emulatorOptions.emulator { throw ValidationError("--cloud and --emulator cannot be combined") }
            if watch, dryRun || rerunFailed || shard != nil {
                throw ValidationError("--watch reruns what changes; it takes no --dry-run, --rerun-failed or --shard")
            }
            _ = try parsedShard()
            _ = try targets()
        }

        func run() async throws {
            try specs.requireExisting()
            var chosenFailures: FailedTests?
            if rerunFailed {
                let path = rerunReport ?? "reports/azspec.json"
                let failed: FailedTests
                do {
                    failed = try FailedTests(report: path)
                } catch {
                    ConsoleOutput.err("error: \(error)")
                    throw ExitCode(ExitStatus.invalidInput.rawValue)
                }
                guard !failed.names.isEmpty else {
                    ConsoleOutput.err("--rerun-failed: no test failed or errored in \(path); nothing to run")
                    return
                }
                let shown = failed.names.prefix(10).joined(separator: "\n  ")
                ConsoleOutput.err(
                    "--rerun-failed: \(failed.names.count) failed or errored in \(path):\n  \(shown)\(failed.names.count > 10 ? "\n  …" : "")"
                )
                chosenFailures = failed
            }
            let failures = chosenFailures
            let status: ExitStatus
            if emulatorOptions.emulator {
                let configuration = try EmulatorSetup.configuration(path: emulatorOptions.emulatorConfig)
                do {
                    let tls = emulatorOptions.emulatorTLS ? try EmulatorTLS.generate() : nil
                    status = try await Emulator.withRunning(configuration: configuration, tls: tls) { endpoint in
                        ConsoleOutput.err("emulator: Entra ID and ARM at \(endpoint.baseURL)")
                        let environment = EmulatorSetup.environment(overlay: endpoint.environment)
                        let cloud = EmulatorSetup.cloud(at: endpoint.baseURL)
                        return await watching { paths in
                            await execute(
                                environment: environment, cloud: cloud, trusting: endpoint.caCertificatePEM, failed: failures,
                                paths: paths)
                        }
                    }
                } catch {
                    ConsoleOutput.err("error: the emulator could not start: \(error)")
                    throw ExitCode(ExitStatus.cannotStart.rawValue)
                }
            } else {
                let environment = ProcessInfo.processInfo.environment
                let endpoints = cloud.flatMap(KnownCloud.named)?.endpoints
                status = await watching { paths in
                    await execute(environment: environment, cloud: endpoints, failed: failures, paths: paths)
                }
            }
            if status != .success { throw ExitCode(status.rawValue) }
        }

        private func parsedShard() throws -> Shard? {
            guard let shard else { return nil }
            do {
                return try Shard(parsing: shard)
            } catch {
                throw ValidationError(error.description)
            }
        }

        private func targets() throws -> [ReportTarget] {
            do {
                return try reports.map { text throws(ReportTargetError) in try ReportTarget(parsing: text) }
            } catch {
                throw ValidationError(error.description)
            }
        }

        /// `run` once; with `--watch`, again for each change until Ctrl-C (which ends with the last run's status).
        private func watching(_ run: @Sendable ([String]) async -> ExitStatus) async -> ExitStatus {
            var status = await run(specs.paths)
            guard watch else { return status }
            let watcher = SpecWatch(paths: specs.paths)
            var snapshot = watcher.snapshot()
            while true {
                ConsoleOutput.err("watch: waiting for changes to \(specs.paths.joined(separator: ", ")) (Ctrl-C ends)")
                // While waiting, Ctrl-C ends the watch with the last run's status (a run under way has its own trap).
                let ended = status
                let trap = InterruptTrap { _ in
                    ConsoleOutput.err("watch: stopped")
                    Foundation.exit(ended.rawValue)
                }
                var changed: [String] = []
                while changed.isEmpty {
                    try? await Task.sleep(for: .milliseconds(500))
                    guard !SpecWatch.changes(from: snapshot, to: watcher.snapshot()).isEmpty else { continue }
                    // Let an editor finish writing (and saves in a row settle) before the rerun.
                    try? await Task.sleep(for: .milliseconds(300))
                    let now = watcher.snapshot()
                    changed = SpecWatch.changes(from: snapshot, to: now)
                    snapshot = now
                }
                trap.cancel()
                let rerun = watcher.rerun(for: changed, in: snapshot)
                ConsoleOutput.err("\n── watch: \(changed.joined(separator: ", ")) changed; running \(rerun.joined(separator: ", ")) ──")
                status = await run(rerun)
            }
        }

        private func execute(
            environment: [String: String], cloud: CloudEndpoints?, trusting emulatorCA: String? = nil, failed: FailedTests?,
            paths: [String]
        ) async -> ExitStatus {
            var selection = (try? self.selection.selection()) ?? TestSelection()
            selection.failed = failed
            let process = ProcessInfo.processInfo.environment
            var targets = (try? targets()) ?? []
            targets += ReportSet.automaticTargets(environment: process, given: targets)
            var configuration = RunConfiguration(environment: environment, cloud: cloud, defaultTimeout: timeout, jobs: jobs)
            configuration.failFast = failFast
            configuration.offline = emulatorOptions.emulator
            let options = SpecRun.Options(
                paths: paths,
                reports: ReportSet(
                    junitPath: junit.junit, junitStyle: junit.style, targets: targets,
                    stepSummaryPath: process["GITHUB_STEP_SUMMARY"]),
                verbose: verbose, configuration: configuration, style: .detect(environment: environment),
                tls: TLSOptions(verifyCertificates: !insecure, additionalRoots: caCert, additionalRootPEMs: emulatorCA.map { [$0] } ?? []),
                selection: selection, shard: try? parsedShard(), exclude: self.selection.exclude,
                notSpecs: emulatorOptions.emulatorConfig.map { [$0] } ?? [], dryRun: dryRun)
            return await SpecRun(options: options).execute()
        }
    }
}
