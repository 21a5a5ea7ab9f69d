/// JSON Schemas of values that several formats' keys take, each built in one place.
public enum FormatSchema {
    /// A GUID string.
    public static func guid(_ description: String) -> JSONValue {
        [
            "type": "string", "pattern": .string(FormatPattern.guid),
            "patternErrorMessage": "A GUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.", "description": .string(description),
        ]
    }

    /// A list of RBAC actions (or data actions): patterns with at most one `*`, or, when `exact`, no wildcard at all.
    /// `optional` lets the list be null (the emulator's configuration); `explained` adds the pattern's error message.
    public static func actions(
        _ description: String, item: String = "An action or a pattern with one '*'.", exact: Bool = false,
        optional: Bool = false, explained: Bool = false
    ) -> JSONValue {
        var items: JSONObject = [
            "type": "string", "pattern": .string(exact ? FormatPattern.exactAction : FormatPattern.action),
            "description": .string(item),
        ]
        if explained {
            items["patternErrorMessage"] = .string(
                "An action reads Provider.Namespace/resourceType/…/verb, e.g. Microsoft.Storage/storageAccounts/read; "
                    + (exact ? "no wildcard in a deny list." : "at most one '*'."))
        }
        return [
            "type": optional ? ["array", "null"] : "array", "description": .string(description), "items": .object(items),
        ]
    }

    /// Any scalar read as text (a string, or a number or boolean as its text); `required` refuses the empty string.
    public static func text(_ description: String, examples: [JSONValue] = [], required: Bool = false) -> JSONValue {
        var schema: JSONObject = ["type": ["string", "number", "boolean"]]
        if required { schema["minLength"] = 1 }
        schema["description"] = .string(description)
        if !examples.isEmpty { schema["examples"] = .array(examples) }
        return .object(schema)
    }

    /// A rule that holds when `key` is there and is a non-empty list (one branch of "at least one of these").
    public static func nonEmpty(_ key: String, _ description: String) -> JSONValue {
        ["required": [.string(key)], "properties": [key: ["type": "array", "minItems": 1, "description": .string(description)]]]
    }

    /// A list of `items`; `optional` lets it be null (an empty list written as `key:`).
    public static func list(of items: JSONValue, _ description: String, optional: Bool = false) -> JSONValue {
        ["type": optional ? ["array", "null"] : "array", "description": .string(description), "items": items]
    }

    /// A value of the shared definition `name` (`#/$defs/name`), described for the key that takes it.
    public static func ref(_ name: String, _ description: String, examples: [JSONValue] = []) -> JSONValue {
        var schema: JSONObject = ["$ref": .string("#/$defs/" + name), "description": .string(description)]
        if !examples.isEmpty { schema["examples"] = .array(examples) }
        return .object(schema)
    }
}
