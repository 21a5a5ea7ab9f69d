public import Yams

/// One kind of mapping in a YAML format that azspec reads (a spec's `request:`, the emulator's tenant…), declared once:
/// its keys with the JSON Schema of each value (type, description, examples), the keys it needs, and the rules that
/// join them. The loader takes its allowed keys and did-you-mean candidates from ``keys``, `azspec schema` renders
/// ``jsonSchema``, and the reference tables in `docs/` are generated from both.
public struct FormatObject: Sendable {
    /// How errors name it: "the suite", "a tenant".
    public let name: String
    /// Where ``jsonSchema`` sits in `azspec schema`'s document (a JSON pointer), for the docs and the tests.
    public let pointer: String
    /// What it is, for the schema and the docs.
    public let description: String?
    /// Its keys, in the order the docs list them, each with the JSON Schema of its value.
    public let properties: JSONObject
    /// The keys it cannot do without.
    public let required: [String]
    /// Whether a key outside ``properties`` is an error (every object but a matcher, whose other keys compare).
    public let closed: Bool
    /// Further schema members: rules between keys (`allOf`, `if`/`then`), `examples`.
    public let rules: JSONObject

    public init(
        _ name: String, pointer: String, description: String? = nil, properties: JSONObject, required: [String] = [],
        closed: Bool = true, rules: JSONObject = [:]
    ) {
        self.name = name
        self.pointer = pointer
        self.description = description
        self.properties = properties
        self.required = required
        self.closed = closed
        self.rules = rules
    }

    /// The keys it takes, in order.
    public var keys: [String] { properties.keys }

    /// Its JSON Schema: an object with these properties (and no others, when closed) and these rules.
    public var jsonSchema: JSONValue {
        var schema: JSONObject = closed ? ["type": "object"] : [:]
        if let description { schema["description"] = .string(description) }
        schema["properties"] = .object(properties)
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        if closed { schema["additionalProperties"] = false }
        for (key, value) in rules { schema[key] = value }
        return .object(schema)
    }

    /// ``jsonSchema`` with another description, for an object that several keys hold (a bucket of reads, of writes).
    public func jsonSchema(describedAs description: String) -> JSONValue {
        guard case .object(var schema) = jsonSchema else { return jsonSchema }
        schema["description"] = .string(description)
        return .object(schema)
    }
}

extension YAMLReader {
    /// `object`'s values by key, with unknown, duplicate and missing keys reported (see ``fields(_:_:keys:required:)``).
    public mutating func fields(_ node: Node, _ object: FormatObject) -> [String: Node]? {
        fields(node, object.name, keys: object.keys, required: object.required)
    }
}
