import ArgumentParser

/// The spec files or folders a command works on.
struct SpecPathOptions: ParsableArguments {
    @Argument(help: "Spec files or folders (searched recursively for *.yaml and *.yml).")
    var paths: [String] = ["specs"]
}

/// Options that point specs at the built-in emulator.
struct EmulatorOptions: ParsableArguments {
    @Flag(help: "Start the built-in Entra ID + ARM emulator on a free loopback port and point the specs at it.")
    var emulator = false

    @Option(name: .customLong("emulator-config"), help: "Seed the emulator from this YAML file instead of the default.")
    var emulatorConfig: String?
}
