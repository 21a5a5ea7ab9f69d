import AzspecCore
import AzspecTesting
import Foundation
import Testing

/// Auditing a principal the test does not sign in as (`permissions.principal`), against the emulator: access through
/// a group nested in a group, a custom role, a condition, a deny assignment on a group with an excluded member, one
/// that excludes a group (undecidable from the lists), an eligible-only role under each `eligible` rule, `none`,
/// an auditor that may not read, and the audit of the auditor itself agreeing with the permissions API.
@Suite struct AccessAuditTests {
    static let subscription = "99999999-8888-7777-6666-555555555555"
    static let tenant = "11111111-2222-3333-4444-555555555555"
    static let app = "/subscriptions/\(subscription)/resourceGroups/rg-app"

    static func objectId(_ index: Int) -> String { "b0000000-0000-4000-8000-00000000000\(index)" }

    static let principals = ["auditor", "ci", "excluded", "lonely", "oncall", "granter", "storage"]

    /// One item per page, so that every list is read across pages.
    static let configuration = """
        pageSize: 1
        tenants:
          - id: \(tenant)
            servicePrincipals:
        \(principals.enumerated().map { index, name in
            "      - { name: \(name), clientId: a0000000-0000-4000-8000-00000000000\(index + 1), objectId: \(objectId(index + 1)), "
                + "secrets: [\(name)-secret-value]\(["auditor", "lonely"].contains(name) ? ", appRoles: [Directory.Read.All]" : "") }"
        }.joined(separator: "\n"))
            groups:
              - { name: sg-platform, objectId: c0000000-0000-4000-8000-000000000001, members: [sg-nested] }
              - { name: sg-nested, objectId: c0000000-0000-4000-8000-000000000002, members: [ci, excluded] }
              - { name: sg-readers, objectId: c0000000-0000-4000-8000-000000000003, members: [ci] }
            managementGroups:
              - { name: mg-platform }
              - { name: mg-prod, parent: mg-platform, subscriptions: [\(subscription)] }
            subscriptions:
              - id: \(subscription)
                resourceGroups: [ { name: rg-app, location: westeurope }, { name: rg-other, location: westeurope } ]
            roleDefinitions:
              - name: Storage Auditor
                actions: [Microsoft.Storage/storageAccounts/read]
            roleAssignments:
              - { principal: auditor, role: Reader, scope: /subscriptions/\(subscription) }
              - { principal: storage, role: Storage Account Contributor, scope: /providers/Microsoft.Management/managementGroups/mg-prod }
              - { principal: granter, role: User Access Administrator, scope: /subscriptions/\(subscription)/resourceGroups/rg-other }
              - { principal: sg-platform, role: Contributor, scope: \(app) }
              - principal: sg-readers
                role: Storage Auditor
                scope: /subscriptions/\(subscription)/resourceGroups/rg-other
                condition: "@Resource[Microsoft.Storage/storageAccounts:name] StringStartsWith 'st'"
            eligibleRoleAssignments:
              - { principal: oncall, role: Owner, scope: /subscriptions/\(subscription) }
            denyAssignments:
              - name: no-group-writes
                scope: \(app)
                actions: [Microsoft.Resources/subscriptions/resourceGroups/write]
                principals: [sg-platform]
                excludePrincipals: [excluded]
              - name: no-deletes-but-readers
                scope: \(app)
                actions: [Microsoft.Storage/storageAccounts/delete]
                principals: [everyone]
                excludePrincipals: [sg-readers]
        """

    static func identities() -> String {
        principals.enumerated().map { index, name in
            "  \(name): { kind: clientSecret, tenant: \(tenant), clientId: a0000000-0000-4000-8000-00000000000\(index + 1), secret: \(name)-secret-value }"
        }.joined(separator: "\n")
    }

    func run(_ tests: String, json: Bool = false) async throws -> (ProcessOutput, String) {
        let report = json ? "reports/run.json" : "reports/junit.xml"
        let run = try await BinaryRun(
            ["run", "--emulator", "--emulator-config", "emulator.yaml", "specs", "-v"] + (json ? ["--report", "json=" + report] : []),
            files: [
                "emulator.yaml": Self.configuration, "specs/azspec.yaml": "identities:\n" + Self.identities() + "\n",
                "specs/audit.yaml": "name: audit\nidentity: auditor\ntests:\n" + tests,
            ], reading: [report])
        return (run.output, try #require(run.files[report]))
    }

    @Test func groupsNestedGroupsCustomRolesConditionsAndDenyAssignmentsDecide() async throws {
        let (result, xml) = try await run(
            """
              - name: ci through two groups
                permissions:
                  principal: \(Self.objectId(2))
                  scope: \(Self.app)
                  allow: [Microsoft.Storage/storageAccounts/write]
                  deny: [Microsoft.Resources/subscriptions/resourceGroups/write, Microsoft.Authorization/roleAssignments/write]
              - name: the excluded member is not denied
                permissions:
                  principal: \(Self.objectId(3))
                  scope: \(Self.app)
                  allow: [Microsoft.Resources/subscriptions/resourceGroups/write]
              - name: a custom role under a condition, through a group
                permissions:
                  principal: \(Self.objectId(2))
                  scope: /subscriptions/\(Self.subscription)/resourceGroups/rg-other
                  allow: [Microsoft.Storage/storageAccounts/read]
                  deny: [Microsoft.Storage/storageAccounts/write]
              - name: nothing held
                permissions: { principal: \(Self.objectId(4)), scope: \(Self.app), none: true }
            """)
        #expect(result.status == 0, "\(result.all)")
        #expect(xml.contains(#"tests="4" failures="0" errors="0""#), "\(xml)")
        // The paths: group, role, assignment scope.
        #expect(
            result.stdout.contains("group 'sg-platform' → role 'Contributor', assignment at \(Self.app)"),
            "\(result.stdout)")
        #expect(
            result.stdout.contains("denied: 'Microsoft.Resources/subscriptions/resourceGroups/write' by deny assignment 'no-group-writes'"),
            "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "allowed subject to a condition: 'Microsoft.Storage/storageAccounts/read' by group 'sg-readers' → role 'Storage Auditor'"
            ), "\(result.stdout)")
    }

    @Test func eligibleRolesAreTheirOwnVerdictUnlessTheCheckSaysOtherwise() async throws {
        // No deny assignment concerns granting access, so only eligibility decides.
        let write = "Microsoft.Authorization/roleAssignments/write"
        let (result, xml) = try await run(
            """
              - name: separate, denied
                permissions: { principal: \(Self.objectId(5)), scope: \(Self.app), deny: [\(write)] }
              - name: separate, allowed
                permissions: { principal: \(Self.objectId(5)), scope: \(Self.app), allow: [\(write)] }
              - name: counted as held
                permissions: { principal: \(Self.objectId(5)), scope: \(Self.app), allow: [\(write)], eligible: allowed }
              - name: ignored
                permissions: { principal: \(Self.objectId(5)), scope: \(Self.app), deny: [\(write)], eligible: ignored }
              - name: none counts eligible roles
                permissions: { principal: \(Self.objectId(5)), scope: \(Self.app), none: true }
            """)
        #expect(result.status == 1, "\(result.all)")
        #expect(xml.contains(#"tests="5" failures="3" errors="0""#), "\(xml)")
        #expect(xml.contains("should be denied at \(Self.app), but servicePrincipal 'oncall' can activate role"), "\(xml)")
        #expect(xml.contains("only an eligible role grants it"), "\(xml)")
        #expect(xml.contains("none: servicePrincipal 'oncall' holds role"), "\(xml)")
        for (name, fails) in [
            ("separate, denied", true), ("separate, allowed", true), ("counted as held", false), ("ignored", false),
            ("none counts eligible roles", true),
        ] {
            #expect(Self.testcase(name, in: xml).contains("<failure") == fails, "\(name): \(xml)")
        }
    }

    /// The `<testcase>` element called `name`, up to its end.
    static func testcase(_ name: String, in xml: String) -> String {
        guard let start = xml.range(of: "<testcase name=\"\(name)\""),
            let end = xml.range(of: "</testcase>", range: start.upperBound..<xml.endIndex)
        else { return "" }
        return String(xml[start.lowerBound..<end.upperBound])
    }

    /// A deny assignment that excludes a group is decided by the groups Microsoft Graph says the principal is in:
    /// ci (in sg-readers) is spared, excluded (not in it) is denied.
    @Test func aDenyThatExcludesAGroupIsDecidedByGraphAndNoneFailsOnAnyRole() async throws {
        let (result, xml) = try await run(
            """
              - name: ci is in the excluded group
                permissions: { principal: \(Self.objectId(2)), scope: \(Self.app), deny: [Microsoft.Storage/storageAccounts/delete] }
              - name: excluded is not
                permissions: { principal: \(Self.objectId(3)), scope: \(Self.app), deny: [Microsoft.Storage/storageAccounts/delete] }
              - name: ci holds something
                permissions: { principal: \(Self.objectId(2)), scope: \(Self.app), none: true }
            """)
        #expect(result.status == 1, "\(result.all)")
        #expect(xml.contains(#"tests="3" failures="2" errors="0""#), "\(xml)")
        #expect(
            Self.testcase("ci is in the excluded group", in: xml).contains(
                "'Microsoft.Storage/storageAccounts/delete' should be denied at \(Self.app), but it is allowed by group 'sg-platform'"),
            "\(xml)")
        #expect(!Self.testcase("excluded is not", in: xml).contains("<failure"), "\(xml)")
        #expect(
            result.stdout.contains("denied: 'Microsoft.Storage/storageAccounts/delete' by deny assignment 'no-deletes-but-readers'"),
            "\(result.stdout)")
        #expect(xml.contains("none: servicePrincipal 'ci' holds group 'sg-platform' → role"), "\(xml)")
    }

    /// `principal:` names a principal by object id, application (client) id, a declared identity's name or a display
    /// name; one Graph does not know is an error that says so, never "holds nothing".
    @Test func aPrincipalIsFoundByIdClientIdIdentityOrNameAndMustExist() async throws {
        let (result, xml) = try await run(
            """
              - name: by client id
                permissions: { principal: a0000000-0000-4000-8000-000000000005, scope: \(Self.app), allow: [Microsoft.Resources/subscriptions/resourceGroups/read], eligible: allowed }
              - name: by identity
                permissions: { principal: oncall, scope: \(Self.app), deny: [Microsoft.Resources/subscriptions/resourceGroups/read], eligible: ignored, none: true }
              - name: a group by display name
                permissions: { principal: sg-platform, scope: \(Self.app), allow: [Microsoft.Storage/storageAccounts/write] }
              - name: nobody
                permissions: { principal: d0000000-0000-4000-8000-000000000009, scope: \(Self.app), none: true }
              - name: no such name
                permissions: { principal: sg-nobody, scope: \(Self.app), none: true }
            """)
        #expect(result.status == 1, "\(result.all)")
        #expect(xml.contains(#"tests="5" failures="0" errors="2""#), "\(xml)")
        #expect(result.stdout.contains("audit of servicePrincipal 'oncall' (\(Self.objectId(5)))"), "\(result.stdout)")
        #expect(result.stdout.contains("audit of group 'sg-platform' (c0000000-0000-4000-8000-000000000001)"), "\(result.stdout)")
        #expect(
            xml.contains("principal d0000000-0000-4000-8000-000000000009 does not exist in the tenant"), "\(xml)")
        #expect(xml.contains("principal 'sg-nobody' is not an object id, an application id, a declared identity"), "\(xml)")
    }

    @Test func anAuditorThatCannotReadFailsNamingThePermissionItLacks() async throws {
        let (result, xml) = try await run(
            """
              - name: lonely audits
                identity: lonely
                permissions: { principal: \(Self.objectId(2)), scope: \(Self.app), none: true }
              - name: granter may not read Graph
                identity: granter
                permissions: { principal: \(Self.objectId(2)), scope: \(Self.app), none: true }
            """)
        #expect(result.status == 1, "\(result.all)")
        #expect(xml.contains(#"errors="2""#), "\(xml)")
        #expect(xml.contains("the auditor needs Microsoft.Authorization/roleAssignments/read"), "\(xml)")
        #expect(
            xml.contains(
                "cannot read directory object \(Self.objectId(2)) from Microsoft Graph (the auditor needs the Microsoft Graph "
                    + "application permission Directory.Read.All): GET "),
            "\(xml)")
        #expect(xml.contains("answered 403 Authorization_RequestDenied: Insufficient privileges to complete the operation."), "\(xml)")
    }

    /// The auditor audited by itself decides as the permissions API does, entry for entry.
    @Test func theAuditOfTheCallerAgreesWithThePermissionsAPI() async throws {
        let entries =
            "      allow: [Microsoft.Resources/subscriptions/resourceGroups/read, \"*/read\"]\n"
            + "      deny: [Microsoft.Resources/subscriptions/resourceGroups/write, Microsoft.Storage/storageAccounts/delete]\n"
            + "      exactly: true\n"
        let (result, xml) = try await run(
            "  - name: through the permissions API\n    permissions:\n      scope: \(Self.app)\n" + entries
                + "  - name: through the assignment lists\n    permissions:\n      principal: \(Self.objectId(1))\n"
                + "      scope: \(Self.app)\n" + entries)
        #expect(result.status == 0, "\(result.all)")
        #expect(xml.contains(#"tests="2" failures="0" errors="0""#), "\(xml)")
    }

    @Test func whoCanListsEveryPrincipalWithItsPathAndHoldsTheSetToOnlyExactlyOrNone() async throws {
        let write = "Microsoft.Resources/subscriptions/resourceGroups/write"
        let platform = "c0000000-0000-4000-8000-000000000001"
        let (result, xml) = try await run(
            """
              - name: exactly the platform group and the on-call engineer
                permissions:
                  scope: \(Self.app)
                  whoCan: { actions: [\(write)], exactly: [\(platform), \(Self.objectId(5))] }
              - name: nobody may grant access, counting no eligible role
                permissions:
                  scope: \(Self.app)
                  eligible: ignored
                  whoCan: { actions: [Microsoft.Authorization/roleAssignments/write], none: true }
              - name: only the platform group may grant access
                permissions:
                  scope: \(Self.app)
                  whoCan: { actions: [Microsoft.Authorization/roleAssignments/write], only: [\(platform)] }
            """)
        #expect(result.status == 1, "\(result.all)")
        #expect(xml.contains(#"tests="3" failures="1" errors="0""#), "\(xml)")
        #expect(Self.testcase("only the platform group may grant access", in: xml).contains("<failure"), "\(xml)")
        #expect(
            xml.contains(
                "whoCan: servicePrincipal 'oncall' (\(Self.objectId(5))) (eligible): 'Microsoft.Authorization/roleAssignments/write' by "
                    + "role 'Owner (eligible)'"),
            "\(xml)")
        #expect(
            result.stdout.contains("group 'sg-platform' (\(platform)): '\(write)' by role 'Contributor', assignment at \(Self.app)"),
            "\(result.stdout)")
    }

    /// Who can, with principals named by display name, a group's members listed (`expand`), and an auditor that may
    /// not read Graph shown ids with a note; display names then cannot be resolved, which fails the check.
    @Test func whoCanNamesPrincipalsAndExpandsGroupsThroughGraph() async throws {
        let write = "Microsoft.Resources/subscriptions/resourceGroups/write"
        let (result, xml) = try await run(
            """
              - name: by display name, with the members
                permissions:
                  scope: \(Self.app)
                  eligible: ignored
                  whoCan: { actions: [\(write)], exactly: [sg-platform], expand: true }
              - name: an auditor without Graph sees ids
                identity: ci
                permissions:
                  scope: \(Self.app)
                  eligible: ignored
                  whoCan: { actions: [\(write)], exactly: [c0000000-0000-4000-8000-000000000001] }
              - name: and cannot use names
                identity: ci
                permissions:
                  scope: \(Self.app)
                  whoCan: { actions: [\(write)], only: [sg-platform] }
            """)
        #expect(result.status == 1, "\(result.all)")
        #expect(xml.contains(#"tests="3" failures="0" errors="1""#), "\(xml)")
        #expect(result.stdout.contains("group 'sg-platform' (c0000000-0000-4000-8000-000000000001): '\(write)'"), "\(result.stdout)")
        for member in ["group 'sg-nested'", "servicePrincipal 'ci'", "servicePrincipal 'excluded'"] {
            #expect(result.stdout.contains("    member: \(member)"), "\(member): \(result.stdout)")
        }
        #expect(
            result.stdout.contains("Group c0000000-0000-4000-8000-000000000001: '\(write)'"), "ids without Graph: \(result.stdout)")
        #expect(result.stdout.contains("note: principals are shown by object id: cannot read"), "\(result.stdout)")
        #expect(
            Self.testcase("and cannot use names", in: xml).contains("the auditor needs the Microsoft Graph application permission"),
            "\(xml)")
    }

    /// A spec grants a role over the API and revokes it, and the audit's verdicts follow; a Contributor may not grant.
    @Test func grantingAndRevokingChangeTheVerdicts() async throws {
        let other = "/subscriptions/\(Self.subscription)/resourceGroups/rg-other"
        let assignment =
            "{{cloud.arm}}\(other)/providers/Microsoft.Authorization/roleAssignments/d0000000-0000-4000-8000-000000000001?api-version=2022-04-01"
        let body = """
            json:
                      properties:
                        roleDefinitionId: /subscriptions/\(Self.subscription)/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7
                        principalId: \(Self.objectId(4))
            """
        let (result, xml) = try await run(
            """
              - name: nothing before
                permissions: { principal: \(Self.objectId(4)), scope: \(other), none: true }
              - name: a Contributor may not grant
                identity: ci
                request:
                  method: PUT
                  url: "{{cloud.arm}}\(Self.app)/providers/Microsoft.Authorization/roleAssignments/d0000000-0000-4000-8000-000000000002?api-version=2022-04-01"
                  \(body)
                expect: { denied: true }
              - name: grant Reader
                identity: granter
                request:
                  method: PUT
                  url: "\(assignment)"
                  \(body)
                expect: { status: 201, json: { $.properties.principalId: \(Self.objectId(4)) } }
              - name: granting it again is the same assignment
                identity: granter
                request:
                  method: PUT
                  url: "\(assignment)"
                  \(body)
                expect: { status: 200 }
              - name: reads after the grant
                permissions: { principal: \(Self.objectId(4)), scope: \(other), allow: [Microsoft.Resources/subscriptions/resourceGroups/read] }
              - name: an id made elsewhere is not this scope's to delete
                identity: granter
                request:
                  method: DELETE
                  url: "{{cloud.arm}}\(other)/providers/Microsoft.Storage/storageAccounts/stx/providers/Microsoft.Authorization/roleAssignments/d0000000-0000-4000-8000-000000000001?api-version=2022-04-01"
                expect: { status: 204 }
              - name: revoke
                identity: granter
                request: { method: DELETE, url: "\(assignment)" }
                expect: { status: 200 }
              - name: revoking again finds nothing
                identity: granter
                request: { method: DELETE, url: "\(assignment)" }
                expect: { status: 204 }
              - name: nothing after
                permissions: { principal: \(Self.objectId(4)), scope: \(other), none: true }
            """)
        #expect(result.status == 0, "\(result.all)")
        #expect(xml.contains(#"tests="9" failures="0" errors="0""#), "\(xml)")
    }

    /// An assignment at a management group above the subscription applies there: the audit names it, and the
    /// principal's own permissions API agrees.
    @Test func managementGroupAssignmentsAreInherited() async throws {
        let entries =
            "      allow: [Microsoft.Storage/storageAccounts/write]\n      deny: [Microsoft.Resources/subscriptions/resourceGroups/write]\n"
        let (result, xml) = try await run(
            "  - name: audited\n    permissions:\n      principal: \(Self.objectId(7))\n      scope: \(Self.app)\n" + entries
                + "  - name: by itself\n    identity: storage\n    permissions:\n      scope: \(Self.app)\n" + entries)
        #expect(result.status == 0, "\(result.all)")
        #expect(xml.contains(#"tests="2" failures="0" errors="0""#), "\(xml)")
        #expect(
            result.stdout.contains(
                "allowed: 'Microsoft.Storage/storageAccounts/write' by role 'Storage Account Contributor', assignment at /providers/Microsoft.Management/managementGroups/mg-prod"
            ), "\(result.stdout)")
    }

    /// Audits of four principals at one scope read its deny assignments and each role definition once, counted in
    /// the requests the JSON report lists.
    @Test func auditsOfManyPrincipalsShareTheReadsThatDoNotChange() async throws {
        let tests = [2, 3, 4, 7].map { index in
            "  - name: principal \(index)\n    permissions: { principal: \(Self.objectId(index)), scope: \(Self.app), deny: [Microsoft.Authorization/elevateAccess/Action] }\n"
        }.joined()
        let (result, json) = try await run(tests, json: true)
        #expect(result.status == 0, "\(result.all)")
        let report = try #require(JSONValue.parsed(Array(json.utf8)))
        let urls = (report["suites"]?[0]?["tests"]?.arrayValue ?? []).flatMap { test in
            (test["requests"]?.arrayValue ?? []).compactMap { $0["url"]?.stringValue }
        }
        let denies = urls.filter { $0.contains("/denyAssignments?") }
        let definitions = urls.filter { $0.contains("/roleDefinitions/") }
        let assignments = urls.filter { $0.contains("/roleAssignments?") }
        #expect(denies.count == 2, "two deny assignments, one a page, read once for four audits: \(denies)")
        #expect(Set(definitions).count == definitions.count, "each role definition read once: \(definitions)")
        #expect(definitions.count == 2, "Contributor and Storage Account Contributor: \(definitions)")
        #expect(assignments.count >= 4, "each principal's own assignments are read: \(assignments.count)")
    }
}
