import AzspecTesting
import Foundation
import Testing

/// `schema:` against the emulator's answers: files beside the spec with `$ref`s between them, inline schemas, what a
/// failure says (instance path, keyword, value, redacted), and what validation refuses before anything is sent.
@Suite struct SchemaMatcherTests {
    static let token = """
          - name: token
            request:
              method: POST
              url: "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/token"
              form: { grant_type: client_credentials, client_id: "{{env.AZURE_CLIENT_ID}}", client_secret: "{{env.AZURE_CLIENT_SECRET}}", resource: "{{cloud.arm}}/" }
            expect:
              status: 200
              json:
                $: { schema: schemas/token.json }
            capture: { token: $.access_token }
          - name: a token this short is no token
            request:
              method: POST
              url: "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/token"
              form: { grant_type: client_credentials, client_id: "{{env.AZURE_CLIENT_ID}}", client_secret: "{{env.AZURE_CLIENT_SECRET}}", resource: "{{cloud.arm}}/" }
            expect:
              json:
                $.access_token: { schema: { type: string, maxLength: 5 } }

        """

    static let files = [
        "specs/schemas/token.json":
            #"{"type": "object", "required": ["access_token", "token_type"], "properties": {"token_type": {"const": "Bearer"}}}"#,
        "specs/schemas/group.json":
            #"{"type": "object", "required": ["id", "location"], "properties": {"name": {"pattern": "^rg-"}, "tags": {"$ref": "common/tags.json"}}}"#,
        "specs/schemas/common/tags.json": #"{"type": "object", "additionalProperties": {"type": "string", "maxLength": 3}}"#,
    ]

    @Test func filesAndInlineSchemasCheckTheBodyAndSayWhereItFails() async throws {
        let run = try await BinaryRun(
            ["run", "--emulator", "specs"],
            files: Self.files.merging([
                "specs/schema.yaml": "name: schema\ntests:\n" + Self.token + """
                      - name: groups
                        request:
                          url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups?api-version=2021-04-01"
                          headers: { Authorization: "Bearer {{token}}" }
                        expect:
                          json:
                            $.value: { schema: { type: array, minItems: 2, items: { $ref: "schemas/group.json" } } }
                    """
            ]) { $1 })
        #expect(run.status == 1, "\(run.all)")
        let xml = try #require(run.junit)
        #expect(xml.contains(#"tests="3" failures="2""#), "\(xml)")
        #expect(xml.contains("$.access_token: does not match the inline schema: the value: &quot;***… is "), "redacted: \(xml)")
        #expect(xml.contains("characters long, more than 5 (/maxLength)"), "\(xml)")
        #expect(
            xml.contains(
                #"$.value: does not match the inline schema: /0/tags/env: "smoke" is 5 characters long, more than 3 (/items/$ref/properties/tags/$ref/additionalProperties/maxLength)"#
                    .replacingOccurrences(of: "\"", with: "&quot;")),
            "\(xml)")
        #expect(!xml.contains("$: does not match"), "the token body matches schemas/token.json")
        #expect(!xml.contains("eyJ") && !run.all.contains("eyJ"), "the token in a schema failure is redacted")
    }

    @Test func validationRefusesSchemasThatCannotBeUsed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (name, text) in Self.files { try folder.write(name, text) }
        try folder.write("specs/schemas/remote.json", #"{"$ref": "https://schemas.example.com/group.json"}"#)
        try folder.write("specs/schemas/escape.json", #"{"$ref": "../../outside.json"}"#)
        try folder.write("outside.json", "{}")
        try folder.write("specs/schemas/pattern.json", #"{"pattern": "(unclosed"}"#)
        try folder.write(
            "specs/schema.yaml",
            """
            name: schema
            tests:
              - name: bad schemas
                request: { url: "https://management.azure.com/x" }
                expect:
                  json:
                    $.a: { schema: schemas/remote.json }
                    $.b: { schema: schemas/escape.json }
                    $.c: { schema: schemas/pattern.json }
                    $.d: { schema: schemas/missing.json }
                    $.e: { shema: { type: object } }
                    $.f: { schema: { $ref: "#/nowhere" } }
            """)
        let result = try await folder.run(["validate", "specs"])
        #expect(result.status == 2, "\(result.all)")
        for message in [
            "specs/schema.yaml:7:24: error: schema: 'https://schemas.example.com/group.json' is not a file next to the schema: azspec fetches nothing over the network",
            "specs/schema.yaml:8:24: error: schema: '\(folder.path)/outside.json' is outside the schema's folder",
            "specs/schema.yaml:9:24: error: schema: '(unclosed' is not a regular expression",
            "specs/schema.yaml:10:24: error: schema: ",
            "specs/schema.yaml:11:16: error: unknown matcher 'shema' (did you mean 'schema'?); to compare with an object write 'equals: {…}'",
            "specs/schema.yaml:12:24: error: schema: cannot resolve ",
        ] {
            #expect(result.stderr.contains(message), "\(message)\n\(result.stderr)")
        }
        #expect(result.stderr.contains("missing.json"), "\(result.stderr)")
    }
}
