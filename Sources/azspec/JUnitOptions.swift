import ArgumentParser
import AzspecKit

/// `--junit` and `--junit-strict`: where `run` writes its JUnit report, and in which form.
struct JUnitOptions: ParsableArguments {
    @Option(help: "Where to write the JUnit XML report.")
    var junit = ReportFormat.defaultJUnitPath

    @Flag(name: .customLong("junit-strict"), help: "Write the strict Ant form (validates against the Ant JUnit schema).")
    var junitStrict = false

    var style: JUnitWriter.Style { junitStrict ? .antStrict : .jenkins }
}
