import ArgumentParser
import AzspecKit
import Foundation

extension Azspec {
    /// `azspec merge-reports OUT IN…`: join the JUnit reports of a sharded run.
    struct MergeReports: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge-reports",
            abstract: "Join the JUnit reports of the shards of a run (--shard i/n) into one.",
            discussion: "Suites come in spec-path order, as an unsharded run writes them; totals are summed.")

        @Argument(help: "The merged report to write.")
        var output: String

        @Argument(help: "The shard reports.")
        var inputs: [String]

        func run() async throws {
            let secrets = SecretStore(ProcessInfo.processInfo.environment.filter { SecretPolicy.isSecretVariable($0.key) }.map(\.value))
            let text: String
            do {
                text = try JUnitMerge.merge(inputs)
            } catch {
                ConsoleOutput.err("error: \(error)")
                throw ExitCode(ExitStatus.invalidInput.rawValue)
            }
            do {
                try JUnitWriter.writeText(secrets.redactor.redact(text), to: output)
            } catch {
                ConsoleOutput.err("error: \(error)")
                throw ExitCode(ExitStatus.cannotStart.rawValue)
            }
            ConsoleOutput.out("merged \(Plural.count(inputs.count, "report")) into \(output)")
        }
    }
}
