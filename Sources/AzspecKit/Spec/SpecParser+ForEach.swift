import AzspecCore
import Yams

extension SpecParser {
    /// `forEach: [a, b]`, `forEach: "{{list}}"` or `forEach: { in: …, as: name }`.
    mutating func forEach(_ node: Node) -> ForEachSpec? {
        var source = node
        var variable = "item"
        if case .mapping = node {
            guard let fields = reader.fields(node, SpecFormat.forEach), let list = fields["in"] else { return nil }
            source = list
            if let value = fields["as"], let name = reader.string(value, "forEach.as") {
                guard Self.isIdentifier(name), !TemplateScope.reservedNames.contains(name) else {
                    reader.error("forEach.as must be a variable name (letters, digits and '_'), not env, cloud or run", at: value)
                    return nil
                }
                variable = name
            }
        }
        let location = reader.location(of: source)
        switch source {
        case .sequence(let items):
            guard !items.isEmpty else {
                reader.error("forEach needs at least one item (leave it out to run the test once)", at: source)
                return nil
            }
            guard items.count <= ForEachSpec.maximumItems else {
                reader.error("forEach lists \(items.count) items; at most \(ForEachSpec.maximumItems) are allowed", at: source)
                return nil
            }
            return ForEachSpec(source: .literal(items.map { reader.jsonTemplate($0) }), variable: variable, location: location)
        case .scalar:
            guard let template = reader.template(source, "forEach"), template.references.count == 1,
                template.source.hasPrefix("{{"), template.source.hasSuffix("}}")
            else {
                reader.error("forEach takes a list, or one placeholder holding a list such as \"{{regions}}\"", at: source)
                return nil
            }
            return ForEachSpec(source: .reference(template), variable: variable, location: location)
        default:
            reader.error("forEach takes a list, or one placeholder holding a list such as \"{{regions}}\"", at: source)
            return nil
        }
    }
}
