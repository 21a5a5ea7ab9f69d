import ArgumentParser
import AzspecCore
import AzspecEmulator
import AzspecKit
import Foundation

extension Azspec {
    /// `azspec validate`: check specs without sending anything.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check spec files (syntax, keys, JSONPath, variables) without sending anything.")

        @OptionGroup var specs: SpecPathOptions
        @OptionGroup var emulatorOptions: EmulatorOptions

        @Option(
            name: .customLong("exclude"),
            help: ArgumentHelp("Leave out spec files matching GLOB, such as 'specs/wip/**' (repeatable).", valueName: "glob"))
        var exclude: [String] = []

        func run() async throws {
            try specs.requireExisting()
            var environment = ProcessInfo.processInfo.environment
            var cloud: CloudEndpoints?
            if emulatorOptions.emulator {
                let configuration = try EmulatorSetup.configuration(path: emulatorOptions.emulatorConfig)
                environment = EmulatorSetup.environment(overlay: configuration.environment)
                // The emulator's address is not known before it starts; any loopback URL stands in for it.
                cloud = EmulatorSetup.cloud(at: "http://127.0.0.1")
            }
            let set = SpecSet(
                paths: specs.paths, environment: environment, cloud: cloud,
                discovery: SpecDiscovery.Options(exclude: exclude, notSpecs: emulatorOptions.emulatorConfig.map { [$0] } ?? []),
                offline: emulatorOptions.emulator)
            for text in SpecSet.render(set.diagnostics) { ConsoleOutput.err(text) }
            if set.hasErrors {
                let count = set.diagnostics.filter { $0.severity == .error }.count
                ConsoleOutput.err("\(Plural.count(max(count, 1), "error")) in \(Plural.count(set.loaded.count, "spec file"))")
                throw ExitCode(ExitStatus.invalidInput.rawValue)
            }
            let programs = set.programNotes
            for text in SpecSet.render(programs) { ConsoleOutput.err(text) }
            let tests = set.suites.reduce(0) { $0 + $1.tests.count }
            let running =
                programs.isEmpty
                ? ""
                : "; \(Plural.count(programs.count, "identity", plural: "identities")) \(programs.count == 1 ? "runs a program" : "run programs")"
            ConsoleOutput.out("\(Plural.count(set.suites.count, "spec file")) valid, \(Plural.count(tests, "test"))\(running)")
        }
    }

    /// `azspec list`: print suites and tests, as a selection would take them.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the suites and tests in spec files (with --filter/--tag/--skip-tag: those a run would take).")

        @OptionGroup var specs: SpecPathOptions
        @OptionGroup var selection: SelectionOptions

        func run() async throws {
            try specs.requireExisting()
            let set = SpecSet(
                paths: specs.paths, environment: ProcessInfo.processInfo.environment,
                discovery: SpecDiscovery.Options(exclude: selection.exclude))
            let chosen = try selection.selection()
            var invalid = false
            var listed = 0
            for spec in set.loaded {
                guard let suite = spec.suite, !spec.hasErrors else {
                    invalid = true
                    SpecSet.render(spec.diagnostics).forEach { ConsoleOutput.err($0) }
                    continue
                }
                let tests = suite.tests.filter { chosen.matches($0, in: suite) }
                guard !tests.isEmpty else { continue }
                ConsoleOutput.out("\(suite.name)  (\(spec.file))")
                for test in tests {
                    let tags = suite.tags + test.tags
                    ConsoleOutput.out(
                        "  \(test.name)  (line \(test.location.line))\(tags.isEmpty ? "" : "  [\(tags.joined(separator: ", "))]")")
                }
                listed += tests.count
            }
            let errors = set.pathDiagnostics.filter { $0.severity == .error }
            SpecSet.render(set.pathDiagnostics).forEach { ConsoleOutput.err($0) }
            if invalid || !errors.isEmpty { throw ExitCode(ExitStatus.invalidInput.rawValue) }
            if listed == 0, chosen.isActive {
                ConsoleOutput.err("error: no test matches \(chosen.summary)")
                throw ExitCode(ExitStatus.invalidInput.rawValue)
            }
        }
    }
}
