import ArgumentParser
import AzspecKit

extension Azspec {
    /// `azspec init [DIR]`: scaffold a project.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Scaffold azspec.yaml, a first spec, the schema, a .gitignore and CI files (never overwrites a file).")

        @Argument(help: "The project folder (created if missing).")
        var folder = "."

        func run() async throws {
            let outcomes: [ProjectScaffold.Outcome]
            do {
                outcomes = try ProjectScaffold.write(into: folder, schema: Schema.specSchema)
            } catch {
                ConsoleOutput.err("error: \(error)")
                throw ExitCode(ExitStatus.cannotStart.rawValue)
            }
            for outcome in outcomes {
                switch outcome {
                case .created(let path): ConsoleOutput.out("created \(path)")
                case .kept(let path): ConsoleOutput.out("kept    \(path) (it exists; not overwritten)")
                }
            }
            let inFolder = folder == "." ? "" : "cd \(folder) && "
            ConsoleOutput.out("\ntry it offline: \(inFolder)azspec run --emulator")
        }
    }
}
