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

        func run() async throws {
            var environment = ProcessInfo.processInfo.environment
            var cloud: CloudEndpoints?
            if emulatorOptions.emulator {
                let configuration = try EmulatorSetup.configuration(path: emulatorOptions.emulatorConfig)
                environment = EmulatorSetup.environment(overlay: configuration.environment)
                // The emulator's address is not known before it starts; any loopback URL stands in for it.
                cloud = CloudEndpoints(login: "http://127.0.0.1", arm: "http://127.0.0.1")
            }
            let set = SpecSet(paths: specs.paths, environment: environment, cloud: cloud)
            for diagnostic in set.diagnostics { ConsoleOutput.err(diagnostic.description) }
            if set.hasErrors {
                let count = set.diagnostics.filter { $0.severity == .error }.count
                ConsoleOutput.err(
                    "\(Plural.count(max(count, 1), "error")) in \(Plural.count(set.loaded.count, "spec file"))")
                throw ExitCode(ExitStatus.invalidInput.rawValue)
            }
            let tests = set.suites.reduce(0) { $0 + $1.tests.count }
            ConsoleOutput.out(
                "\(Plural.count(set.suites.count, "spec file")) valid, \(Plural.count(tests, "test"))")
        }
    }

    /// `azspec list`: print suites and tests.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the suites and tests in spec files.")

        @OptionGroup var specs: SpecPathOptions

        func run() async throws {
            let set = SpecSet(paths: specs.paths, environment: ProcessInfo.processInfo.environment)
            var invalid = false
            for spec in set.loaded {
                guard let suite = spec.suite, !spec.hasErrors else {
                    invalid = true
                    spec.diagnostics.forEach { ConsoleOutput.err($0.description) }
                    continue
                }
                ConsoleOutput.out("\(suite.name)  (\(spec.file))")
                for test in suite.tests { ConsoleOutput.out("  \(test.name)  (line \(test.location.line))") }
            }
            set.pathDiagnostics.forEach { ConsoleOutput.err($0.description) }
            if invalid || !set.pathDiagnostics.isEmpty { throw ExitCode(ExitStatus.invalidInput.rawValue) }
        }
    }
}
