import ArgumentParser
import AzspecCore
import AzspecImport
import AzspecKit
import Foundation

extension Azspec {
    /// `azspec import postman COLLECTION.json [--environment ENV.json] [--out DIR]`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a Postman v2.1 collection into spec files.", subcommands: [Postman.self])

        struct Postman: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Convert a Postman v2.1 collection (and its environment) into spec files; never overwrites a file.",
                discussion:
                    "Folders become spec files, requests tests, {{var}} templates, the environment vars: (secrets as {{env.NAME}}), "
                    + "bearer and OAuth2 client-credentials auth a declared identity, the common pm.test forms expect and capture. "
                    + "What cannot be converted stays as a comment where it was and is listed at the end.")

            @Argument(help: "The collection (Postman Collection v2.1 JSON).")
            var collection: String

            @Option(help: "A Postman environment file whose variables become vars:.")
            var environment: String?

            @Option(name: .customLong("out"), help: "Where to write the spec files.")
            var out = "specs"

            func run() async throws {
                let kind = InputFile.Kind(name: "Postman file", limit: PostmanImporter.maxInputBytes)
                let result: PostmanImport
                do {
                    let collectionBytes = try InputFile.read(collection, as: kind)
                    let environmentBytes = try environment.map { path throws(InputFileError) in try InputFile.read(path, as: kind) }
                    result = try PostmanImporter.convert(collection: collectionBytes, environment: environmentBytes)
                } catch {
                    ConsoleOutput.err("error: \(error)")
                    throw ExitCode(ExitStatus.invalidInput.rawValue)
                }
                let written: [String]
                do {
                    written = try NewFiles.createAll(result.files.map { ($0.name, $0.text) }, in: out)
                } catch {
                    ConsoleOutput.err("error: \(error)")
                    throw ExitCode(ExitStatus.invalidInput.rawValue)
                }
                for path in written { ConsoleOutput.out("wrote \(path)") }
                for note in result.notes { ConsoleOutput.err("note: \(note)") }
                ConsoleOutput.out("\nnext: azspec validate \(out)  (or try it offline: azspec run --emulator \(out))")
            }
        }
    }
}
