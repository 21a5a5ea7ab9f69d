import ArgumentParser
import AzspecKit
import Foundation

/// The `azspec` command: a thin front end over AzspecKit.
@main
struct Azspec: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "azspec",
        abstract: "Declarative tests for Azure access: Entra ID tokens and Resource Manager calls, reported as JUnit XML.",
        version: "azspec " + AzspecVersion.description,
        subcommands: [
            Run.self, Validate.self, List.self, Init.self, Schema.self, MergeReports.self, Import.self, Snapshot.self, Token.self,
            EmulatorCommand.self,
        ],
        defaultSubcommand: Run.self
    )

    /// Runs the chosen command; usage errors exit 2 (azspec's "invalid input") rather than ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as MissingPath {
            ConsoleOutput.err(error.description)
            Foundation.exit(ExitStatus.invalidInput.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                ConsoleOutput.err(message)
                UsageErrorReport.write(message: message, arguments: CommandLine.arguments)
                Foundation.exit(ExitStatus.invalidInput.rawValue)
            }
            exit(withError: error)
        }
    }
}
