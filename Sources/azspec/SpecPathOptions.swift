import ArgumentParser
import AzspecCore
import AzspecEmulator
import AzspecKit
import Foundation

/// The spec files or folders a command works on.
struct SpecPathOptions: ParsableArguments {
    @Argument(help: "Spec files or folders (searched recursively for *.yaml and *.yml).")
    var paths: [String] = ["specs"]

    /// A path that does not exist is a usage error (a mistyped command or folder), before anything else.
    func requireExisting() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            if let problem = InputFile.absence(of: path), problem != "no such file or folder" {
                throw MissingPath(path: path, hint: "", problem: problem)
            }
            let known = ["run", "validate", "list", "snapshot", "emulator", "init", "schema", "merge-reports", "import"]
            let hint = path.contains("/") || path.contains(".") ? "" : Suggestion.hint(for: path, in: known)
            throw MissingPath(path: path, hint: hint)
        }
    }
}

/// A spec path that does not exist: exit 2 without a report (nothing ran, and the name may be a mistyped command).
struct MissingPath: Error, CustomStringConvertible {
    let path: String
    let hint: String
    var problem = "no such file or folder"
    var description: String {
        "error: \(problem): \(path)\(hint.replacingOccurrences(of: "did you mean", with: "did you mean the command"))"
    }
}

/// Options that point specs at the built-in emulator.
struct EmulatorOptions: ParsableArguments {
    @Flag(help: "Start the built-in Entra ID + ARM emulator on a free loopback port and point the specs at it.")
    var emulator = false

    @Option(name: .customLong("emulator-config"), help: "Seed the emulator from this YAML file instead of the default.")
    var emulatorConfig: String?

    @Flag(name: .customLong("emulator-tls"), help: "Serve the emulator over HTTPS with a generated certificate that the run trusts.")
    var emulatorTLS = false

    func validate() throws {
        if emulatorTLS && !emulator { throw ValidationError("--emulator-tls needs --emulator") }
        if emulatorConfig != nil && !emulator { throw ValidationError("--emulator-config needs --emulator") }
    }
}

/// How `azspec emulator` serves HTTPS.
struct EmulatorTLSOptions: ParsableArguments {
    @Flag(help: "Serve HTTPS with a certificate made at start (Azure's SDKs need https:// authorities).")
    var tls = false

    @Option(name: .customLong("tls-cert"), help: "Serve HTTPS with the certificate chain in this PEM file (with --tls-key).")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "The unencrypted PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(
        name: .customLong("ca-out"),
        help: "With --tls: write the CA that signed the generated certificate to this PEM file, for --ca-cert and SDK clients.")
    var caOut: String?

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if tls && tlsCert != nil { throw ValidationError("--tls makes a certificate; --tls-cert brings one: use one of them") }
        if caOut != nil && !tls { throw ValidationError("--ca-out needs --tls (a given certificate's CA is yours already)") }
    }
}

/// The options of a command that acts as one identity (`snapshot permissions`, `token`): which, from where, in which
/// cloud, and how long a request may take.
struct IdentityOptions: ParsableArguments {
    @Option(help: "The identity (from azspec.yaml, or 'environment').")
    var identity: String

    @Option(help: "The folder whose azspec.yaml (there or above) declares the identity.")
    var specs = "specs"

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

    /// Runs `body` with the command's configuration: under `--emulator`, against an emulator started for it (its
    /// environment and address, offline); otherwise against this process's environment and `--cloud`.
    func withConfiguration<T: Sendable>(
        _ emulator: EmulatorOptions, _ body: (RunConfiguration) async -> T
    ) async throws -> T {
        guard emulator.emulator else {
            let cloud = self.cloud.flatMap(KnownCloud.named)?.endpoints
            return await body(RunConfiguration(environment: ProcessInfo.processInfo.environment, cloud: cloud, defaultTimeout: timeout))
        }
        let configuration = try EmulatorSetup.configuration(path: emulator.emulatorConfig)
        return try await Emulator.withRunning(configuration: configuration) { endpoint in
            var run = RunConfiguration(
                environment: EmulatorSetup.environment(overlay: endpoint.environment), cloud: EmulatorSetup.cloud(at: endpoint.baseURL),
                defaultTimeout: timeout)
            run.offline = true
            return await body(run)
        }
    }
}
