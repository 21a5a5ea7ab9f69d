/// Why a command that is not a run (`snapshot`, `token`) could not do its work, and the exit status to use.
public struct CommandFailure: Error, CustomStringConvertible {
    public let description: String
    public let status: ExitStatus
}
