import AzspecKit
import ArgumentParser

/// The `azspec` command: a thin front end over AzspecKit.
@main
struct Azspec: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "azspec",
        abstract: "Declarative tests for Azure access: Entra ID tokens and Resource Manager calls, reported as JUnit XML.",
        version: AzspecVersion.current,
        subcommands: [Run.self, Validate.self, List.self, EmulatorCommand.self],
        defaultSubcommand: Run.self
    )
}
