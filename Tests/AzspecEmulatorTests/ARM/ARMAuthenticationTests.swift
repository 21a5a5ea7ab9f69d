import AzspecCore
import Foundation
import Testing

@testable import AzspecEmulator

@Suite("ARM authentication and request checks")
struct ARMAuthenticationTests {
    private func challenge(_ description: String, tenant: String = Fixture.tenantId) -> String {
        "Bearer authorization_uri=\"https://login.windows.net/\(tenant)\", error=\"invalid_token\", "
            + "error_description=\"\(description)\""
    }

    @Test func missingApiVersionComesFirst() async throws {
        try await Emulator.withRunning { endpoint in
            let reply = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/subscriptions/\(Fixture.subscriptionId)/resourcegroups")
            #expect(reply.status == 400)
            #expect(
                reply.text
                    == #"{"error":{"code":"MissingApiVersionParameter","message":"#
                    + #""The api-version query parameter (?api-version=) is required for all requests."}}"#
            )
            let malformed = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/subscriptions?api-version=latest")
            #expect(malformed.status == 400)
            #expect(malformed.armErrorCode == "InvalidApiVersionParameter")
        }
    }

    @Test func unauthorizedVariantsCarryAChallenge() async throws {
        try await Emulator.withRunning { endpoint in
            let url = Fixture.armURL(endpoint, "/resourcegroups")
            let missing = try await HTTPExchange.send(.get, url)
            #expect(missing.status == 401)
            #expect(missing.armErrorCode == "AuthenticationFailed")
            #expect(missing.armErrorMessage == "Authentication failed. The 'Authorization' header is missing.")
            #expect(
                missing.header("WWW-Authenticate")
                    == challenge("The authentication failed because of missing 'Authorization' header."))

            let basic = try await HTTPExchange.send(.get, url, headers: [("Authorization", "Basic abc")])
            #expect(basic.status == 401)
            #expect(basic.armErrorCode == "AuthenticationFailedInvalidHeader")
            #expect(
                basic.header("WWW-Authenticate")?.hasPrefix("Bearer authorization_uri=\"https://login.windows.net/")
                    == true)

            let garbage = try await HTTPExchange.send(.get, url, headers: Fixture.bearer("not.a.jwt"))
            #expect(garbage.status == 401)
            #expect(garbage.armErrorCode == "InvalidAuthenticationToken")
            #expect(garbage.armErrorMessage == "The access token is invalid.")
            #expect(garbage.header("WWW-Authenticate") == challenge("The access token is invalid."))

            let token = try await Fixture.token(endpoint)
            let parts = token.split(separator: ".")
            let tampered = "\(parts[0]).\(parts[1]).\(String(parts[2].reversed()))"
            let badSignature = try await HTTPExchange.send(.get, url, headers: Fixture.bearer(tampered))
            #expect(badSignature.armErrorCode == "InvalidAuthenticationToken")

            let graph = try await Fixture.token(endpoint, scope: "https://graph.microsoft.com/.default")
            let wrongAudience = try await HTTPExchange.send(.get, url, headers: Fixture.bearer(graph))
            #expect(wrongAudience.status == 401)
            #expect(wrongAudience.armErrorCode == "InvalidAuthenticationTokenAudience")
            #expect(
                wrongAudience.armErrorMessage
                    == "The access token has been obtained for wrong audience or resource "
                    + "'https://graph.microsoft.com'. "
                    + "It should exactly match with one of the allowed audiences "
                    + "'https://management.core.windows.net/','https://management.core.windows.net',"
                    + "'https://management.azure.com/','https://management.azure.com'."
            )
            #expect(wrongAudience.header("WWW-Authenticate")?.contains("error=\"invalid_token\"") == true)
        }
    }

    @Test func ownBaseURLAndAzureAudiencesAreAccepted() async throws {
        try await Emulator.withRunning { endpoint in
            let localhost = endpoint.baseURL.replacingOccurrences(of: "127.0.0.1", with: "localhost")
            for scope in [
                "\(endpoint.baseURL)//.default", "\(localhost)/.default",
                "https://management.core.windows.net//.default",
            ] {
                let token = try await Fixture.token(endpoint, scope: scope)
                let reply = try await HTTPExchange.send(
                    .get, Fixture.armURL(endpoint, "/resourcegroups/rg-smoke"), headers: Fixture.bearer(token))
                #expect(reply.status == 200, "scope \(scope)")
            }
        }
    }

    @Test func expiredTokenIsRejectedWithUSDates() async throws {
        var configuration = EmulatorConfiguration.default
        configuration.tokenLifetime = 0
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let token = try await Fixture.token(endpoint)
            let reply = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups"), headers: Fixture.bearer(token))
            #expect(reply.status == 401)
            #expect(reply.armErrorCode == "ExpiredAuthenticationToken")
            let message = try #require(reply.armErrorMessage)
            // ARM's own words, times in .NET's invariant culture: `'12/1/2026 8:01:02 PM'`.
            let time = #"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M"#
            let pattern = try Regex("^The access token expiry UTC time '\(time)' is earlier than current UTC time '\(time)'\\.")
            #expect(message.contains(pattern), "\(message)")
            #expect(reply.header("WWW-Authenticate")?.contains("error_description=\"The access token expiry") == true)
        }
    }

    @Test func tokenFromAnotherTenantIsRejected() async throws {
        let otherTenant = "0b1c2d3e-4f50-4617-a829-3a4b5c6d7e8f"
        var configuration = EmulatorConfiguration.default
        configuration.tenants.append(
            .init(
                id: otherTenant,
                domains: ["other.example"],
                servicePrincipals: [
                    .init(
                        name: "outsider", clientId: "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d",
                        objectId: "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9", secrets: [.init(value: "outsider-secret")])
                ]
            ))
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let token = try await Fixture.token(
                endpoint, clientId: "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", secret: "outsider-secret",
                tenant: otherTenant)
            let reply = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/resourcegroups"), headers: Fixture.bearer(token))
            #expect(reply.status == 401)
            #expect(reply.armErrorCode == "InvalidAuthenticationTokenTenant")
            #expect(
                reply.armErrorMessage?.hasPrefix(
                    "The access token is from the wrong issuer "
                        + "'https://sts.windows.net/\(otherTenant)/'. "
                        + "It must match the tenant 'https://sts.windows.net/\(Fixture.tenantId)/' associated "
                        + "with this subscription."
                ) == true)
            #expect(
                reply.header("WWW-Authenticate")?.hasPrefix(
                    "Bearer authorization_uri=\"https://login.windows.net/\(Fixture.tenantId)\"") == true)
            let subscriptions = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/subscriptions?api-version=2022-12-01", headers: Fixture.bearer(token))
            #expect(subscriptions.json?["count"]?["value"]?.intValue == 0)
        }
    }

    @Test func notFoundCases() async throws {
        try await Emulator.withRunning { endpoint in
            let auth = Fixture.bearer(try await Fixture.token(endpoint))
            let unknownSubscription = "99999999-8888-4777-8666-555555555555"
            let subscription = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/subscriptions/\(unknownSubscription)/resourcegroups?api-version=2021-04-01",
                headers: auth)
            #expect(subscription.status == 404)
            #expect(
                subscription.text
                    == #"{"error":{"code":"SubscriptionNotFound","message":"The subscription "#
                    + #"'99999999-8888-4777-8666-555555555555' could not be found."}}"#
            )
            let route = try await HTTPExchange.send(
                .get, Fixture.armURL(endpoint, "/providers/Microsoft.Compute/virtualMachines"), headers: auth)
            #expect(route.status == 404)
            #expect(route.armErrorCode == "InvalidResourceType")
            let elsewhere = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/nothing/here")
            #expect(elsewhere.status == 404)
            #expect(elsewhere.armErrorCode == "NotFound")
            #expect(elsewhere.header("x-ms-request-id") != nil)
            let postGroup = try await HTTPExchange.send(
                .post, Fixture.armURL(endpoint, "/resourcegroups/rg-smoke"), headers: auth, body: "{}")
            #expect(postGroup.status == 405)
        }
    }
}
