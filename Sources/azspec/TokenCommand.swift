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
            let result = try await identityOptions.withConfiguration(emulatorOptions) { configuration in
                await TokenInspection(
                    identity: identityOptions.identity, resource: resource, folder: identityOptions.specs, configuration: configuration,
                    tls: TLSOptions()
                )
                .inspect()
            }
            switch result {
            case .failure(let failure):
                ConsoleOutput.err("error: \(failure)")
                throw ExitCode(failure.status.rawValue)
            case .success(let text): ConsoleOutput.out(text)
            }
        }
    }
}
