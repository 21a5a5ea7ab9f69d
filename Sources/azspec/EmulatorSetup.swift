import ArgumentParser
import AzspecCore
import AzspecEmulator
import AzspecKit
import Foundation

/// Loading the emulator's configuration for `--emulator` and `azspec emulator`.
enum EmulatorSetup {
    static func configuration(path: String?) throws -> EmulatorConfiguration {
        guard let path else { return .default }
        do {
            return try EmulatorConfiguration(contentsOfFile: path)
        } catch {
            // Each `file:line:column: error: …` with its line, where the line holds no secret.
            if let diagnostics = (error as? EmulatorError)?.diagnostics, !diagnostics.isEmpty {
                var renderer = DiagnosticRenderer(kind: .emulatorConfiguration, hiding: ConfigurationExcerpt.holdsSecret)
                for diagnostic in diagnostics { ConsoleOutput.err(renderer.render(diagnostic)) }
            } else {
                ConsoleOutput.err("\(error)")
            }
            let count = (error as? EmulatorError)?.diagnostics.filter { $0.severity == .error }.count ?? 0
            if count > 1 { ConsoleOutput.err("\(Plural.count(count, "error")) in \(path)") }
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
    }

    /// The HTTPS identity `azspec emulator` was asked for, if any; an unusable certificate or key file exits 2.
    static func tls(_ options: EmulatorTLSOptions) throws -> EmulatorTLS? {
        do {
            if options.tls { return try EmulatorTLS.generate() }
            if let certificate = options.tlsCert, let key = options.tlsKey {
                return try EmulatorTLS.files(certificate: certificate, key: key)
            }
            return nil
        } catch {
            ConsoleOutput.err("error: \(error)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
    }

    /// The cloud of an emulator at `baseURL`: Entra ID, Resource Manager and Microsoft Graph are all there.
    static func cloud(at baseURL: String) -> CloudEndpoints {
        CloudEndpoints(login: baseURL, arm: baseURL, graph: baseURL)
    }

    /// Writes `export NAME='value'` lines (the cloud endpoints and every variable) to a file only its owner can read.
    static func writeEnvironmentFile(_ environment: [String: String], baseURL: String, to path: String) throws {
        var all = environment
        all["AZURE_AUTHORITY_HOST"] = baseURL
        all["AZURE_RESOURCE_MANAGER_ENDPOINT"] = baseURL
        all["AZSPEC_GRAPH_ENDPOINT"] = baseURL
        let text =
            all.sorted { $0.key < $1.key }.map { "export \($0.key)='\($0.value.replacingOccurrences(of: "'", with: "'\\''"))'" }
            .joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The process environment with the emulator's identities on top, so a real secret is never sent to it.
    static func environment(overlay: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(overlay) { _, emulator in emulator }
    }
}
