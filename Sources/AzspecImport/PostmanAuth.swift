import AzspecCore

/// A collection's, folder's or request's `auth`: its type and attributes. `inherit` (or no `auth`) reads as nil.
struct PostmanAuth: Sendable {
    let type: String
    let attributes: [(key: String, value: JSONValue)]

    /// v2.1 lists attributes as `[{ key, value }]`, v2.0 as an object.
    init?(_ json: JSONValue?) {
        guard case .object(let object) = json, let type = object["type"]?.stringValue?.lowercased(), type != "inherit" else {
            return nil
        }
        self.type = type
        switch object[type] {
        case .array(let list):
            attributes = list.compactMap { entry in entry["key"]?.stringValue.map { ($0, entry["value"] ?? .null) } }
        case .object(let members):
            attributes = members.map { ($0.key, $0.value) }
        default:
            attributes = []
        }
    }

    /// An attribute as text; nil when missing or empty.
    func string(_ key: String) -> String? {
        attributes.first { $0.key.lowercased() == key.lowercased() }?.value.postmanText.ifNotBlank
    }

    /// `resource` may be a string or, in newer exports, an object of URL → resource; the first value is taken.
    func resource() -> String? {
        guard let value = attributes.first(where: { $0.key == "resource" })?.value else { return nil }
        if case .object(let members) = value { return members.values.first?.postmanText.ifNotBlank }
        return value.postmanText.ifNotBlank
    }
}
