import AzspecCore
import JSONSchema
import Testing

/// What a failure says (where in the instance, which keyword where in the schema, the value) and the bounds that keep
/// a hostile schema finite.
struct FailureReportTests {
    @Test func aFailureNamesTheInstancePathTheKeywordAndTheValue() throws {
        let schema = try JSONSchema(
            [
                "type": "object", "required": ["name"],
                "properties": ["tags": ["type": "object", "additionalProperties": ["$ref": "#/$defs/tag"]]],
                "$defs": ["tag": ["type": "string", "maxLength": 3]],
            ])
        let failures = schema.validate(["tags": ["env": "production", "team/x": 7]])
        #expect(
            failures.map(\.description) == [
                "/tags/env: \"production\" is 10 characters long, more than 3 (/properties/tags/additionalProperties/$ref/maxLength)",
                "/tags/team~1x: 7 is an integer, not a string (/properties/tags/additionalProperties/$ref/type)",
                "the value: missing 'name' (/required)",
            ])
        #expect(failures[0].keywordLocation == "urn:azspec:schema#/$defs/tag/maxLength")
    }

    @Test func aReferenceCycleThatConsumesNothingEndsWithAFailure() throws {
        let schema = try JSONSchema(["$defs": ["loop": ["$ref": "#/$defs/loop"]], "$ref": "#/$defs/loop"])
        let failures = schema.validate(1)
        #expect(failures.count == 1)
        #expect(failures.first?.message.contains("levels deep here (a reference cycle?)") == true, "\(failures)")
    }

    @Test func unresolvableReferencesAndBadPatternsFailAtLoad() {
        #expect(throws: JSONSchemaError.self) { try JSONSchema(["$ref": "other.json#/x"]) }
        #expect(throws: JSONSchemaError.self) { try JSONSchema(["pattern": "(unclosed"]) }
        var deep: JSONValue = ["type": "string"]
        for _ in 0..<300 { deep = ["items": deep] }
        #expect(throws: JSONSchemaError.self) { try JSONSchema(deep) }
    }

    @Test func formatIsAnAnnotationUnlessAsked() throws {
        var schema = try JSONSchema(["format": "uuid"])
        #expect(schema.isValid("not-a-uuid"))
        schema.assertFormat = true
        #expect(!schema.isValid("not-a-uuid"))
        #expect(schema.isValid("3f2b7c1e-4a3d-4e8f-9b6a-0c1d2e3f4a5b"))
    }
}
