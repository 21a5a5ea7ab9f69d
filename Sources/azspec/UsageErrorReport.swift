import AzspecKit

/// A run whose command line is wrong still writes its report, saying why, so that CI never reads a stale report
/// from an earlier run as this one's result.
enum UsageErrorReport {
    /// For `azspec run` (named or default): writes the report where `--junit` says (or the default path).
    static func write(message: String, arguments: [String]) {
        let rest = Array(arguments.dropFirst())
        let others = [
            "validate", "list", "snapshot", "emulator", "init", "schema", "merge-reports", "import", "help", "--help", "-h", "--version",
        ]
        if let first = rest.first, others.contains(first) { return }
        var path = ReportFormat.defaultJUnitPath
        var strict = false
        var index = 0
        while index < rest.count {
            let argument = rest[index]
            if argument == "--junit", index + 1 < rest.count {
                path = rest[index + 1]
                index += 1
            } else if argument.hasPrefix("--junit=") {
                path = String(argument.dropFirst("--junit=".count))
            } else if argument == "--junit-strict" {
                strict = true
            }
            index += 1
        }
        SpecRun.writeUsageErrorReport(message: message, reports: ReportSet(junitPath: path, junitStyle: strict ? .antStrict : .jenkins))
    }
}
