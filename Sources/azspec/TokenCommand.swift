import ArgumentParser
import AzspecEmulator
import AzspecKit
import Foundation

extension Azspec {
    /// `azspec token --identity NAME [--resource R]`: an identity's token, decoded, for writing claim assertions.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Get an identity's token and print its decoded header and claims (never the token or its signature).",
            discussion: "Exit codes: 0 printed, 1 no token could be had, 2 usage, 3 could not start.")

        @Option(help: "The identity (from azspec.yaml, or 'environment').")
        var identity: String

        @Option(help: "The resource: graph, keyVault, storage or an https:// audience (default: the identity's, else Resource Manager).")
        var resource: String?

        @Option(help: "The folder whose azspec.yaml (there or above) declares the identity.")
        var specs = "specs"

        @OptionGroup var emulatorOptions: EmulatorOptions

        @Option(help: "Use this cloud: AzureCloud, AzureChinaCloud or AzureUSGovernment.")
        var cloud: String?

        @Option(help: "Seconds a request may take.")
        var timeout: Double = 30

        func validate() throws {
            if let problem = RequestTimeout.problem(timeout) { throw ValidationError("--timeout: \(problem)") }
            if let cloud, KnownCloud.named(cloud) == nil {
                throw ValidationError("unknown cloud '\(cloud)': use \(KnownCloud.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let result: Result<String, PermissionSnapshot.Failure>
            if emulatorOptions.emulator {
                let configuration = try EmulatorSetup.configuration(path: emulatorOptions.emulatorConfig)
                result = try await Emulator.withRunning(configuration: configuration) { endpoint in
                    await inspect(
                        environment: EmulatorSetup.environment(overlay: endpoint.environment),
                        cloud: EmulatorSetup.cloud(at: endpoint.baseURL),
                        offline: true)
                }
            } else {
                result = await inspect(
                    environment: ProcessInfo.processInfo.environment, cloud: cloud.flatMap(KnownCloud.named)?.endpoints, offline: false)
            }
            switch result {
            case .failure(let failure):
                ConsoleOutput.err("error: \(failure)")
                throw ExitCode(failure.status.rawValue)
            case .success(let text): ConsoleOutput.out(text)
            }
        }

        private func inspect(
            environment: [String: String], cloud: CloudEndpoints?, offline: Bool
        ) async -> Result<String, PermissionSnapshot.Failure> {
            var configuration = RunConfiguration(environment: environment, cloud: cloud, defaultTimeout: timeout)
            configuration.offline = offline
            return await TokenInspection(
                identity: identity, resource: resource, folder: specs, configuration: configuration, tls: TLSOptions()
            )
            .inspect()
        }
    }
}
