import ArgumentParser
import AzspecEmulator
import AzspecKit

extension Azspec {
    /// `azspec schema [spec|report]`: print a JSON Schema.
    struct Schema: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema of spec files (with azspec.yaml and the emulator's configuration) or of --report json.",
            discussion:
                "Editors: save it (azspec schema > azspec.schema.json) and start a spec with '# yaml-language-server: $schema=azspec.schema.json'; "
                + "azspec.yaml uses '#/$defs/project', an emulator configuration '#/$defs/emulatorConfiguration'.")

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case spec, report
        }

        @Argument(help: "spec (the default) or report.")
        var kind: Kind = .spec

        /// Spec files' schema with the emulator configuration's definitions joined.
        static var specSchema: String { SpecSchema.text(joining: ConfigurationFormat.definitions) }

        func run() async throws {
            switch kind {
            case .spec: ConsoleOutput.out(Self.specSchema)
            case .report: ConsoleOutput.out(ReportSchema.text)
            }
        }
    }
}
