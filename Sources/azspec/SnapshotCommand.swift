import ArgumentParser
import AzspecCore
import AzspecEmulator
import AzspecKit
import Foundation

extension Azspec {
    /// `azspec snapshot permissions`: write a permission spec from what Azure reports today.
    struct Snapshot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a spec from what Azure reports today.", subcommands: [Permissions.self])

        struct Permissions: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Write a permission check that locks an identity's permissions at a scope, or a principal's it audits (exactly: true).",
                discussion: "Only reads are sent. Exit codes: 0 written, 1 Azure could not be read, 2 usage, 3 could not start.")

            @OptionGroup var identityOptions: IdentityOptions

            @Option(help: "The ARM scope: /subscriptions/ID[/resourceGroups/NAME[/providers/…]].")
            var scope: String

            @Option(
                help:
                    "Audit this principal instead of the identity: an object id, client id, identity name or display name (the identity reads its assignments and Microsoft Graph)."
            )
            var principal: String?

            @Option(name: .customLong("who-can"), help: "Write a whoCan check of who can take this action at the scope (repeatable).")
            var whoCan: [String] = []

            @Option(name: .customLong("who-can-data"), help: "The same for a data action (repeatable).")
            var whoCanData: [String] = []

            @Option(
                name: .shortAndLong, help: "Write the spec to this file (default: standard output); an existing file is not overwritten.")
            var output: String?

            @Flag(help: "Rewrite the snapshot in --output in place (atomically) and print what changed.")
            var update = false

            @OptionGroup var emulatorOptions: EmulatorOptions

            func validate() throws {
                if update, output == nil { throw ValidationError("--update needs the snapshot to rewrite: -o FILE") }
                if principal != nil, !(whoCan + whoCanData).isEmpty {
                    throw ValidationError("--principal and --who-can ask different questions: give one")
                }
                for action in whoCan + whoCanData {
                    if let problem = RBACAction.shapeProblem(action, wildcards: false) { throw ValidationError("--who-can: \(problem)") }
                }
                // Anything standing at the path counts, a link to nowhere too (fileExists would follow it).
                if let output, !update, (try? FileManager.default.attributesOfItem(atPath: output)) != nil {
                    throw ValidationError("\(output) exists; azspec snapshot does not overwrite files (--update rewrites a snapshot)")
                }
            }

            func run() async throws {
                let result = try await identityOptions.withConfiguration(emulatorOptions) { configuration in
                    var options = PermissionSnapshot.Options(
                        identity: identityOptions.identity, scope: scope, folder: identityOptions.specs, configuration: configuration,
                        tls: TLSOptions(), principal: principal)
                    options.whoCan = whoCan.map { RBACAction($0, isData: false) } + whoCanData.map { RBACAction($0, isData: true) }
                    return await PermissionSnapshot(options: options).take()
                }
                switch result {
                case .failure(let failure):
                    ConsoleOutput.err("error: \(failure)")
                    throw ExitCode(failure.status.rawValue)
                case .success(let text):
                    guard let output else {
                        ConsoleOutput.out(String(text.dropLast()))
                        return
                    }
                    if update {
                        try SnapshotFile.replace(output, with: text)
                    } else {
                        // Created exclusively: a file that appeared meanwhile is not overwritten either.
                        try SnapshotFile.create(output, text)
                        ConsoleOutput.err("wrote \(output)")
                    }
                }
            }
        }
    }
}
