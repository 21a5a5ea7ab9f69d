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

/// Writes text to standard output or standard error, whole lines at a time.
///
/// ``out(_:)`` and ``err(_:)`` are for the command line's own messages outside a run: they mask anything shaped
/// like a JWT and make control characters visible. A run writes through its ``OutputSink``, which also knows the
/// run's secrets; ``rawOut(_:)`` and ``rawError(_:)`` are the sink's end of the pipe.
public enum ConsoleOutput {
    private static let sink = OutputSink(secrets: SecretStore(), colours: false)

    public static func out(_ text: String) { sink.line(text) }

    public static func err(_ text: String) { sink.error(text) }

    public static func rawOut(_ text: String) {
        writeAll(STDOUT_FILENO, text + "\n")
    }

    /// The progress line: redrawn in place on standard error (`\r`, erase to the end of the line), no newline.
    public static func rawProgress(_ text: String) {
        writeAll(STDERR_FILENO, "\r\u{1B}[K" + text)
    }

    public static func rawError(_ text: String) {
        writeAll(STDERR_FILENO, text + "\n")
    }

    /// One `write(2)` for the whole line (more only if the pipe takes part of it); no `Data` on the way.
    private static func writeAll(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // a closed or failing stream: nothing more can be said on it
                }
                offset += written
            }
        }
    }
}
