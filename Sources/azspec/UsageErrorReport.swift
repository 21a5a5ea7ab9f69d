import ArgumentParser
import AzspecKit

/// A run whose command line is wrong still writes its report, saying why, so that CI never reads a stale report
/// from an earlier run as this one's result.
enum UsageErrorReport {
    /// For `azspec run` (named or default): writes the report where `--junit` says (or the default path). The
    /// command line as a whole did not parse, so its `--junit` options are picked out and parsed on their own, by
    /// the same declarations `run` uses.
    static func write(message: String, arguments: [String]) {
        let rest = Array(arguments.dropFirst())
        let others = Azspec.configuration.subcommands.map { $0._commandName }.filter { $0 != Azspec.Run._commandName }
        if let first = rest.first, (others + ["help", "--help", "-h", "--version"]).contains(first) { return }
        let options = (try? JUnitOptions.parse(junitArguments(in: rest))) ?? JUnitOptions()
        SpecRun.writeUsageErrorReport(message: message, reports: ReportSet(junitPath: options.junit, junitStyle: options.style))
    }

    /// The arguments that belong to ``JUnitOptions`` (`--junit PATH`, `--junit=PATH`, `--junit-strict`), in order.
    static func junitArguments(in arguments: [String]) -> [String] {
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--junit", index + 1 < arguments.count {
                kept += [argument, arguments[index + 1]]
                index += 1
            } else if argument.hasPrefix("--junit=") || argument == "--junit-strict" {
                kept.append(argument)
            }
            index += 1
        }
        return kept
    }
}
