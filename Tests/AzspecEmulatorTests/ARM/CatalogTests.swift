import AzspecCore
import Testing

@testable import AzspecEmulator

/// What clients read on the way: a storage name's availability, locations, providers, the resources list with
/// `$filter`, and the caller's tenants, over HTTP as the Azure CLI reads them.
@Suite("Emulator ARM catalog")
struct CatalogTests {
    static let storageVersion = "2023-01-01"

    func url(_ endpoint: EmulatorEndpoint, _ path: String, _ version: String = "2022-12-01", query: String = "") -> String {
        "\(endpoint.baseURL)/subscriptions/\(Fixture.subscriptionId)\(path)?api-version=\(version)\(query)"
    }

    @Test func aStorageNameIsAvailableInvalidOrTaken() async throws {
        try await Emulator.withRunning { endpoint in
            let headers = Fixture.bearer(try await Fixture.token(endpoint)) + [("Content-Type", "application/json")]
            func check(_ name: String) async throws -> JSONValue? {
                let reply = try await HTTPExchange.send(
                    .post, url(endpoint, "/providers/Microsoft.Storage/checkNameAvailability", Self.storageVersion), headers: headers,
                    body: #"{"name":"\#(name)","type":"Microsoft.Storage/storageAccounts"}"#)
                #expect(reply.status == 200, "\(reply.text)")
                return reply.json
            }
            #expect(try await check("stfree123")?["nameAvailable"] == .bool(true))
            let invalid = try await check("Not_Valid")
            #expect(invalid?["reason"]?.stringValue == "AccountNameInvalid")
            #expect(invalid?["message"]?.stringValue?.hasPrefix("Not_Valid is not a valid storage account name.") == true)
            let created = try await HTTPExchange.send(
                .put, url(endpoint, "/resourceGroups/rg-smoke/providers/Microsoft.Storage/storageAccounts/sttaken1", Self.storageVersion),
                headers: headers, body: #"{"location":"westeurope","sku":{"name":"Standard_LRS"},"kind":"StorageV2"}"#)
            #expect([200, 202].contains(created.status), "\(created.text)")
            let taken = try await check("sttaken1")
            #expect(taken?["nameAvailable"] == .bool(false))
            #expect(taken?["reason"]?.stringValue == "AlreadyExists")
            #expect(taken?["message"]?.stringValue == "The storage account named sttaken1 is already taken.")
            let wrongType = try await HTTPExchange.send(
                .post, url(endpoint, "/providers/Microsoft.Storage/checkNameAvailability", Self.storageVersion), headers: headers,
                body: #"{"name":"x"}"#)
            #expect(wrongType.status == 400)
        }
    }

    @Test func locationsProvidersResourcesAndTenants() async throws {
        // One poll a second apart would see a creation done: with Retry-After 0, one that never polls sees it at once.
        var configuration = EmulatorConfiguration.default
        configuration.operationRetryAfter = 0
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let headers = Fixture.bearer(try await Fixture.token(endpoint))
            let locations = try await HTTPExchange.send(.get, url(endpoint, "/locations"), headers: headers)
            #expect(locations.status == 200)
            let westeurope = locations.json?["value"]?.arrayValue?.first { $0["name"]?.stringValue == "westeurope" }
            #expect(westeurope?["displayName"]?.stringValue == "West Europe")
            #expect(westeurope?["type"]?.stringValue == "Region")
            let storage = try await HTTPExchange.send(.get, url(endpoint, "/providers/Microsoft.Storage", "2021-04-01"), headers: headers)
            #expect(storage.json?["registrationState"]?.stringValue == "Registered")
            let accounts = storage.json?["resourceTypes"]?.arrayValue?.first { $0["resourceType"]?.stringValue == "storageAccounts" }
            #expect(accounts?["apiVersions"]?[0]?.stringValue == "2023-05-01", "newest first")
            let unknown = try await HTTPExchange.send(.get, url(endpoint, "/providers/Microsoft.Nope", "2021-04-01"), headers: headers)
            #expect(unknown.status == 404)
            #expect(unknown.armErrorCode == "InvalidResourceNamespace")
            let created = try await HTTPExchange.send(
                .put, url(endpoint, "/resourceGroups/rg-smoke/providers/Microsoft.Storage/storageAccounts/stlisted1", Self.storageVersion),
                headers: headers + [("Content-Type", "application/json")],
                body: #"{"location":"westeurope","sku":{"name":"Standard_LRS"},"kind":"StorageV2"}"#)
            #expect(created.status == 202, "\(created.text)")
            // Nobody polls its operation: its time is up, so the next read finds it.
            func names(_ path: String, query: String = "") async throws -> [String]? {
                let reply = try await HTTPExchange.send(.get, url(endpoint, path, "2021-04-01", query: query), headers: headers)
                #expect(reply.status == 200, "\(reply.text)")
                #expect(reply.json?["value"] != nil, "\(reply.text)")
                return reply.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            }
            // The account carries what Azure returns and az reads.
            let account = try await HTTPExchange.send(
                .get, url(endpoint, "/resourceGroups/rg-smoke/providers/Microsoft.Storage/storageAccounts/stlisted1", Self.storageVersion),
                headers: headers)
            let properties = account.json?["properties"]
            #expect(properties?["encryption"]?["keySource"]?.stringValue == "Microsoft.Storage", "\(account.text)")
            #expect(properties?["accessTier"]?.stringValue == "Hot")
            #expect(properties?["minimumTlsVersion"]?.stringValue == "TLS1_2")
            #expect(properties?["supportsHttpsTrafficOnly"] == .bool(true))
            #expect(properties?["primaryLocation"]?.stringValue == "westeurope")
            #expect(properties?["statusOfPrimary"]?.stringValue == "available")
            #expect(properties?["primaryEndpoints"]?["blob"]?.stringValue == "https://stlisted1.blob.core.windows.net/")
            let keys = try await HTTPExchange.send(
                .post,
                url(
                    endpoint, "/resourceGroups/rg-smoke/providers/Microsoft.Storage/storageAccounts/stlisted1/listKeys",
                    Self.storageVersion),
                headers: headers)
            #expect(keys.json?["keys"]?[0]?["creationTime"]?.stringValue == properties?["creationTime"]?.stringValue)
            let filter =
                "&$filter=" + PercentEncoding.encode("resourceType eq 'Microsoft.Storage/storageAccounts' and location eq 'westeurope'")
            #expect(try await names("/resourceGroups/rg-smoke/resources") == ["stlisted1"])
            #expect(try await names("/resources", query: filter) == ["stlisted1"])
            #expect(try await names("/resources", query: "&$filter=" + PercentEncoding.encode("location eq 'eastus'")) == [])
            let bad = try await HTTPExchange.send(
                .get, url(endpoint, "/resources", "2021-04-01", query: "&$filter=" + PercentEncoding.encode("substringof('x', name)")),
                headers: headers)
            #expect(bad.status == 400)
            #expect(bad.armErrorCode == "InvalidFilterInQueryString")
            let tenants = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/tenants?api-version=2022-12-01", headers: headers)
            #expect(tenants.json?["value"]?[0]?["tenantId"]?.stringValue == Fixture.tenantId)
            #expect(tenants.json?["value"]?[0]?["defaultDomain"]?.stringValue == Fixture.tenantDomain)
        }
    }
}
