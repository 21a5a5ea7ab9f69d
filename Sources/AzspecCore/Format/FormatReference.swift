import Foundation

/// The reference tables of a YAML format, one per object, generated from the objects' declarations (their keys, the
/// descriptions of their values, required keys): what `docs/` shows between `<!-- generated: NAME -->` and
/// `<!-- end generated -->`, and a test holds the committed pages to.
public enum FormatReference {
    /// The Markdown tables for `objects`; a key whose value is a `$ref` without a description of its own is described
    /// by its target in `schema` (the document `azspec schema` prints).
    public static func markdown(_ objects: [FormatObject], schema: JSONValue) -> String {
        var text = ""
        for object in objects {
            text += "**\(object.name)**\n\n| key | | what it holds |\n| --- | --- | --- |\n"
            for key in object.keys {
                let property = object.properties[key]
                var description = property?["description"].flatMap { if case .string(let text) = $0 { text } else { nil } }
                if description == nil, case .string(let reference)? = property?["$ref"] {
                    description = resolve(String(reference.dropFirst()), in: schema)?["description"].flatMap {
                        if case .string(let text) = $0 { text } else { nil }
                    }
                }
                let cell = (description ?? "").replacingOccurrences(of: "|", with: "\\|")
                    .split(whereSeparator: \.isNewline).joined(separator: " ")
                text += "| `\(key)` | \(object.required.contains(key) ? "required" : "") | \(cell) |\n"
            }
            text += "\n"
        }
        return text
    }

    /// The node a JSON pointer (RFC 6901) names in `document`.
    public static func resolve(_ pointer: String, in document: JSONValue) -> JSONValue? {
        var node: JSONValue? = document
        for token in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if case .array(let items)? = node, let index = Int(name) {
                node = items.indices.contains(index) ? items[index] : nil
            } else {
                node = node?[name]
            }
        }
        return node
    }
}
