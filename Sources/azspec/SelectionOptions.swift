import ArgumentParser
import AzspecKit

/// `--filter`, `--tag`, `--skip-tag` and `--exclude`: which tests and files a command takes.
struct SelectionOptions: ParsableArguments {
    @Option(
        name: .customLong("filter"),
        help: ArgumentHelp(
            "Only tests whose suite or test name contains TEXT, or matches it as a * ? glob (repeatable: any).", valueName: "text"))
    var filters: [String] = []

    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp("Only tests whose tags satisfy EXPR, such as 'smoke and not slow' (repeatable: all).", valueName: "expr"))
    var tags: [String] = []

    @Option(name: .customLong("skip-tag"), help: ArgumentHelp("Leave out tests carrying TAG (repeatable).", valueName: "tag"))
    var skipTags: [String] = []

    @Option(
        name: .customLong("exclude"),
        help: ArgumentHelp("Leave out spec files matching GLOB, such as 'specs/wip/**' (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    func validate() throws {
        _ = try selection()
        for tag in skipTags {
            if let problem = TagExpression.nameProblem(tag) { throw ValidationError("--skip-tag: \(problem)") }
        }
        for text in filters + exclude where text.isEmpty || text.count > 1000 {
            throw ValidationError("--filter and --exclude take 1 to 1000 characters")
        }
    }

    func selection() throws -> TestSelection {
        do {
            return TestSelection(
                filters: filters, tags: try tags.map { text throws(TagExpressionError) in try TagExpression(parsing: text) },
                skipTags: skipTags)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
