import AzspecCore
import Testing

@testable import AzspecEmulator

@Suite("ARM subscriptions and permissions")
struct SubscriptionTests {
    @Test func listAndGetSubscriptions() async throws {
        try await Emulator.withRunning { endpoint in
            let auth = Fixture.bearer(try await Fixture.readerToken(endpoint))
            let list = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/subscriptions?api-version=2022-12-01", headers: auth)
            #expect(list.status == 200)
            #expect(list.keys == ["value", "count"])
            #expect(list.text.hasSuffix(#""count":{"type":"Total","value":1}}"#))
            let item = try #require(list.json?["value"]?.arrayValue?.first)
            #expect(
                item.objectValue?.keys == [
                    "id", "authorizationSource", "managedByTenants", "subscriptionId", "tenantId", "displayName",
                    "state",
                    "subscriptionPolicies",
                ])
            #expect(item["displayName"]?.stringValue == "azspec-emulator")
            #expect(item["state"]?.stringValue == "Enabled")
            #expect(item["tenantId"]?.stringValue == Fixture.tenantId)

            let get = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/subscriptions/\(Fixture.subscriptionId)?api-version=2022-12-01",
                headers: auth)
            #expect(get.status == 200)
            #expect(get.json?["id"]?.stringValue == "/subscriptions/\(Fixture.subscriptionId)")
        }
    }

    @Test func permissionsListOneEntryPerAssignment() async throws {
        try await Emulator.withRunning { endpoint in
            let contributor = Fixture.bearer(try await Fixture.token(endpoint))
            let reply = try await HTTPExchange.send(
                .get,
                Fixture.armURL(endpoint, "/resourcegroups/rg-smoke/providers/Microsoft.Authorization/permissions"),
                headers: contributor)
            #expect(reply.status == 200)
            let entries = try #require(reply.json?["value"]?.arrayValue)
            #expect(entries.count == 1)
            #expect(entries[0].objectValue?.keys == ["actions", "notActions", "dataActions", "notDataActions"])
            #expect(entries[0]["actions"]?.arrayValue?.compactMap(\.stringValue) == ["*"])
            #expect(entries[0]["notActions"]?.arrayValue?.count == 5)

            let reader = Fixture.bearer(try await Fixture.readerToken(endpoint))
            let subscriptionScope = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/providers/Microsoft.Authorization/permissions"), headers: reader)
            #expect(subscriptionScope.status == 200)
            #expect(
                subscriptionScope.text
                    == #"{"value":[{"actions":["*/read"],"notActions":[],"dataActions":[],"notDataActions":[]}]}"#)
            let missingGroup = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups/nope/providers/Microsoft.Authorization/permissions"),
                headers: reader)
            #expect(missingGroup.status == 404)
            #expect(missingGroup.armErrorCode == "ResourceGroupNotFound")
        }
    }
}
