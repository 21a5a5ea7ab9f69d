import AzspecCore

/// A collection variable or an environment value; disabled ones are never read.
struct PostmanVariable: Sendable {
    let key: String
    let value: String
    /// The environment says `"type": "secret"`.
    let markedSecret: Bool

    /// The enabled variables of a `variable` (collection) or `values` (environment) list.
    static func list(_ value: JSONValue?) -> [PostmanVariable] {
        (value?.arrayValue ?? []).compactMap { entry in
            guard entry["disabled"]?.boolValue != true, entry["enabled"]?.boolValue != false else { return nil }
            guard let key = (entry["key"] ?? entry["id"])?.stringValue, !key.isEmpty else { return nil }
            let type = entry["type"]?.stringValue?.lowercased()
            return PostmanVariable(key: key, value: entry["value"]?.postmanText ?? "", markedSecret: type == "secret")
        }
    }
}
