import AzspecCore

/// A pre-request or test script.
struct PostmanEvent: Sendable {
    enum Kind: Sendable, Equatable { case test, preRequest, other(String) }

    let kind: Kind
    /// The script's lines, split at line breaks.
    let lines: [String]

    /// The enabled scripts of an `event` list.
    static func list(_ value: JSONValue?) -> [PostmanEvent] {
        (value?.arrayValue ?? []).compactMap { event in
            guard event["disabled"]?.boolValue != true, let listen = event["listen"]?.stringValue else { return nil }
            let exec = event["script"]?["exec"]
            let pieces = exec?.arrayValue?.map(\.postmanText) ?? [exec?.postmanText ?? ""]
            let lines = pieces.flatMap {
                $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            }
            guard lines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
            let kind: Kind =
                switch listen {
                case "test": .test
                case "prerequest": .preRequest
                default: .other(listen)
                }
            return PostmanEvent(kind: kind, lines: lines)
        }
    }
}
