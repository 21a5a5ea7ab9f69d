import Foundation

/// Whether and how to colour console output: only on a terminal, never when `NO_COLOR` is set.
public struct ConsoleStyle: Sendable {
    public let color: Bool
    /// A live progress line (files done of all, failures so far) on standard error: only when both standard output
    /// and standard error are a terminal and no CI system's variable is set, so that it never reaches a CI log.
    public var progress = false

    public init(color: Bool, progress: Bool = false) {
        self.color = color
        self.progress = progress
    }

    /// The variables CI systems set: GitHub Actions, Azure Pipelines, GitLab, Jenkins and the generic `CI`.
    static let ciVariables = ["CI", "GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI", "JENKINS_URL", "BUILDKITE", "TEAMCITY_VERSION"]

    /// Colour when standard output is a terminal and `NO_COLOR` is unset or empty (https://no-color.org); the
    /// progress line on a terminal outside CI.
    public static func detect(environment: [String: String]) -> ConsoleStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let terminal = isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1
        return ConsoleStyle(
            color: !noColor && isatty(STDOUT_FILENO) == 1, progress: wantsProgress(environment: environment, terminal: terminal))
    }

    /// A progress line only on a terminal, and never under a CI system (whose logs would keep every redraw).
    static func wantsProgress(environment: [String: String], terminal: Bool) -> Bool {
        terminal && !ciVariables.contains { !(environment[$0] ?? "").isEmpty }
    }

    func green(_ text: String) -> String { paint(text, "32") }
    func red(_ text: String) -> String { paint(text, "31") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func bold(_ text: String) -> String { paint(text, "1") }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
