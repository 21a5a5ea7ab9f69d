/// The one way azspec writes to the console. Every line is redacted with the run's secrets (every form of each,
/// and anything shaped like a JWT), then its control characters are made visible (only azspec's own colours, on a
/// colour terminal, stay escapes), then no line of it can be read as a CI agent's command (``CILogCommands``):
/// only azspec's own annotations, through ``command(_:)``, speak to the agent. The JUnit writer redacts with the
/// same ``secrets``.
public final class OutputSink: Sendable {
    public let secrets: SecretStore
    /// Whether azspec's own colour sequences may pass (colour on, which ``ConsoleStyle`` allows only on a terminal).
    let colours: Bool
    private let writeOut: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void
    private let writeProgress: @Sendable (String) -> Void

    public init(
        secrets: SecretStore, colours: Bool, out: @escaping @Sendable (String) -> Void = ConsoleOutput.rawOut,
        error: @escaping @Sendable (String) -> Void = ConsoleOutput.rawError,
        progress: @escaping @Sendable (String) -> Void = ConsoleOutput.rawProgress
    ) {
        self.secrets = secrets
        self.colours = colours
        self.writeOut = out
        self.writeError = error
        self.writeProgress = progress
    }

    /// The live progress line, redrawn in place (an empty text clears it). Only the sink's end adds the cursor
    /// controls; the text itself is cleaned like every line.
    public func progress(_ text: String) {
        writeProgress(clean(text))
    }

    /// A line to standard output.
    public func line(_ text: String) {
        writeOut(clean(text))
    }

    /// A line to standard error (diagnostics, warnings, errors).
    public func error(_ text: String) {
        writeError(clean(text))
    }

    /// One of azspec's own CI log commands (``CIAnnotations``, whose text is redacted and escaped for the command
    /// already): redacted again and its controls made visible, but left able to speak to the agent.
    public func command(_ text: String) {
        writeOut(TerminalText.visible(secrets.redactor.redact(text), keepingColours: false))
    }

    /// What a line becomes on its way out.
    func clean(_ text: String) -> String {
        CILogCommands.neutralised(TerminalText.visible(secrets.redactor.redact(text), keepingColours: colours))
    }
}
