public import AzspecCore

/// The JSON Schema (draft 2020-12) of spec files, with `azspec.yaml` at `#/$defs/project`, rendered from
/// ``SpecFormat``'s declarations: `azspec schema` prints it joined with the emulator configuration's definitions
/// (`#/$defs/emulatorConfiguration`), `azspec init` writes it, and the VS Code YAML extension completes and checks
/// specs with it (`# yaml-language-server: $schema=…`).
public enum SpecSchema {
    public static let id = "https://azspec.dev/schema/v1/azspec.schema.json"

    /// The document, with `definitions` (another format's `$defs`, such as the emulator's configuration) joined.
    public static func document(joining definitions: [(String, JSONValue)]) -> JSONValue {
        var all = JSONObject(SpecFormat.definitions)
        for (name, schema) in definitions { all[name] = schema }
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": .string(id),
            "title": "azspec",
            "description":
                "azspec's YAML formats. The document itself validates a spec file; #/$defs/project validates azspec.yaml and #/$defs/emulatorConfiguration the emulator's configuration.",
            "$ref": "#/$defs/spec",
            "$defs": .object(all),
        ]
    }

    /// ``document(joining:)`` as the text `azspec schema` prints and `azspec init` writes.
    public static func text(joining definitions: [(String, JSONValue)]) -> String {
        document(joining: definitions).prettyPrinted(indent: 1)
    }
}
