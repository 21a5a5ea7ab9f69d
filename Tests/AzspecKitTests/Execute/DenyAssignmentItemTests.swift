import AzspecCore
import Testing

@testable import AzspecKit

/// Whether a deny assignment applies to a principal, as far as ARM's lists can tell: certainly, certainly not, or
/// perhaps (it names or excludes a group, or carries a condition), never guessed.
@Suite struct DenyAssignmentItemTests {
    static let scope = ARMScope("/subscriptions/s/resourceGroups/rg")!
    static let principal = "p0000000-0000-4000-8000-000000000001"
    static let group = "g0000000-0000-4000-8000-000000000001"

    static func deny(
        principals: [(String, String)], excluded: [(String, String)] = [], condition: String? = nil, childScopes: Bool = true,
        scope: String = "/subscriptions/s"
    ) throws -> DenyAssignmentItem {
        var properties: JSONObject = [
            "denyAssignmentName": "d", "scope": .string(scope), "doNotApplyToChildScopes": .bool(!childScopes),
            "permissions": [["actions": ["*"]]],
            "principals": .array(principals.map { ["id": .string($0.0), "type": .string($0.1)] }),
            "excludePrincipals": .array(excluded.map { ["id": .string($0.0), "type": .string($0.1)] }),
        ]
        if let condition { properties["condition"] = .string(condition) }
        return try #require(DenyAssignmentItem(json: ["properties": .object(properties)]))
    }

    @Test func namedOrEveryoneApplies() throws {
        #expect(
            try Self.deny(principals: [(Self.principal, "ServicePrincipal")]).applicability(to: Self.principal, at: Self.scope) == .applies)
        #expect(
            try Self.deny(principals: [(DenyAssignmentItem.everyone, "SystemDefined")]).applicability(to: Self.principal, at: Self.scope)
                == .applies)
        #expect(
            try Self.deny(principals: [("other", "User")]).applicability(to: Self.principal, at: Self.scope) == .doesNot,
            "another single principal")
    }

    @Test func aGroupAppliesOnlyWhenThePrincipalIsKnownToBeInIt() throws {
        let deny = try Self.deny(principals: [(Self.group, "Group")])
        #expect(deny.applicability(to: Self.principal, groups: [Self.group], at: Self.scope) == .applies)
        guard case .perhaps(let why) = deny.applicability(to: Self.principal, at: Self.scope) else {
            Issue.record("a group the principal may be in is neither applied nor dismissed")
            return
        }
        #expect(why.contains("names Group \(Self.group)"))
        let untyped = try Self.deny(principals: [(Self.group, "")])
        #expect(untyped.applicability(to: Self.principal, at: Self.scope) != .doesNot, "a principal of no type may be a group")
    }

    @Test func exclusionsSpareOrLeaveItOpen() throws {
        let everyone = (DenyAssignmentItem.everyone, "SystemDefined")
        #expect(
            try Self.deny(principals: [everyone], excluded: [(Self.principal, "ServicePrincipal")]).applicability(
                to: Self.principal, at: Self.scope) == .doesNot)
        #expect(
            try Self.deny(principals: [everyone], excluded: [(Self.group, "Group")]).applicability(
                to: Self.principal, groups: [Self.group], at: Self.scope) == .doesNot, "the principal is in the excluded group")
        #expect(
            try Self.deny(principals: [everyone], excluded: [(Self.group, "ForeignGroup")]).applicability(
                to: Self.principal, at: Self.scope)
                != .applies, "it may be in the excluded group")
        #expect(
            try Self.deny(principals: [everyone], excluded: [("other", "User")]).applicability(to: Self.principal, at: Self.scope)
                == .applies)
        #expect(
            try Self.deny(principals: [(Self.group, "Group")], excluded: [("member", "User")]).applicability(
                to: Self.group, principalIsGroup: true, at: Self.scope) != .applies, "an excluded member keeps the group's grant")
    }

    @Test func aConditionOrAChildScopeDecides() throws {
        let everyone = (DenyAssignmentItem.everyone, "SystemDefined")
        #expect(
            try Self.deny(principals: [everyone], condition: "@Resource[x] StringEquals 'y'").applicability(
                to: Self.principal, at: Self.scope) != .applies)
        #expect(try Self.deny(principals: [everyone], childScopes: false).applicability(to: Self.principal, at: Self.scope) == .doesNot)
        #expect(
            try Self.deny(principals: [everyone], childScopes: false, scope: "/subscriptions/s/resourceGroups/rg").applicability(
                to: Self.principal, at: Self.scope) == .applies)
    }
}
