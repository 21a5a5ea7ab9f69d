public import AzspecCore

/// Why the emulator could not start: an invalid configuration (with file locations) or a failed bind.
public struct EmulatorError: Error, CustomStringConvertible, Sendable {
    private enum Code: Sendable {
        case invalidConfiguration([Diagnostic])
        case unreadableConfiguration(path: String, reason: String)
        case unreadableTLS(path: String, reason: String)
        case bindFailed(host: String, port: Int, reason: String)
        case stoppedBeforeStart
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    /// The configuration problems, all of them (empty for other errors).
    public var diagnostics: [Diagnostic] {
        if case .invalidConfiguration(let diagnostics) = code { return diagnostics }
        return []
    }

    /// True when the server could not listen on the requested address (for example, the port is taken).
    public var isBindFailure: Bool {
        if case .bindFailed = code { return true }
        return false
    }

    public var description: String {
        switch code {
        case .invalidConfiguration(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .unreadableConfiguration(let path, let reason):
            return "\(path): error: cannot read emulator configuration: \(reason)"
        case .unreadableTLS(let path, let reason):
            return "\(path): error: cannot serve HTTPS with it: \(reason)"
        case .bindFailed(let host, let port, let reason):
            return "emulator cannot listen on \(host):\(port): \(reason)"
        case .stoppedBeforeStart:
            return "emulator stopped before it started listening"
        }
    }

    static func invalidConfiguration(_ diagnostics: [Diagnostic]) -> EmulatorError {
        EmulatorError(.invalidConfiguration(diagnostics))
    }

    static func unreadableConfiguration(path: String, reason: String) -> EmulatorError {
        EmulatorError(.unreadableConfiguration(path: path, reason: reason))
    }

    static func unreadableTLS(path: String, reason: String) -> EmulatorError {
        EmulatorError(.unreadableTLS(path: path, reason: reason))
    }

    /// A bind failure; `underlying` is the socket error, turned into "address in use" when it says so.
    static func bindFailed(host: String, port: Int, underlying: any Error) -> EmulatorError {
        let text = String(describing: underlying)
        let reason: String
        if text.lowercased().contains("address already in use") || text.contains("EADDRINUSE") {
            reason = "address in use"
        } else if text.lowercased().contains("permission denied") {
            reason = "permission denied (\(text))"
        } else {
            reason = text
        }
        return EmulatorError(.bindFailed(host: host, port: port, reason: reason))
    }

    static var stoppedBeforeStart: EmulatorError { EmulatorError(.stoppedBeforeStart) }
}
