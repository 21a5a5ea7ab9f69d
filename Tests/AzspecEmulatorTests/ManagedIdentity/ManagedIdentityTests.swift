import AzspecCore
import Foundation
import Testing

@testable import AzspecEmulator

/// The managed identity endpoints in the two shapes azure-identity speaks: IMDS and App Service.
@Suite("Managed identity endpoints")
struct ManagedIdentityTests {
    static let clientId = EmulatorConfiguration.Defaults.managedIdentityClientId
    static let objectId = EmulatorConfiguration.Defaults.managedIdentityObjectId
    static let resource = "https%3A%2F%2Fmanagement.azure.com%2F"

    @Test func instanceMetadataIssuesAV1TokenWithNumbersAsStrings() async throws {
        try await Emulator.withRunning { endpoint in
            let url = try #require(endpoint.environment["AZSPEC_IMDS_ENDPOINT"])
            #expect(url == "\(endpoint.baseURL)/metadata/identity/oauth2/token")
            let reply = try await HTTPExchange.send(
                .get, "\(url)?api-version=2018-02-01&resource=\(Self.resource)&client_id=\(Self.clientId)",
                headers: [("Metadata", "true")])
            #expect(reply.status == 200, "\(reply.text)")
            #expect(
                reply.keys == [
                    "access_token", "refresh_token", "expires_in", "expires_on", "not_before", "resource", "token_type",
                ])
            #expect(reply.json?["expires_in"]?.stringValue == "3599")
            #expect(reply.json?["refresh_token"]?.stringValue == "")
            let claims = try Fixture.claims(try #require(reply.json?["access_token"]?.stringValue))
            #expect(claims["appid"]?.stringValue == Self.clientId)
            #expect(claims["oid"]?.stringValue == Self.objectId)
            #expect(claims["xms_mirid"]?.stringValue?.hasSuffix("/userassignedidentities/azspec-mi") == true)
            #expect(await endpoint.tokenRequestCount(clientId: Self.clientId) == 1)

            // The identity's token works at ARM: it holds Reader on the subscription.
            let token = try #require(reply.json?["access_token"]?.stringValue)
            let list = try await HTTPExchange.send(.get, Fixture.armURL(endpoint, "/resourcegroups"), headers: Fixture.bearer(token))
            #expect(list.status == 200)
            let create = try await HTTPExchange.send(
                .put, Fixture.armURL(endpoint, "/resourcegroups/rg-new"),
                headers: Fixture.bearer(token) + [("Content-Type", "application/json")], body: #"{"location":"westeurope"}"#)
            #expect(create.status == 403)
            #expect(create.armErrorMessage?.contains("with object id '\(Self.objectId)'") == true)
        }
    }

    @Test func instanceMetadataErrorsAsIMDSSendsThem() async throws {
        try await Emulator.withRunning { endpoint in
            let url = "\(endpoint.baseURL)/metadata/identity/oauth2/token"
            let noHeader = try await HTTPExchange.send(.get, "\(url)?api-version=2018-02-01&resource=\(Self.resource)")
            #expect(noHeader.status == 400)
            #expect(noHeader.json?["error"]?.stringValue == "bad_request_102")
            #expect(noHeader.json?["error_description"]?.stringValue == "Required metadata header not specified")
            let unknown = try await HTTPExchange.send(
                .get, "\(url)?api-version=2018-02-01&resource=\(Self.resource)&client_id=00000000-0000-0000-0000-000000000001",
                headers: [("Metadata", "true")])
            #expect(unknown.status == 400)
            #expect(unknown.json?["error_description"]?.stringValue == "Identity not found")
            let badResource = try await HTTPExchange.send(
                .get, "\(url)?api-version=2018-02-01&resource=https%3A%2F%2Fvault.example", headers: [("Metadata", "true")])
            #expect(badResource.status == 400)
            #expect(badResource.json?["error"]?.stringValue == "invalid_resource")
            #expect(badResource.json?["error_description"]?.stringValue?.hasPrefix("AADSTS50001:") == true)
        }
    }

    @Test func appServiceNeedsItsHeaderAndAnswersWithoutExpiresIn() async throws {
        try await Emulator.withRunning { endpoint in
            let url = try #require(endpoint.environment["IDENTITY_ENDPOINT"])
            let header = try #require(endpoint.environment["IDENTITY_HEADER"])
            let query = "?api-version=2019-08-01&resource=\(Self.resource)"
            let refused = try await HTTPExchange.send(.get, url + query, headers: [("X-IDENTITY-HEADER", "wrong")])
            #expect(refused.status == 401)
            #expect(refused.json?["statusCode"]?.intValue == 401)
            let reply = try await HTTPExchange.send(.get, url + query, headers: [("X-IDENTITY-HEADER", header)])
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.keys == ["access_token", "expires_on", "resource", "token_type", "client_id"])
            #expect(reply.json?["client_id"]?.stringValue == Self.clientId)
            let both = try await HTTPExchange.send(
                .get, url + query + "&client_id=\(Self.clientId)&principal_id=\(Self.objectId)",
                headers: [("X-IDENTITY-HEADER", header)])
            #expect(both.status == 400, "selectors are mutually exclusive")
        }
    }
}
