import AzspecEmulator
import AzspecKit
import ArgumentParser
import Foundation

/// Loading the emulator's configuration for `--emulator` and `azspec emulator`.
enum EmulatorSetup {
    static func configuration(path: String?) throws -> EmulatorConfiguration {
        guard let path else { return .default }
        do {
            return try EmulatorConfiguration(contentsOfFile: path)
        } catch {
            ConsoleOutput.err("error: \(error)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
    }

    /// The process environment with the emulator's identities on top, so a real secret is never sent to it.
    static func environment(overlay: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(overlay) { _, emulator in emulator }
    }
}
