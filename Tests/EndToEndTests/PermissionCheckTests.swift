import AzspecTesting
import Foundation
import Testing

/// Declared permission checks and denied probes against the emulator, with custom roles, an assignment at a
/// resource scope under a condition, and a deny assignment: each verdict as Azure's rules give it, and the
/// failures naming the action, the direction and what decided it.
@Suite struct PermissionCheckTests {
    static let subscription = "99999999-8888-7777-6666-555555555555"
    static let tenant = "11111111-2222-3333-4444-555555555555"
    static let account = "/subscriptions/\(subscription)/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata"

    /// One item per page, so that every Microsoft.Authorization list is read across pages.
    static let configuration = """
        pageSize: 1
        tenants:
          - id: \(tenant)
            servicePrincipals:
              - { name: auditor, clientId: a0000000-0000-4000-8000-000000000001, objectId: b0000000-0000-4000-8000-000000000001, secrets: [auditor-secret-value] }
              - { name: owner, clientId: a0000000-0000-4000-8000-000000000002, objectId: b0000000-0000-4000-8000-000000000002, secrets: [owner-secret-value] }
              - { name: nobody, clientId: a0000000-0000-4000-8000-000000000003, objectId: b0000000-0000-4000-8000-000000000003, secrets: [nobody-secret-value] }
            subscriptions:
              - id: \(subscription)
                resourceGroups: [ { name: rg-data, location: westeurope } ]
            roleDefinitions:
              - name: Storage Auditor
                actions: [Microsoft.Storage/storageAccounts/read, Microsoft.Resources/subscriptions/resourceGroups/read, Microsoft.Authorization/*/read]
            roleAssignments:
              - { principal: auditor, role: Storage Auditor, scope: /subscriptions/\(subscription)/resourceGroups/rg-data }
              - principal: auditor
                role: Storage Blob Data Reader
                scope: \(account)
                condition: "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'logs'"
              - { principal: owner, role: Owner, scope: /subscriptions/\(subscription) }
            denyAssignments:
              - name: no-keys-for-anyone
                scope: /subscriptions/\(subscription)
                actions: [Microsoft.Storage/storageAccounts/listKeys/action]
                principals: [everyone]
        """

    static func identities() -> String {
        ["auditor", "owner", "nobody"].enumerated().map { index, name in
            "  \(name): { kind: clientSecret, tenant: \(tenant), clientId: a0000000-0000-4000-8000-00000000000\(index + 1), secret: \(name)-secret-value }"
        }.joined(separator: "\n")
    }

    func run(_ spec: String) async throws -> (ProcessOutput, String) {
        let run = try await BinaryRun(
            ["run", "--emulator", "--emulator-config", "emulator.yaml", "specs", "-v"],
            files: [
                "emulator.yaml": Self.configuration, "specs/azspec.yaml": "identities:\n" + Self.identities() + "\n",
                "specs/checks.yaml": spec,
            ])
        return (run.output, try #require(run.junit))
    }

    @Test func verdictsFollowAzureRules() async throws {
        let (result, xml) = try await run(
            """
            name: checks
            tests:
              - name: the auditor reads storage in rg-data, and a deny assignment takes the keys away
                identity: auditor
                permissions:
                  scope: /subscriptions/\(Self.subscription)/resourceGroups/rg-data
                  allow: [Microsoft.Storage/storageAccounts/read, Microsoft.Resources/subscriptions/resourceGroups/read, Microsoft.Authorization/*/read]
                  deny: [Microsoft.Storage/storageAccounts/listKeys/action, Microsoft.Storage/storageAccounts/write]
                  exactly: true
              - name: blob reads at the account are granted subject to a condition
                identity: auditor
                permissions:
                  scope: \(Self.account)
                  dataActions: { allow: [Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read] }
              - name: the owner is denied the keys in spite of Owner
                identity: owner
                permissions:
                  scope: /subscriptions/\(Self.subscription)
                  deny: [Microsoft.Storage/storageAccounts/listKeys/action]
                  allow: [Microsoft.Authorization/roleAssignments/write]
              - name: a probe the auditor may not make
                identity: auditor
                request:
                  method: PUT
                  url: "{{cloud.arm}}/subscriptions/\(Self.subscription)/resourcegroups/rg-new"
                  query: { api-version: "2021-04-01" }
                  json: { location: westeurope }
                expect: { denied: true }
            """)
        #expect(result.status == 0, "\(result.all)")
        let out = result.stdout
        #expect(out.contains("allowed: 'Microsoft.Storage/storageAccounts/read' by role 'Storage Auditor'"), "\(out)")
        #expect(out.contains("denied: 'Microsoft.Storage/storageAccounts/write' (no permission block grants this action)"), "\(out)")
        #expect(
            out.contains(
                "allowed subject to a condition: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read' by role 'Storage Blob Data Reader', assignment \(Self.account)"
            ), "\(out)")
        #expect(
            out.contains(
                "denied: 'Microsoft.Storage/storageAccounts/listKeys/action' by deny assignment 'no-keys-for-anyone' through 'Microsoft.Storage/storageAccounts/listKeys/action'"
            ),
            "\(out)")
        #expect(
            out.contains("permissions at \(Self.account) (2 permission blocks):"),
            "two pages of one block each, joined: \(out)")
        #expect(out.contains("4 passed, 0 failed"), "\(out)")
        #expect(xml.contains("tests=\"4\" failures=\"0\" errors=\"0\""), "\(xml)")
    }

    @Test func failuresNameTheActionTheDirectionAndWhatDecided() async throws {
        let (result, xml) = try await run(
            """
            name: checks
            tests:
              - name: wrongly allowed
                identity: owner
                permissions:
                  scope: /subscriptions/\(Self.subscription)/resourceGroups/rg-data
                  deny: [Microsoft.Resources/subscriptions/resourceGroups/write]
              - name: wrongly denied
                identity: auditor
                permissions:
                  scope: /subscriptions/\(Self.subscription)/resourceGroups/rg-data
                  allow: [Microsoft.Storage/storageAccounts/write]
              - name: denied by the deny assignment
                identity: owner
                permissions:
                  scope: /subscriptions/\(Self.subscription)
                  allow: [Microsoft.Storage/storageAccounts/listKeys/action]
              - name: drift beyond the allow list
                identity: auditor
                permissions:
                  scope: /subscriptions/\(Self.subscription)/resourceGroups/rg-data
                  allow: [Microsoft.Storage/storageAccounts/read]
                  exactly: true
              - name: a condition cannot prove a denial
                identity: auditor
                permissions:
                  scope: \(Self.account)
                  dataActions: { deny: [Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read] }
              - name: no role at all
                identity: nobody
                permissions:
                  scope: /subscriptions/\(Self.subscription)
                  allow: [Microsoft.Resources/subscriptions/resourceGroups/read]
              - name: a create that was refused
                identity: auditor
                request:
                  method: PUT
                  url: "{{cloud.arm}}/subscriptions/\(Self.subscription)/resourcegroups/rg-new"
                  query: { api-version: "2021-04-01" }
                  json: { location: westeurope }
                expect: { status: 201 }
              - name: a probe that was not denied
                identity: owner
                request:
                  url: "{{cloud.arm}}/subscriptions/\(Self.subscription)/resourcegroups/rg-data"
                  query: { api-version: "2021-04-01" }
                expect: { denied: true }
            """)
        #expect(result.status == 1, "\(result.all)")
        let out = result.stdout
        let scope = "/subscriptions/\(Self.subscription)/resourceGroups/rg-data"
        #expect(
            out.contains(
                "'Microsoft.Resources/subscriptions/resourceGroups/write' should be denied at \(scope), but it is allowed by role 'Owner', assignment /subscriptions/\(Self.subscription) through '*'"
            ), "\(out)")
        #expect(
            out.contains(
                "'Microsoft.Storage/storageAccounts/write' should be allowed at \(scope), but no permission block grants this action (granted: Microsoft.Storage/storageAccounts/read, Microsoft.Resources/subscriptions/resourceGroups/read, Microsoft.Authorization/*/read)"
            ),
            "\(out)")
        #expect(
            out.contains(
                "'Microsoft.Storage/storageAccounts/listKeys/action' should be allowed at /subscriptions/\(Self.subscription), but deny assignment 'no-keys-for-anyone' denies it"
            ), "\(out)")
        #expect(
            out.contains(
                "exactly: 'Microsoft.Resources/subscriptions/resourceGroups/read' is granted at \(scope) by role 'Storage Auditor'"),
            "\(out)")
        #expect(out.contains("is allowed subject to a condition by role 'Storage Blob Data Reader'"), "\(out)")
        #expect(
            out.contains(
                "cannot read the identity's permissions at /subscriptions/\(Self.subscription) (it needs Microsoft.Authorization/permissions/read): GET"
            ), "\(out)")
        #expect(out.contains("403 AuthorizationFailed"), "\(out)")
        #expect(
            out.contains(
                "denied: expected ARM to refuse the request (403 AuthorizationFailed), but it answered 200: the identity may do this"),
            "\(out)")
        #expect(out.contains("0 passed, 8 failed"), "\(out)")
        #expect(
            xml.contains(
                "message=\"status: expected 201, got 403 AuthorizationFailed [AuthorizationFailed: The client 'a0000000-0000-4000-8000-000000000001' with object id"
            ), "the message names ARM's code and text (apostrophes need no escape in a quoted attribute): \(xml)")
        #expect(xml.contains("x-ms-ratelimit-remaining-subscription-writes: "), "\(xml)")
        #expect(xml.contains("type=\"PermissionMismatch\""), "\(xml)")
        // The JUnit line is the failing entry's (line 7: the deny list), not the test's (line 3).
        let wronglyAllowed = try #require(xml.split(separator: "\n").first { $0.contains("<testcase name=\"wrongly allowed\"") })
        #expect(wronglyAllowed.contains("line=\"7\""), "\(wronglyAllowed)")
        // A failed status points at its own line too (line 41, `expect: { status: 201 }`, not the test's line 34).
        let refused = try #require(xml.split(separator: "\n").first { $0.contains("<testcase name=\"a create that was refused\"") })
        #expect(refused.contains("line=\"41\""), "\(refused)")
        #expect(xml.contains("type=\"PermissionCheckError\""), "\(xml)")
    }

    @Test func badChecksAreRefusedAtTheirLocation() async throws {
        let result = try await BinaryRun(
            ["validate", "specs"],
            files: [
                "specs/bad.yaml": """
                name: bad checks
                identities: { t: { kind: token, variable: T } }
                identity: t
                tests:
                  - name: wildcards and shapes
                    permissions:
                      scope: /subscriptions/x
                      allow: [read, "Microsoft.A/*/b/*"]
                      deny: ["Microsoft.Storage/*"]
                  - name: a scope that is none
                    permissions: { scope: /resourceGroups/x, allow: [Microsoft.Storage/storageAccounts/read] }
                  - name: both
                    request: { url: "https://example.invalid" }
                    permissions: { scope: /subscriptions/x, deny: [Microsoft.Storage/storageAccounts/read], allow: [Microsoft.Storage/storageAccounts/read] }
                  - name: denied and status
                    request: { url: "https://example.invalid" }
                    expect: { status: 403, denied: true }
                """
            ])
        #expect(result.status == 2, "\(result.all)")
        let err = result.stderr
        #expect(err.contains("specs/bad.yaml:8:15: error: 'read' is not an action"), "\(err)")
        #expect(err.contains("specs/bad.yaml:8:21: error: 'Microsoft.A/*/b/*' has more than one wildcard"), "\(err)")
        #expect(
            err.contains("specs/bad.yaml:9:14: error: 'Microsoft.Storage/*' is a wildcard; name the actions themselves"),
            "\(err)")
        #expect(err.contains("a wildcard in a deny list cannot be decided"), "\(err)")
        #expect(err.contains("specs/bad.yaml:11:27: error: '/resourceGroups/x' is not an ARM scope"), "\(err)")
        #expect(err.contains("specs/bad.yaml:12:5: error: a test has either 'request' or 'permissions', not both"), "\(err)")
        #expect(err.contains("'Microsoft.Storage/storageAccounts/read' is in both the allow and the deny list"), "\(err)")
        #expect(err.contains("specs/bad.yaml:17:36: error: 'denied: true' already expects 403"), "\(err)")
    }
}
