import AzspecCore
import Yams

/// Reading templates: the engine's part of the shared YAML reader.
extension YAMLReader {
    /// Any scalar (string, number or boolean) as a template; numbers and booleans read as their text.
    mutating func template(_ node: Node, _ what: String) -> Template? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be a string, found \(describe(node))", at: node)
            return nil
        }
        if scalar.style == .plain, case .null = scalar.resolvedJSON {
            error("\(what) must not be empty", at: node)
            return nil
        }
        return Template.parse(
            scalar.string, at: location(of: node), contentOffset: scalar.contentOffset, diagnostics: &diagnostics)
    }

    /// A YAML value as JSON whose strings may hold placeholders.
    mutating func jsonTemplate(_ node: Node) -> JSONTemplate {
        switch node {
        case .scalar(let scalar):
            let value = scalar.resolvedJSON
            guard case .string(let text) = value, text.contains("{{") else { return .value(value) }
            return .string(
                Template.parse(text, at: location(of: node), contentOffset: scalar.contentOffset, diagnostics: &diagnostics))
        case .sequence(let sequence):
            return .array(sequence.map { jsonTemplate($0) })
        case .mapping(let mapping):
            var members: [(String, JSONTemplate)] = []
            for (keyNode, value) in mapping {
                guard let key = keyNode.scalar?.string else {
                    error("object keys must be strings", at: keyNode)
                    continue
                }
                members.append((key, jsonTemplate(value)))
            }
            return .object(members)
        case .alias:
            error("YAML aliases are not supported here", at: node)
            return .value(.null)
        }
    }

    /// A YAML value as literal JSON (no placeholders: `{{` is text); nil, with an error, for an alias or a key that is no
    /// string.
    mutating func literalJSON(_ node: Node, _ what: String) -> JSONValue? {
        switch node {
        case .scalar(let scalar): return scalar.resolvedJSON
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence {
                guard let value = literalJSON(item, what) else { return nil }
                items.append(value)
            }
            return .array(items)
        case .mapping(let mapping):
            var members: [(String, JSONValue)] = []
            for (keyNode, value) in mapping {
                guard let key = keyNode.scalar?.string, let member = literalJSON(value, what) else {
                    if keyNode.scalar == nil { error("object keys must be strings", at: keyNode) }
                    return nil
                }
                members.append((key, member))
            }
            return .object(JSONObject(members))
        case .alias:
            error("YAML aliases are not supported in \(what)", at: node)
            return nil
        }
    }
}
