/// azspec's exit codes.
public enum ExitStatus: Int32, Sendable {
    /// Every test passed (skipped tests allowed).
    case success = 0
    /// At least one test failed or errored.
    case testsFailed = 1
    /// A spec or the command line is invalid; nothing was sent.
    case invalidInput = 2
    /// The run could not start: the report path is unwritable, the emulator could not bind, …
    case cannotStart = 3
    /// SIGINT or SIGTERM.
    case interrupted = 130
}
