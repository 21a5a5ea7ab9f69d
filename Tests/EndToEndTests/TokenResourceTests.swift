import AzspecTesting
import Foundation
import Testing

/// Tokens for resources other than Resource Manager: asked for with `resource:`, cached per (identity, resource),
/// and sent only to that resource's hosts.
@Suite struct TokenResourceTests {
    static let configuration = """
        tenants:
          - id: 11111111-2222-3333-4444-555555555555
            servicePrincipals:
              - { name: app, clientId: a0000000-0000-4000-8000-000000000001, objectId: b0000000-0000-4000-8000-000000000001, secrets: [app-secret-value], appRoles: [Application.Read.All] }
              - { name: plain, clientId: a0000000-0000-4000-8000-000000000002, objectId: b0000000-0000-4000-8000-000000000002, secrets: [plain-secret-value] }
            subscriptions: [ { id: 99999999-8888-7777-6666-555555555555 } ]
            roleAssignments:
              - { principal: app, role: Reader, scope: /subscriptions/99999999-8888-7777-6666-555555555555 }
        """

    static let identities = """
        identities:
          app: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000001, secret: app-secret-value }
          plain-graph: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000002, secret: plain-secret-value, resource: graph }
        """

    @Test func graphTokensCarryTheAppRolesAndAreCachedApart() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let config = try folder.write("emulator.yaml", Self.configuration)
        try folder.write("specs/azspec.yaml", Self.identities)
        try folder.write(
            "specs/t.yaml",
            """
            name: resources
            tests:
              - name: the app's Graph token carries its application permission
                identity: app
                resource: graph
                expect: { token: { aud: "https://graph.microsoft.com", roles: { contains: Application.Read.All } } }
              - name: again, from the cache
                identity: app
                resource: graph
                expect: { token: { aud: "https://graph.microsoft.com" } }
              - name: its Resource Manager token is another one
                identity: app
                request: { url: "/subscriptions/99999999-8888-7777-6666-555555555555", query: { api-version: "2022-12-01" } }
                expect: { status: 200 }
              - name: a principal without grants has no roles claim at all
                identity: plain-graph
                expect: { token: { roles: { exists: false } } }
            """)
        let result = try await folder.run(["run", "--emulator", "--emulator-config", config, "specs"])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains("4 passed, 0 failed"), "\(result.stdout)")
        #expect(result.stdout.contains("3 tokens acquired"), "one per (identity, resource): \(result.stdout)")
    }

    @Test func aTokenGoesOnlyToItsResourcesHosts() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/azspec.yaml", Self.identities)
        try folder.write(
            "specs/t.yaml",
            """
            name: routing
            tests:
              - name: a Key Vault token to Resource Manager
                identity: app
                resource: keyVault
                request: { url: "https://management.azure.com/subscriptions", query: { api-version: "2022-12-01" } }
              - name: a Graph token to Graph is fine
                identity: plain-graph
                request: { url: "https://graph.microsoft.com/v1.0/servicePrincipals" }
              - name: a storage token to a blob endpoint is fine
                identity: app
                resource: storage
                request: { url: "https://stdata.blob.core.windows.net/logs?restype=container" }
              - name: an unknown resource
                identity: app
                resource: grap
                request: { url: "https://graph.microsoft.com/v1.0/me" }
            """)
        let result = try await folder.run(["validate", "specs"])
        #expect(result.status == 2, "\(result.all)")
        let err = result.stderr
        #expect(
            err.contains(
                "specs/t.yaml:6:21: error: identity 'app' sends its token only to *.vault.azure.net; https://management.azure.com is none of them"
            ),
            "\(err)")
        #expect(
            err.contains(
                "specs/t.yaml:16:15: error: resource 'grap' is none of arm, graph, keyVault, storage and not an https:// audience (did you mean 'graph'?)"
            ), "\(err)")
        #expect(!err.contains("t.yaml:9:"), "Graph's own host takes a Graph token: \(err)")
        #expect(!err.contains("t.yaml:13:"), "a blob host takes a storage token: \(err)")

        try folder.write(
            "specs/t.yaml",
            """
            name: permissions need a Resource Manager token
            tests:
              - name: t
                identity: app
                resource: graph
                permissions: { scope: /subscriptions/x, allow: [Microsoft.Resources/subscriptions/read] }
            """)
        let mixed = try await folder.run(["validate", "specs"])
        #expect(
            mixed.stderr.contains(
                "specs/t.yaml:3:5: error: a permission check reads Resource Manager with a Resource Manager token; remove 'resource'"),
            "\(mixed.stderr)")
    }
}
