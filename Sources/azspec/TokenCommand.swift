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

        @OptionGroup var identityOptions: IdentityOptions

        @Option(help: "The resource: graph, keyVault, storage or an https:// audience (default: the identity's, else Resource Manager).")
        var resource: String?

        @OptionGroup var emulatorOptions: EmulatorOptions

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
                    environment: ProcessInfo.processInfo.environment, cloud: identityOptions.knownCloud, offline: false)
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
            var configuration = identityOptions.configuration(environment: environment, cloud: cloud)
            configuration.offline = offline
            return await TokenInspection(
                identity: identityOptions.identity, resource: resource, folder: identityOptions.specs, configuration: configuration,
                tls: TLSOptions()
            )
            .inspect()
        }
    }
}
