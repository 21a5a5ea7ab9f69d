import AzspecCore

/// A request body; `disabled` bodies are read as none.
enum PostmanBody: Sendable {
    case urlencoded([(key: String, value: String)])
    /// Raw text and the language Postman's editor was set to (`json`, `xml`, `text`…).
    case raw(String, language: String?)
    /// Multipart fields: key, value (a file source for files) and `text` or `file`.
    case formdata([(key: String, value: String, type: String)])
    case file(source: String)
    case graphql(query: String, variables: String)

    init?(_ json: JSONValue) {
        guard case .object(let object) = json, object["disabled"]?.boolValue != true else { return nil }
        func fields(_ key: String) -> [JSONValue] {
            (object[key]?.arrayValue ?? []).filter { $0["disabled"]?.boolValue != true && $0["key"] != nil }
        }
        switch object["mode"]?.stringValue {
        case "urlencoded":
            self = .urlencoded(fields("urlencoded").map { ($0["key"]?.postmanText ?? "", $0["value"]?.postmanText ?? "") })
        case "raw":
            let text = object["raw"]?.postmanText ?? ""
            guard text.ifNotBlank != nil else { return nil }
            self = .raw(text, language: object["options"]?["raw"]?["language"]?.stringValue?.lowercased())
        case "formdata":
            self = .formdata(
                fields("formdata").map { field in
                    let type = field["type"]?.stringValue ?? "text"
                    let value =
                        type == "file"
                        ? (field["src"]?.arrayValue?.map(\.postmanText).joined(separator: ", ") ?? field["src"]?.postmanText)
                        : nil
                    return (field["key"]?.postmanText ?? "", value ?? field["value"]?.postmanText ?? "", type)
                })
        case "file":
            self = .file(source: object["file"]?["src"]?.postmanText ?? "")
        case "graphql":
            self = .graphql(
                query: object["graphql"]?["query"]?.postmanText ?? "",
                variables: object["graphql"]?["variables"]?.postmanText ?? "")
        default:
            return nil
        }
    }
}
