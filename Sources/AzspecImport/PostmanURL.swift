import AzspecCore

/// A request URL: `raw` when Postman kept it, else the parts it is built from.
struct PostmanURL: Sendable {
    var raw: String?
    var scheme: String?
    var host: [String] = []
    var port: String?
    var path: [String] = []
    /// Enabled query parameters, as written (nil value: `?flag`); nil when the URL object has no query list.
    var query: [(key: String, value: String?)]?
    /// `:name` path variables and their values.
    var pathVariables: [(key: String, value: String)] = []

    init(raw: String?) {
        self.raw = raw
    }

    init?(json: JSONValue) {
        if case .string(let raw) = json {
            self.init(raw: raw)
            return
        }
        guard case .object(let object) = json else { return nil }
        self.init(raw: object["raw"]?.stringValue)
        scheme = object["protocol"]?.stringValue
        host = Self.parts(object["host"], separator: ".")
        port = object["port"]?.postmanText.ifNotBlank
        path = Self.parts(object["path"], separator: "/")
        if let list = object["query"]?.arrayValue {
            query = list.compactMap { entry in
                guard entry["disabled"]?.boolValue != true, let key = entry["key"]?.postmanText else { return nil }
                let value = entry["value"].flatMap { $0 == .null ? nil : $0.postmanText }
                return (key, value)
            }
        }
        pathVariables = (object["variable"]?.arrayValue ?? []).compactMap { entry in
            guard entry["disabled"]?.boolValue != true, let key = entry["key"]?.stringValue, !key.isEmpty else { return nil }
            return (key, entry["value"]?.postmanText ?? "")
        }
    }

    /// `host` and `path` are a string or a list of strings (a path segment may also be `{ "value": … }`).
    private static func parts(_ value: JSONValue?, separator: Character) -> [String] {
        switch value {
        case .string(let text): return text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        case .array(let list): return list.map { $0["value"]?.postmanText ?? $0.postmanText }
        default: return []
        }
    }
}
