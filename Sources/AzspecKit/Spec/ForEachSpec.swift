import AzspecCore

/// `forEach:`: a test repeated once per item of a list (literal, or a variable or capture holding a JSON array), the
/// item under `{{item}}` (or the name `as` gives). Each repetition is its own case in every report, named
/// `name [item]`, or the name rendered when it uses the item.
struct ForEachSpec: Sendable {
    enum Source: Sendable {
        case literal([JSONTemplate])
        /// `"{{regions}}"`: a placeholder whose value must be an array.
        case reference(Template)
    }

    let source: Source
    /// The variable each item is bound to (`item`).
    var variable = "item"
    let location: SourceLocation

    /// The most items a test is repeated over; more is an error (at validation for a literal list, at run time
    /// otherwise).
    static let maximumItems = 1000

    /// `name [item]`: a string item as it is, an object by its `name` member or its JSON, cut after 60 characters.
    static func caseName(_ name: String, item: JSONValue) -> String {
        let text = item.stringValue ?? item["name"]?.stringValue ?? item.serialized
        return "\(name) [\(text.count > 60 ? String(text.prefix(59)) + "…" : text)]"
    }

    var templates: [Template] {
        switch source {
        case .literal(let items): items.flatMap(\.templates)
        case .reference(let template): [template]
        }
    }
}

extension JSONTemplate {
    /// The value, when no placeholder is in it.
    var literal: JSONValue? {
        switch self {
        case .value(let value): return value
        case .string(let template): return template.references.isEmpty ? .string(template.source) : nil
        case .array(let elements):
            var values: [JSONValue] = []
            for element in elements {
                guard let value = element.literal else { return nil }
                values.append(value)
            }
            return .array(values)
        case .object(let members):
            var pairs: [(String, JSONValue)] = []
            for (key, member) in members {
                guard let value = member.literal else { return nil }
                pairs.append((key, value))
            }
            return .object(JSONObject(pairs))
        }
    }

    /// The templates inside, for their references.
    var templates: [Template] {
        switch self {
        case .value: []
        case .string(let template): [template]
        case .array(let elements): elements.flatMap(\.templates)
        case .object(let members): members.flatMap(\.1.templates)
        }
    }
}
