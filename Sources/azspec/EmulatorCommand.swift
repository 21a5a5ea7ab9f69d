import ArgumentParser
import AzspecEmulator
import AzspecKit
import Foundation

extension Azspec {
    /// `azspec emulator`: serve the Entra ID + ARM emulator until interrupted.
    struct EmulatorCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "emulator", abstract: "Serve the local Entra ID + Azure Resource Manager emulator until interrupted.")

        @Option(help: "Port to listen on (0 picks a free one).")
        var port = 8400

        @Option(help: "Address to bind (loopback by default).")
        var host = "127.0.0.1"

        @Option(help: "Seed the emulator from this YAML file instead of the default.")
        var config: String?

        @Option(
            name: .customLong("env-file"),
            help: "Also write the variables that point specs at the emulator, secrets included, to this file (mode 600) as export lines.")
        var envFile: String?

        @OptionGroup var tlsOptions: EmulatorTLSOptions

        func run() async throws {
            let configuration = try EmulatorSetup.configuration(path: config)
            let tls = try EmulatorSetup.tls(tlsOptions)
            if let caOut = tlsOptions.caOut, let ca = tls?.caCertificatePEM {
                guard FileManager.default.createFile(atPath: caOut, contents: Data(ca.utf8)) else {
                    ConsoleOutput.err("error: cannot write the CA certificate to \(caOut)")
                    throw ExitCode(ExitStatus.cannotStart.rawValue)
                }
            }
            do {
                try await Emulator.serve(configuration: configuration, host: host, port: port, tls: tls) { endpoint in
                    if let envFile {
                        do {
                            try EmulatorSetup.writeEnvironmentFile(endpoint.environment, baseURL: endpoint.baseURL, to: envFile)
                        } catch {
                            ConsoleOutput.err("error: cannot write \(envFile): \(error)")
                        }
                    }
                    ConsoleOutput.out("azspec emulator: Entra ID and ARM at \(endpoint.baseURL)")
                    if let caOut = tlsOptions.caOut {
                        ConsoleOutput.out(
                            "Its certificate is signed by the CA in \(caOut): azspec run --ca-cert \(caOut), REQUESTS_CA_BUNDLE=\(caOut) for Python"
                        )
                    }
                    ConsoleOutput.out("Point specs at it with:")
                    ConsoleOutput.out(
                        "  export AZURE_AUTHORITY_HOST=\(endpoint.baseURL) AZURE_RESOURCE_MANAGER_ENDPOINT=\(endpoint.baseURL) "
                            + "AZSPEC_GRAPH_ENDPOINT=\(endpoint.baseURL)")
                    for (name, value) in endpoint.environment.sorted(by: { $0.key < $1.key }) {
                        // Even the emulator's made-up secrets stay off the console; they are in its configuration.
                        let shown = SecretPolicy.isSecretVariable(name) ? "<see the emulator configuration>" : value
                        ConsoleOutput.out("  export \(name)=\(shown)")
                    }
                }
            } catch {
                ConsoleOutput.err("error: the emulator could not start: \(error)")
                throw ExitCode(ExitStatus.cannotStart.rawValue)
            }
        }
    }
}
