import AzspecCore
import Foundation
import Testing

@testable import AzspecEmulator

/// Microsoft Graph v1.0 as the emulator serves it over HTTP: who may read it, directory objects by id, service
/// principals and groups by `$filter`, memberships both ways, paging, and Graph's error bodies.
@Suite("Emulator Microsoft Graph")
struct GraphTests {
    static let mi = EmulatorConfiguration.Defaults.managedIdentityObjectId
    static let ops = EmulatorConfiguration.Defaults.opsGroupObjectId

    /// The default configuration with a group nested in sg-ops holding the smoke principal, and pages of one item.
    static func configuration() -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration.default
        configuration.pageSize = 1
        configuration.tenants[0].groups[0].members.append("sg-nested")
        configuration.tenants[0].groups.append(
            .init(name: "sg-nested", objectId: "c1000000-0000-4000-8000-000000000001", members: ["azspec-smoke"]))
        return configuration
    }

    /// A Graph token of the reader (which holds Directory.Read.All) or of the smoke principal (which holds nothing).
    static func graphToken(_ endpoint: EmulatorEndpoint, reader: Bool = true) async throws -> [(String, String)] {
        let token =
            reader
            ? try await Fixture.token(
                endpoint, clientId: Fixture.readerClientId, secret: Fixture.readerSecret, scope: "https://graph.microsoft.com/.default")
            : try await Fixture.token(endpoint, scope: "https://graph.microsoft.com/.default")
        return Fixture.bearer(token)
    }

    @Test func aCallNeedsAGraphTokenWithAPermissionForIt() async throws {
        try await Emulator.withRunning(configuration: Self.configuration()) { endpoint in
            let url = "\(endpoint.baseURL)/v1.0/directoryObjects/\(Self.mi)"
            let none = try await HTTPExchange.send(.get, url)
            #expect(none.status == 401)
            #expect(none.armErrorCode == "InvalidAuthenticationToken")
            #expect(none.armErrorMessage == "Access token is empty.")
            let arm = try await HTTPExchange.send(.get, url, headers: Fixture.bearer(try await Fixture.readerToken(endpoint)))
            #expect(arm.status == 401, "a Resource Manager token is not for Graph")
            #expect(arm.armErrorMessage == "Access token validation failure. Invalid audience.")
            let denied = try await HTTPExchange.send(.get, url, headers: try await Self.graphToken(endpoint, reader: false))
            #expect(denied.status == 403)
            #expect(denied.armErrorCode == "Authorization_RequestDenied")
            #expect(denied.json?["error"]?["innerError"]?["request-id"]?.stringValue == denied.header("request-id"))
            let read = try await HTTPExchange.send(.get, url, headers: try await Self.graphToken(endpoint))
            #expect(read.status == 200, "\(read.text)")
            #expect(read.json?["@odata.type"]?.stringValue == "#microsoft.graph.servicePrincipal")
            #expect(read.json?["displayName"]?.stringValue == "azspec-mi")
            #expect(read.json?["servicePrincipalType"]?.stringValue == "ManagedIdentity")
        }
    }

    @Test func objectsAreFoundByIdAppIdAndDisplayName() async throws {
        try await Emulator.withRunning(configuration: Self.configuration()) { endpoint in
            let headers = try await Self.graphToken(endpoint)
            let base = "\(endpoint.baseURL)/v1.0"
            let byAppId = try await HTTPExchange.send(
                .get, "\(base)/servicePrincipals?$filter=appId%20eq%20%27\(Fixture.smokeClientId)%27", headers: headers)
            #expect(byAppId.json?["value"]?[0]?["id"]?.stringValue == Fixture.smokeObjectId, "\(byAppId.text)")
            #expect(byAppId.json?["value"]?.arrayValue?.count == 1)
            let byName = try await HTTPExchange.send(.get, "\(base)/groups?$filter=displayName%20eq%20%27sg-ops%27", headers: headers)
            #expect(byName.json?["value"]?[0]?["id"]?.stringValue == Self.ops)
            let unsupported = try await HTTPExchange.send(.get, "\(base)/groups?$filter=startswith(displayName,'sg')", headers: headers)
            #expect(unsupported.status == 400)
            #expect(unsupported.armErrorCode == "Request_UnsupportedQuery")
            let missing = try await HTTPExchange.send(
                .get, "\(base)/directoryObjects/d0000000-0000-4000-8000-000000000009", headers: headers)
            #expect(missing.status == 404)
            #expect(missing.armErrorCode == "Request_ResourceNotFound")
            let notAGroup = try await HTTPExchange.send(.get, "\(base)/groups/\(Self.mi)", headers: headers)
            #expect(notAGroup.status == 404, "a service principal is not found among groups")
            let byIds = try await HTTPExchange.send(
                .post, "\(base)/directoryObjects/getByIds", headers: headers + [("Content-Type", "application/json")],
                body: #"{"ids":["\#(Self.mi)","\#(Self.ops)","d0000000-0000-4000-8000-000000000009"],"types":["group"]}"#)
            #expect(byIds.json?["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [Self.ops], "\(byIds.text)")
        }
    }

    @Test func entraPowerIsServedInGraphShapes() async throws {
        var configuration = Self.configuration()
        configuration.pageSize = 0
        configuration.tenants[0].servicePrincipals[0].appRoles = ["graph": ["Application.Read.All"]]
        configuration.tenants[0].servicePrincipals[0].delegatedGrants = [.init(resource: "graph", scopes: ["User.Read", "Mail.Read"])]
        configuration.tenants[0].directoryRoleAssignments.append(.init(principal: "sg-ops", role: "Groups Administrator"))
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let headers = try await Self.graphToken(endpoint)
            let base = "\(endpoint.baseURL)/v1.0"
            let smoke = Fixture.smokeObjectId
            // Application permissions: the assignment names the role by id, the API's service principal by value.
            let assigned = try await HTTPExchange.send(.get, "\(base)/servicePrincipals/\(smoke)/appRoleAssignments", headers: headers)
            let assignment = try #require(assigned.json?["value"]?[0], "\(assigned.text)")
            #expect(assignment["appRoleId"]?.stringValue == "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30", "Graph's id of Application.Read.All")
            #expect(assignment["principalType"]?.stringValue == "ServicePrincipal")
            #expect(assignment["resourceDisplayName"]?.stringValue == "Microsoft Graph")
            let resourceId = try #require(assignment["resourceId"]?.stringValue)
            let api = try await HTTPExchange.send(.get, "\(base)/servicePrincipals/\(resourceId)", headers: headers)
            #expect(api.json?["appId"]?.stringValue == "00000003-0000-0000-c000-000000000000")
            let roles = api.json?["appRoles"]?.arrayValue ?? []
            #expect(
                roles.contains {
                    $0["id"]?.stringValue == assignment["appRoleId"]?.stringValue && $0["value"]?.stringValue == "Application.Read.All"
                })
            // The Azure CLI finds a service principal by any of its names.
            let byName = try await HTTPExchange.send(
                .get,
                "\(base)/servicePrincipals?$filter=" + "servicePrincipalNames/any(c:c eq 'https://graph.microsoft.com')"
                    .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                headers: headers)
            #expect(byName.json?["value"]?[0]?["id"]?.stringValue == resourceId, "\(byName.text)")
            // Delegated grants, by client.
            let grants = try await HTTPExchange.send(
                .get, "\(base)/oauth2PermissionGrants?$filter=clientId%20eq%20%27\(smoke)%27", headers: headers)
            #expect(grants.json?["value"]?[0]?["scope"]?.stringValue == "User.Read Mail.Read", "\(grants.text)")
            #expect(grants.json?["value"]?[0]?["consentType"]?.stringValue == "AllPrincipals")
            #expect(grants.json?["value"]?[0]?["principalId"] == .null)
            // Directory roles: a group's role carries the group's id; eligible ones are schedules.
            let active = try await HTTPExchange.send(
                .get,
                "\(base)/roleManagement/directory/roleAssignments?$filter=principalId%20eq%20%27\(Self.ops)%27&$expand=roleDefinition",
                headers: headers)
            #expect(active.json?["value"]?[0]?["roleDefinitionId"]?.stringValue == "fdd7a751-b60b-444a-984c-02652fe8fa1c", "\(active.text)")
            #expect(active.json?["value"]?[0]?["directoryScopeId"]?.stringValue == "/")
            #expect(active.json?["value"]?[0]?["roleDefinition"]?["displayName"]?.stringValue == "Groups Administrator")
            let admin = EmulatorConfiguration.Defaults.platformAdminObjectId
            let eligible = try await HTTPExchange.send(
                .get, "\(base)/roleManagement/directory/roleEligibilitySchedules?$filter=principalId%20eq%20%27\(admin)%27",
                headers: headers)
            #expect(
                eligible.json?["value"]?[0]?["roleDefinitionId"]?.stringValue == "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "\(eligible.text)")
            #expect(eligible.json?["value"]?[0]?["status"]?.stringValue == "Provisioned")
            // The reader holds RoleEligibilitySchedule.Read.Directory; the smoke principal holds none of them.
            let denied = try await HTTPExchange.send(
                .get, "\(base)/roleManagement/directory/roleEligibilitySchedules",
                headers: try await Self.graphToken(endpoint, reader: false))
            #expect(denied.status == 403)
            // Owners of the application, and a user found by its sign-in name.
            let apps = try await HTTPExchange.send(
                .get, "\(base)/applications?$filter=appId%20eq%20%27\(Fixture.smokeClientId)%27", headers: headers)
            let application = try #require(apps.json?["value"]?[0]?["id"]?.stringValue)
            let owners = try await HTTPExchange.send(.get, "\(base)/applications/\(application)/owners", headers: headers)
            #expect(owners.json?["value"]?[0]?["@odata.type"]?.stringValue == "#microsoft.graph.user", "\(owners.text)")
            let upn = try #require(owners.json?["value"]?[0]?["userPrincipalName"]?.stringValue)
            #expect(upn == "PlatformAdmin@\(EmulatorConfiguration.Defaults.tenantDomain)")
            let user = try await HTTPExchange.send(.get, "\(base)/users?$filter=userPrincipalName%20eq%20%27\(upn)%27", headers: headers)
            #expect(user.json?["value"]?[0]?["id"]?.stringValue == admin, "\(user.text)")
            let badFilter = try await HTTPExchange.send(
                .get, "\(base)/oauth2PermissionGrants?$filter=appId%20eq%20%27x%27", headers: headers)
            #expect(badFilter.status == 400, "appId is no field of a grant")
        }
    }

    @Test func graphAlsoAnswersAtTheAddressTheCloudMetadataNames() async throws {
        try await Emulator.withRunning(configuration: Self.configuration()) { endpoint in
            let metadata = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/metadata/endpoints?api-version=2022-09-01")
            let graph = try #require(metadata.json?["microsoftGraphResourceId"]?.stringValue)
            #expect(graph == endpoint.baseURL + "/graph/", "Graph's address and audience, as a national cloud's")
            let token = try await Fixture.token(
                endpoint, clientId: Fixture.readerClientId, secret: Fixture.readerSecret, scope: graph + ".default")
            let read = try await HTTPExchange.send(.get, "\(graph)v1.0/directoryObjects/\(Self.mi)", headers: Fixture.bearer(token))
            #expect(read.status == 200, "\(read.text)")
            #expect(read.json?["displayName"]?.stringValue == "azspec-mi")
            let arm = try await HTTPExchange.send(
                .get, "\(graph)v1.0/directoryObjects/\(Self.mi)", headers: Fixture.bearer(try await Fixture.readerToken(endpoint)))
            #expect(arm.status == 401, "a Resource Manager token is still not for Graph")
        }
    }

    @Test func membershipsAreTransitiveAndPaged() async throws {
        try await Emulator.withRunning(configuration: Self.configuration()) { endpoint in
            let headers = try await Self.graphToken(endpoint)
            func all(_ url: String) async throws -> [String] {
                var names: [String] = []
                var next: String? = url
                var pages = 0
                while let page = next, pages < 10 {
                    let reply = try await HTTPExchange.send(.get, page, headers: headers)
                    try #require(reply.status == 200, "\(reply.text)")
                    names += reply.json?["value"]?.arrayValue?.compactMap { $0["displayName"]?.stringValue } ?? []
                    next = reply.json?["@odata.nextLink"]?.stringValue
                    pages += 1
                }
                #expect(pages == max(names.count, 1), "a page an item: \(names)")
                return names
            }
            let base = "\(endpoint.baseURL)/v1.0"
            #expect(try await all("\(base)/servicePrincipals/\(Fixture.smokeObjectId)/transitiveMemberOf") == ["sg-nested", "sg-ops"])
            #expect(try await all("\(base)/groups/\(Self.ops)/transitiveMembers") == ["azspec-mi", "sg-nested", "azspec-smoke"])
            #expect(try await all("\(base)/servicePrincipals/\(Fixture.readerObjectId)/transitiveMemberOf") == [])
        }
    }

    /// Applications carry their credentials as Graph shows them: secrets as passwordCredentials with a hint and an
    /// end date (never the secret), certificates as keyCredentials with their thumbprint and validity, and
    /// federated credentials under federatedIdentityCredentials.
    @Test func applicationsShowTheirCredentialsButNotTheirSecrets() async throws {
        let certificate = try TestCertificate.registered.get()
        var configuration = try ClientAssertionTests.configuration()
        configuration.tenants[0].servicePrincipals[0].secrets.append(
            .init(value: "expiring-secret-value", expires: Date(timeIntervalSince1970: 1_924_992_000)))
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let headers = try await Self.graphToken(endpoint)
            let list = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/v1.0/applications?$filter=appId%20eq%20%27\(Fixture.smokeClientId)%27", headers: headers)
            #expect(list.status == 200, "\(list.text)")
            let app = try #require(list.json?["value"]?[0])
            #expect(app["displayName"]?.stringValue == "azspec-smoke")
            let passwords = app["passwordCredentials"]?.arrayValue ?? []
            #expect(passwords.count == 2)
            #expect(passwords.allSatisfy { $0["secretText"] == .null && $0["hint"]?.stringValue?.count == 3 })
            #expect(passwords.last?["endDateTime"]?.stringValue == "2031-01-01T00:00:00Z")
            #expect(!list.text.contains(Fixture.smokeSecret) && !list.text.contains("expiring-secret-value"), "no secret: \(list.text)")
            let key = try #require(app["keyCredentials"]?[0])
            #expect(key["customKeyIdentifier"]?.stringValue == certificate.sha1.map { String(format: "%02X", $0) }.joined())
            #expect(key["type"]?.stringValue == "AsymmetricX509Cert")
            let id = try #require(app["id"]?.stringValue)
            let one = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/v1.0/applications/\(id)", headers: headers)
            #expect(one.json?["appId"]?.stringValue == Fixture.smokeClientId)
            let federated = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/v1.0/applications/\(id)/federatedIdentityCredentials", headers: headers)
            #expect(
                federated.json?["value"]?[0]?["subject"]?.stringValue == EmulatorConfiguration.Defaults.githubSubject, "\(federated.text)")
            let denied = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/v1.0/applications", headers: try await Self.graphToken(endpoint, reader: false))
            #expect(denied.status == 403)
        }
    }
}
