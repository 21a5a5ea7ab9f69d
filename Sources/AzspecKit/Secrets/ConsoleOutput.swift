import Foundation

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
