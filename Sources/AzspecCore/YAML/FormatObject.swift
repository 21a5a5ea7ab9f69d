public import Yams

/// One kind of mapping in a YAML format that azspec reads (a spec's `request:`, the emulator's tenant…): the keys it
/// takes, those it needs, and where the JSON Schema describes it. The one home of its key list: the loader takes its
/// allowed keys and did-you-mean candidates from here, and a test holds the schema's `properties` and `required` to it.
public struct FormatObject: Sendable {
    /// How errors name it: "the suite", "a tenant".
    public let name: String
    /// The keys it takes, in the order the docs list them.
    public let keys: [String]
    /// The keys it cannot do without.
    public let required: [String]
    /// The JSON pointer of its schema (the subschema that lists `properties`) in `azspec schema`'s document.
    public let schema: String

    public init(_ name: String, keys: [String], required: [String] = [], schema: String) {
        self.name = name
        self.keys = keys
        self.required = required
        self.schema = schema
    }
}

extension YAMLReader {
    /// `object`'s values by key, with unknown, duplicate and missing keys reported (see ``fields(_:_:keys:required:)``).
    public mutating func fields(_ node: Node, _ object: FormatObject) -> [String: Node]? {
        fields(node, object.name, keys: object.keys, required: object.required)
    }
}
