import AzspecCore

/// A Postman environment (or globals) export: its enabled values.
struct PostmanEnvironment: Sendable {
    let name: String
    let values: [PostmanVariable]

    init(_ json: JSONValue) throws(PostmanImportError) {
        guard case .object(let root) = json else {
            throw .notAnEnvironment(reason: "it holds a JSON \(json.typeName), not an object with values")
        }
        guard root["values"]?.arrayValue != nil else {
            if root["item"] != nil { throw .notAnEnvironment(reason: "it is a collection") }
            throw .notAnEnvironment(reason: "it has no values list")
        }
        name = root["name"]?.postmanText.ifNotBlank ?? "environment"
        values = PostmanVariable.list(root["values"])
    }
}
