import AzspecCore
import Foundation
import Testing

@testable import AzspecImport
@testable import AzspecKit

@Suite struct PostmanImportTests {
    /// The bytes of a file in `Fixtures/` beside this file.
    private func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    private func manualFlow() throws -> PostmanImport {
        try PostmanImporter.convert(
            collection: fixture("manual-flow.postman_collection.json"),
            environment: fixture("manual-flow.postman_environment.json"))
    }

    private func contoso() throws -> PostmanImport {
        try PostmanImporter.convert(
            collection: fixture("contoso.postman_collection.json"), environment: fixture("contoso.postman_environment.json"))
    }

    private func importError(_ collection: [UInt8], environment: [UInt8]? = nil) -> PostmanImportError? {
        do {
            _ = try PostmanImporter.convert(collection: collection, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    private func file(_ result: PostmanImport, _ name: String) throws -> String {
        try #require(result.files.first { $0.name == name }, "no file \(name) in \(result.files.map(\.name))").text
    }

    /// What the environment variables of the emulator (and of `azspec run`) hold, for validation.
    private static let environment = [
        "AZURE_TENANT_ID": "t", "AZURE_CLIENT_ID": "c", "AZURE_CLIENT_SECRET": "s", "AZURE_SUBSCRIPTION_ID": "sub",
        "API_KEY": "k",
        "SAS_SIGNATURE": "sig", "OCP_APIM_SUBSCRIPTION_KEY": "o", "POSTMAN_AUTHORIZATION": "a",
    ]

    // MARK: - The manual flow

    @Test func manualFlowBecomesTheSpecTheEmulatorRuns() throws {
        let result = try manualFlow()
        #expect(result.files.map(\.name) == ["01-azure-manual-flow.yaml"])
        let expected = """
            # Imported from Postman collection "Azure manual flow" by azspec import postman.
            name: Azure manual flow
            vars:
              loginUrl: "{{cloud.login}}"
              tenantId: "{{env.AZURE_TENANT_ID}}"
              clientId: "{{env.AZURE_CLIENT_ID}}"
              clientSecret: "{{env.AZURE_CLIENT_SECRET}}"
              subscriptionId: "{{env.AZURE_SUBSCRIPTION_ID}}"
            tests:
              - name: Get token
                request:
                  method: POST
                  url: "{{loginUrl}}/{{tenantId}}/oauth2/token"
                  form:
                    grant_type: client_credentials
                    client_id: "{{clientId}}"
                    client_secret: "{{clientSecret}}"
                    resource: "{{cloud.arm}}/"
                expect:
                  status: 200
                capture:
                  token: "$.access_token"

              - name: List resource groups
                request:
                  method: GET
                  url: "{{cloud.arm}}/subscriptions/{{subscriptionId}}/resourcegroups"
                  query: { api-version: "2021-04-01" }
                  headers: { Authorization: "Bearer {{token}}" }
                expect:
                  status: 200
                  json:
                    "$.value": { type: array }

            """
        #expect(try file(result, "01-azure-manual-flow.yaml") == expected)
        #expect(
            result.notes == [
                "Read from the environment instead of copied: tenantId → AZURE_TENANT_ID, clientId → AZURE_CLIENT_ID, "
                    + "clientSecret → AZURE_CLIENT_SECRET (secret), subscriptionId → AZURE_SUBSCRIPTION_ID.",
                "Set these environment variables before running: AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_SUBSCRIPTION_ID, "
                    + "AZURE_TENANT_ID (azspec run --emulator sets the AZURE_* ones itself).",
            ])
    }

    @Test func everyImportedFileLoadsAndValidates() throws {
        for result in [try manualFlow(), try contoso()] {
            for file in result.files {
                let loaded = SpecLoader().load(yaml: file.text, file: file.name)
                let suite = try #require(loaded.suite, "\(file.name) is not a spec: \(loaded.diagnostics)")
                let problems = loaded.diagnostics + SpecValidator(environment: Self.environment).validate(suite)
                #expect(problems.filter { $0.severity == .error }.isEmpty, "\(file.name): \(problems)\n\(file.text)")
            }
        }
    }

    @Test func noSecretValueIsWrittenAnywhere() throws {
        var secrets = [
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.SAVED-ACCESS-TOKEN-MUST-NOT-LEAK", "hunter2-literal-password",
            "form-literal-password-LEAK", "0123456789abcdef-literal-sub-key", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJsZWFrIn0",
            "k-1234567890-partner-key",
        ]
        for name in ["manual-flow.postman_environment.json", "contoso.postman_environment.json"] {
            let environment = try #require(JSONValue.parsed(try fixture(name)))
            for value in environment["values"]?.arrayValue ?? [] where value["type"]?.stringValue == "secret" {
                secrets.append(try #require(value["value"]?.stringValue))
            }
        }
        #expect(secrets.count == 9)
        for result in [try manualFlow(), try contoso()] {
            let everything = result.files.map(\.text) + result.notes + result.files.map(\.name)
            for secret in secrets {
                #expect(!everything.contains { $0.contains(secret) }, "\(secret) leaked")
                #expect(!everything.contains { $0.contains(secret.prefix(12)) }, "the start of \(secret) leaked")
            }
        }
        let contoso = try contoso()
        #expect(try file(contoso, "05-deep.yaml").contains(#"Authorization: "Bearer {{env.POSTMAN_AUTHORIZATION}}""#))
        #expect(try file(contoso, "03-storage-partner.yaml").contains(#"apiKey: "{{env.API_KEY}}""#))
        #expect(
            contoso.notes.contains { $0.hasPrefix("Set these environment variables before running: API_KEY, AZURE_CLIENT_ID") })
    }

    // MARK: - Refusals

    @Test func refusesVersion1Collections() throws {
        let error = importError(try fixture("v1.postman_collection.json"))
        #expect(error == .version1)
        #expect(
            error?.description == "Postman v1 collections are not supported: export it again as Collection v2.1 from Postman.")
        let schema =
            #"{"info":{"name":"x","schema":"https://schema.getpostman.com/json/collection/v1.0.0/collection.json"},"item":[]}"#
        #expect(importError(Array(schema.utf8)) == .version1)
    }

    @Test func refusesWhatIsNotACollection() throws {
        let notJSON = importError(Array("name: not json".utf8))
        #expect(notJSON?.description.hasPrefix("The collection is not JSON (line 1, column 1") == true)
        #expect(importError(Array(#"{"name":"x"}"#.utf8)) == .notACollection(reason: "it has no info"))
        #expect(importError(Array(#"{"info":{"name":"x"}}"#.utf8)) == .notACollection(reason: "it has no item list"))
        #expect(importError(try fixture("manual-flow.postman_environment.json")) == .notACollection(reason: "it has no info"))
        #expect(importError(Array("[]".utf8))?.description.hasPrefix("This is not a Postman collection") == true)
        #expect(
            importError(Array(#"{"info":{"name":"Nothing"},"item":[{"name":"f","item":[]}]}"#.utf8))
                == .noRequests(collection: "Nothing"))
        let collection = try fixture("manual-flow.postman_collection.json")
        #expect(importError(collection, environment: collection) == .notAnEnvironment(reason: "it is a collection"))
        #expect(
            importError(collection, environment: Array("{".utf8))?.description.hasPrefix("The environment is not JSON") == true)
    }

    @Test func refusesInputsTooLargeOrTooDeep() throws {
        let large = [UInt8](repeating: UInt8(ascii: " "), count: PostmanImporter.maxInputBytes + 1)
        #expect(importError(large) == .tooLarge(what: "collection", bytes: large.count))
        func nested(_ depth: Int) -> [UInt8] {
            var item = #"{"name":"leaf","request":{"method":"GET","url":"https://management.azure.com/x"}}"#
            for level in 0..<depth { item = #"{"name":"f\#(level)","item":[\#(item)]}"# }
            return Array(#"{"info":{"name":"deep"},"item":[\#(item)]}"#.utf8)
        }
        #expect(importError(nested(33)) == .tooDeep(folder: "f0", limit: 32))
        #expect(importError(nested(32)) == nil)
    }

    // MARK: - Folders, requests, auth, scripts

    @Test func foldersBecomeFilesAndNestedFoldersPrefixTestNames() throws {
        let result = try contoso()
        #expect(
            result.files.map(\.name) == [
                "01-contoso-resource-checks.yaml", "02-resource-groups.yaml", "03-storage-partner.yaml", "04-graph.yaml",
                "05-deep.yaml",
            ])
        let groups = try file(result, "02-resource-groups.yaml")
        #expect(groups.contains("\nname: Resource groups\n"))
        #expect(groups.contains("  - name: Tags / Cleanup / Delete tagged group\n"))
        #expect(try file(result, "05-deep.yaml").contains("  - name: Level 2 / Deep request\n"))
        #expect(try file(result, "03-storage-partner.yaml").contains("  - name: Call partner API (2)\n"))
        #expect(
            result.notes.contains(
                "Contoso resource checks › Empty folder: the folder holds no requests; no spec is written for it."))
        for file in result.files {
            #expect(
                file.text.hasPrefix("# Imported from Postman collection \"Contoso resource checks\" by azspec import postman.\n"))
        }
    }

    @Test func oauth2ClientCredentialsBecomesADeclaredIdentity() throws {
        let result = try contoso()
        let identity = """
            identities:
              oauth2:
                kind: clientSecret
                tenant: "{{env.AZURE_TENANT_ID}}"
                clientId: "{{env.AZURE_CLIENT_ID}}"
                secret: "{{env.AZURE_CLIENT_SECRET}}"

            """
        let groups = try file(result, "02-resource-groups.yaml")
        #expect(groups.contains(identity + "identity: oauth2\n"))
        #expect(!groups.contains("Authorization"))
        #expect(try file(result, "04-graph.yaml").contains("    secret: \"{{env.AZURE_CLIENT_SECRET}}\"\n    resource: graph\n"))
        #expect(!(try file(result, "03-storage-partner.yaml")).contains("identit"))
    }

    @Test func requestsKeepTheirPartsAndDropDisabledOnes() throws {
        let result = try contoso()
        let groups = try file(result, "02-resource-groups.yaml")
        #expect(groups.contains(#"headers: { Accept: application/json, x-ms-client-request-id: "{{run.id}}" }"#))
        #expect(!groups.contains("X-Debug"))
        #expect(!groups.contains("$top"))
        #expect(groups.contains(#"url: "{{armUrl}}{{base_path}}/resourcegroups/{{firstGroup}}""#))
        #expect(groups.contains("      json:\n        location: westeurope\n        tags:\n          env: \"{{env_var}}\"\n"))
        #expect(groups.contains(#"body: "{\"force\": {{force}}}""#))
        let storage = try file(result, "03-storage-partner.yaml")
        #expect(!storage.contains("stale"))
        #expect(storage.contains(#"query: { sv: "2022-11-02", sig: "{{sasSignature}}" }"#))
        #expect(
            storage.contains("  # postman body (multipart form data), not converted:\n  # postman:   comment=quarterly report\n"))
        #expect(storage.contains("  # postman:   file=@/home/me/report.txt\n  - name: Upload blob\n"))
        #expect(storage.contains("    skip: \"Postman sends it as PURGE, a method azspec does not send\"\n"))
        #expect(
            result.notes.contains {
                $0.hasSuffix("Upload blob: the multipart form-data body is not converted (kept as a comment).")
            })
    }

    @Test func unconvertedJavaScriptIsKeptAboveItsTestAndListed() throws {
        let result = try contoso()
        let groups = try file(result, "02-resource-groups.yaml")
        let comments = """
              # postman: _.each(jsonData.value, function (group) {
              # postman: pm.expect(group.location).to.be.a('string');
              # postman: });
              # postman: console.log(jsonData.value.length);
              - name: List resource groups

            """
        #expect(groups.contains(comments))
        #expect(groups.contains("  # postman pre-request script, not converted:\n  # postman: const started = Date.now();\n"))
        #expect(groups.contains("# postman: pm.expect(pm.response.responseTime).to.be.below(2000);\n"))
        #expect(
            result.notes.contains(
                "Contoso resource checks › Resource groups › List resource groups: 4 lines not converted "
                    + "(kept as # postman: comments above its test)."
            ))
        #expect(
            result.notes.contains(
                "Contoso resource checks (collection script): 1 test script line not converted "
                    + "(kept as comments at the top of its spec files)."
            ))
    }

    @Test func testScriptsBecomeExpectationsAndCaptures() throws {
        let groups = try file(try contoso(), "02-resource-groups.yaml")
        let list = """
                expect:
                  status: 200
                  headers: { x-ms-request-id: { exists: true } }
                  json:
                    "$.value": { length: { gt: 0 } }
                    "$.value[0].name": { contains: rg- }
                capture:
                  firstGroup: "$.value[0].name"

            """
        #expect(groups.contains(list))
        #expect(groups.contains("    \"$.name\": \"{{firstGroup}}\"\n"))
        #expect(groups.contains("    \"$.properties.provisioningState\": { oneOf: [Succeeded, Updating] }\n"))
        #expect(groups.contains("      status: [200, 201]\n"))
        let graph = try file(try contoso(), "04-graph.yaml")
        #expect(
            graph.contains(
                "      refreshToken: \"$.refresh_token\"\n      sessionKey: { json: \"$.value[0].id\", secret: true }\n"))
        #expect(graph.contains("        \"$['@odata.context']\": { exists: true }\n"))
    }

    @Test func scriptFormsTranslate() {
        let translation = PostmanScript.translate([
            "pm.test(\"ok\", function () { pm.response.to.have.status(200); });",
            "let jsonData = JSON.parse(responseBody);",
            "pm.expect(jsonData.value).to.be.an('array');",
            "pm.expect(jsonData.value[0].name).to.eql(\"rg-a\");",
            "pm.expect(jsonData.a.b).to.exist;",
            "pm.expect(jsonData.tags).to.not.be.undefined;",
            "pm.expect(jsonData.list).to.have.lengthOf(2);",
            "pm.expect(jsonData.text).to.include('x');",
            "pm.response.to.have.header(\"Location\");",
            "postman.setEnvironmentVariable(\"id\", jsonData.id);",
            "pm.collectionVariables.set(\"where\", pm.response.headers.get(\"Location\"));",
            "console.log('not converted');",
        ])
        #expect(translation.status == [200])
        #expect(
            translation.expectations.map(\.target) == [
                .json("$.value"), .json("$.value[0].name"), .json("$.a.b"), .json("$.tags"), .json("$.list"), .json("$.text"),
                .header("Location"),
            ])
        #expect(translation.expectations[0].matchers == [ScriptMatcher(.type, .json("array"))])
        #expect(translation.expectations[3].matchers == [ScriptMatcher(.exists, .json(true))])
        #expect(translation.expectations[4].matchers == [ScriptMatcher(.length, .json(2))])
        #expect(translation.captures.map(\.name) == ["id", "where"])
        #expect(translation.captures.map(\.source) == [.json("$.id"), .header("Location")])
        #expect(translation.unconverted == ["console.log('not converted');"])
    }

    @Test func variableNamesBecomeIdentifiers() throws {
        let result = try contoso()
        #expect(result.notes.contains { $0.hasPrefix("Variable 'env' is named 'env_var' in the specs") })
        #expect(result.notes.contains { $0.hasPrefix("Variable 'base.path' is named 'base_path' in the specs") })
        #expect(try file(result, "02-resource-groups.yaml").contains("  env_var: prod\n  force: \"true\"\n"))
        #expect(AzureNames.environmentName("clientSecret") == "CLIENT_SECRET")
        #expect(AzureNames.environmentName("APIKey") == "API_KEY")
        #expect(AzureNames.environmentName("x-api-key") == "X_API_KEY")
        #expect(AzureNames.wellKnown("AZURE_TENANT_ID") == "AZURE_TENANT_ID")
        #expect(AzureNames.wellKnown("app-id") == "AZURE_CLIENT_ID")
        #expect(AzureNames.wellKnown("resourceGroup") == nil)
        #expect(AzureNames.cloudPrefixed("https://management.azure.com/x") == "{{cloud.arm}}/x")
        #expect(
            AzureNames.cloudPrefixed("https://management.azure.com.evil.example/") == "https://management.azure.com.evil.example/"
        )
        for name in ["tenantId", "a_b-c", "_x"] { #expect(SpecNames.isIdentifier(name) == SpecParser.isIdentifier(name)) }
        for name in ["a.b", "1st", "", "é"] { #expect(SpecNames.isIdentifier(name) == SpecParser.isIdentifier(name)) }
    }

    @Test func yamlScalarsAreQuotedWhenTheyMustBe() {
        let plain = ["westeurope", "client_credentials", "application/json", "rg-smoke", "Get token", "/subscriptions"]
        for text in plain { #expect(YAMLWriter.scalar(text) == text) }
        let quoted = [
            "", "true", "No", "null", "~", "2021-04-01", "200", "-1", ".5", "{{token}}", "a: b", "#x", "x #y", "[a]", "*a", "&a",
            "!a",
            " lead", "trail ", "$.value", "a,b", "@x", "%x", "`x", "'x'", "\"x\"", "x|y", "x>y", "é",
        ]
        for text in quoted { #expect(YAMLWriter.scalar(text).hasPrefix("\""), "\(text) must be quoted") }
        #expect(YAMLWriter.scalar("line\nbreak\u{2028}\u{85}\u{7F}") == #""line\nbreak\u2028\u0085\u007F""#)
        #expect(YAMLWriter.key("Content-Type") == "Content-Type")
        #expect(YAMLWriter.key("with space") == #""with space""#)
        #expect(YAMLWriter.comment("bell\u{7}") == "# bell\\u{7}")
    }
}
