import ArgumentParser
import AzspecEmulator
import AzspecKit
import Foundation

extension Azspec {
    /// `azspec run`: run specs and write a JUnit report.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run spec files and write a JUnit XML report.",
            discussion:
                "Exit codes: 0 all passed, 1 a test failed or errored, 2 invalid spec or usage (nothing sent), 3 the run could not start, 130 interrupted."
        )

        @OptionGroup var specs: SpecPathOptions
        @OptionGroup var emulatorOptions: EmulatorOptions

        @Option(help: "Where to write the JUnit XML report.")
        var junit = "reports/junit.xml"

        @Flag(name: .customLong("junit-strict"), help: "Write the strict Ant form (validates against the Ant JUnit schema).")
        var junitStrict = false

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
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            if let problem = RunConfiguration.timeoutProblem(timeout) { throw ValidationError("--timeout: \(problem)") }
            if let cloud, KnownCloud.named(cloud) == nil {
                throw ValidationError("unknown cloud '\(cloud)': use \(KnownCloud.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if cloud != nil, emulatorOptions.emulator { throw ValidationError("--cloud and --emulator cannot be combined") }
        }

        func run() async throws {
            let status: ExitStatus
            if emulatorOptions.emulator {
                let configuration = try EmulatorSetup.configuration(path: emulatorOptions.emulatorConfig)
                do {
                    let tls = emulatorOptions.emulatorTLS ? try EmulatorTLS.generate() : nil
                    status = try await Emulator.withRunning(configuration: configuration, tls: tls) { endpoint in
                        ConsoleOutput.err("emulator: Entra ID and ARM at \(endpoint.baseURL)")
                        let environment = EmulatorSetup.environment(overlay: endpoint.environment)
                        let cloud = CloudEndpoints(login: endpoint.baseURL, arm: endpoint.baseURL)
                        return await execute(environment: environment, cloud: cloud, trusting: endpoint.caCertificatePEM)
                    }
                } catch {
                    ConsoleOutput.err("error: the emulator could not start: \(error)")
                    throw ExitCode(ExitStatus.cannotStart.rawValue)
                }
            } else {
                let environment = ProcessInfo.processInfo.environment
                status = await execute(environment: environment, cloud: cloud.flatMap(KnownCloud.named)?.endpoints)
            }
            if status != .success { throw ExitCode(status.rawValue) }
        }

        private func execute(environment: [String: String], cloud: CloudEndpoints?, trusting emulatorCA: String? = nil) async -> ExitStatus
        {
            let options = SpecRun.Options(
                paths: specs.paths, junitPath: junit, junitStyle: junitStrict ? .antStrict : .jenkins, verbose: verbose,
                configuration: RunConfiguration(environment: environment, cloud: cloud, defaultTimeout: timeout, jobs: jobs),
                style: .detect(environment: environment),
                tls: TLSOptions(
                    verifyCertificates: !insecure, additionalRoots: caCert, additionalRootPEMs: emulatorCA.map { [$0] } ?? []))
            return await SpecRun(options: options).execute()
        }
    }
}
