import AzspecCore

/// A Postman v2.0 / v2.1 collection as read from its JSON: folders and requests in order, with auth, scripts and
/// variables. Only what the importer converts (or reports as not converted) is kept.
struct PostmanCollection: Sendable {
    let name: String
    let items: [PostmanItem]
    let auth: PostmanAuth?
    let events: [PostmanEvent]
    let variables: [PostmanVariable]

    /// Reads a parsed collection; refuses v1 collections, other JSON and folders nested too deep.
    init(_ json: JSONValue) throws(PostmanImportError) {
        guard case .object(let root) = json else {
            throw .notACollection(reason: "the file holds a JSON \(json.typeName), not an object with info and item")
        }
        if root["requests"] != nil || root["order"] != nil { throw .version1 }
        let info = root["info"]?.objectValue
        if let schema = info?["schema"]?.stringValue, schema.lowercased().contains("v1.0.0") { throw .version1 }
        guard let info else { throw .notACollection(reason: "it has no info") }
        guard let list = root["item"]?.arrayValue else { throw .notACollection(reason: "it has no item list") }
        name = info["name"]?.postmanText.ifNotBlank ?? "Postman collection"
        items = try Self.items(list, depth: 1)
        auth = PostmanAuth(root["auth"])
        events = PostmanEvent.list(root["event"])
        variables = PostmanVariable.list(root["variable"])
    }

    /// Folders may hold folders; the top level is depth 1.
    private static func items(_ list: [JSONValue], depth: Int) throws(PostmanImportError) -> [PostmanItem] {
        var result: [PostmanItem] = []
        for (index, value) in list.enumerated() {
            let object = value.objectValue ?? JSONObject()
            let name = object["name"]?.postmanText.ifNotBlank ?? "item \(index + 1)"
            if let children = object["item"]?.arrayValue {
                if depth > PostmanImporter.maxFolderDepth { throw .tooDeep(folder: name, limit: PostmanImporter.maxFolderDepth) }
                let folder = PostmanFolder(
                    name: name, items: try items(children, depth: depth + 1), auth: PostmanAuth(object["auth"]),
                    events: PostmanEvent.list(object["event"]))
                result.append(.folder(folder))
            } else if let request = object["request"].flatMap(PostmanRequest.init) {
                result.append(
                    .request(PostmanRequestItem(name: name, request: request, events: PostmanEvent.list(object["event"]))))
            } else {
                result.append(.unusable(name: name))
            }
        }
        return result
    }

    /// Whether any folder, at any depth, holds a request.
    var hasRequests: Bool {
        func any(_ items: [PostmanItem]) -> Bool {
            items.contains {
                switch $0 {
                case .request: true
                case .folder(let folder): any(folder.items)
                case .unusable: false
                }
            }
        }
        return any(items)
    }
}
