import AzspecCore
import JSONPath

/// Something kept from a response for later tests: `name: $.path` or `name: { header: Name }`.
struct CaptureSpec: Sendable {
    enum Source: Sendable {
        case json(JSONPathQuery)
        case header(String)
    }
    let name: String
    let source: Source
    /// Captured values marked secret (or taken from a token field) are redacted everywhere.
    let secret: Bool
    let location: SourceLocation
}
