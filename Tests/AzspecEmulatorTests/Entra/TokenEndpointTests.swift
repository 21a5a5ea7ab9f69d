import AzspecCore
import Foundation
import Testing

@testable import AzspecEmulator

@Suite("Entra ID token endpoints")
struct TokenEndpointTests {
    @Test func v1SuccessHasEntraKeyOrderAndNumbersAsStrings() async throws {
        try await Emulator.withRunning { endpoint in
            let reply = try await HTTPExchange.postForm(
                "\(endpoint.baseURL)/\(Fixture.tenantId)/oauth2/token",
                [
                    ("grant_type", "client_credentials"),
                    ("client_id", Fixture.smokeClientId),
                    ("client_secret", Fixture.smokeSecret),
                    ("resource", "https://management.azure.com/"),
                ],
                headers: [("client-request-id", "abc-123")]
            )
            #expect(reply.status == 200)
            #expect(
                reply.keys == [
                    "token_type", "expires_in", "ext_expires_in", "expires_on", "not_before", "resource",
                    "access_token",
                ])
            let json = try #require(reply.json)
            #expect(json["token_type"]?.stringValue == "Bearer")
            #expect(json["expires_in"]?.stringValue == "3599")
            #expect(json["ext_expires_in"]?.stringValue == "3599")
            #expect(json["resource"]?.stringValue == "https://management.azure.com/")
            let expiresOn = try #require(json["expires_on"]?.stringValue.flatMap { Int($0) })
            let notBefore = try #require(json["not_before"]?.stringValue.flatMap { Int($0) })
            #expect(expiresOn - notBefore == 3599 + 300)
            #expect(reply.header("Cache-Control") == "no-store, no-cache")
            #expect(reply.header("Pragma") == "no-cache")
            #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
            #expect(reply.header("Expires") == "-1")
            #expect(reply.header("client-request-id") == "abc-123")
            #expect(GUID.isValid(try #require(reply.header("x-ms-request-id"))))

            let token = try #require(json["access_token"]?.stringValue)
            let claims = try Fixture.claims(token)
            #expect(claims.objectValue?.keys.prefix(5) == ["aud", "iss", "iat", "nbf", "exp"])
            #expect(claims["aud"]?.stringValue == "https://management.azure.com/")
            #expect(claims["iss"]?.stringValue == "https://sts.windows.net/\(Fixture.tenantId)/")
            #expect(claims["appid"]?.stringValue == Fixture.smokeClientId)
            #expect(claims["oid"]?.stringValue == Fixture.smokeObjectId)
            #expect(claims["sub"]?.stringValue == Fixture.smokeObjectId)
            #expect(claims["tid"]?.stringValue == Fixture.tenantId)
            #expect(claims["idtyp"]?.stringValue == "app")
            #expect(claims["ver"]?.stringValue == "1.0")
            #expect(claims["exp"]?.intValue == expiresOn)
            #expect(claims["nbf"]?.intValue == notBefore)
            #expect(claims["iat"]?.intValue == notBefore + 300)
            let header = try Fixture.header(token)
            #expect(header.objectValue?.keys == ["typ", "alg", "kid"])
            #expect(header["alg"]?.stringValue == "RS256")
        }
    }

    /// The v2 endpoint answers with numbers, but Resource Manager takes v1.0 tokens, so the token is one: Entra picks
    /// the token's version by the resource (its requestedAccessTokenVersion), not by the endpoint.
    @Test func v2SuccessHasNumbersAndTheResourcesTokenVersion() async throws {
        try await Emulator.withRunning { endpoint in
            let reply = try await HTTPExchange.postForm(
                "\(endpoint.baseURL)/\(Fixture.tenantDomain)/oauth2/v2.0/token",
                [
                    ("grant_type", "client_credentials"),
                    ("client_id", Fixture.readerClientId),
                    ("client_secret", Fixture.readerSecret),
                    ("scope", "https://management.azure.com//.default"),
                ]
            )
            #expect(reply.status == 200)
            #expect(reply.keys == ["token_type", "expires_in", "ext_expires_in", "access_token"])
            #expect(reply.text.contains("\"expires_in\":3599,\"ext_expires_in\":3599,"))
            let token = try #require(reply.json?["access_token"]?.stringValue)
            let claims = try Fixture.claims(token)
            #expect(claims["aud"]?.stringValue == "https://management.azure.com/", "the resource as asked, its slash kept")
            #expect(claims["iss"]?.stringValue == "https://sts.windows.net/\(Fixture.tenantId)/")
            #expect(claims["appid"]?.stringValue == Fixture.readerClientId)
            #expect(claims["appidacr"]?.stringValue == "1")
            #expect(claims["azp"] == nil)
            #expect(claims["ver"]?.stringValue == "1.0")
            #expect(claims["roles"] == nil, "the reader's Directory.Read.All is Graph's, not Resource Manager's")
            #expect(claims["oid"]?.stringValue == Fixture.readerObjectId)
            #expect(await endpoint.tokenRequestCount() == 1)
            #expect(await endpoint.tokenRequestCount(clientId: Fixture.readerClientId) == 1)
            #expect(await endpoint.tokenRequestCount(clientId: Fixture.smokeClientId) == 0)
        }
    }

    @Test func clientSecretBasicIsAccepted() async throws {
        try await Emulator.withRunning { endpoint in
            let credentials = "\(Fixture.smokeClientId):\(PercentEncoding.encode(Fixture.smokeSecret))"
            let basic = "Basic " + Data(credentials.utf8).base64EncodedString()
            let reply = try await HTTPExchange.postForm(
                "\(endpoint.baseURL)/\(Fixture.tenantId)/oauth2/v2.0/token",
                [("grant_type", "client_credentials"), ("scope", "https://management.azure.com/.default")],
                headers: [("Authorization", basic)]
            )
            #expect(reply.status == 200, "\(reply.text)")
            #expect(await endpoint.tokenRequestCount(clientId: Fixture.smokeClientId) == 1)
        }
    }

    @Test func appRolesBecomeTheRolesClaimAndLifetimeIsConfigurable() async throws {
        var configuration = EmulatorConfiguration.default
        configuration.tokenLifetime = 600
        configuration.tenants[0].servicePrincipals[0].appRoles = ["graph": ["Data.Read"]]
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let reply = try await HTTPExchange.postForm(
                "\(endpoint.baseURL)/\(Fixture.tenantId)/oauth2/token",
                [
                    ("grant_type", "client_credentials"),
                    ("client_id", Fixture.smokeClientId),
                    ("client_secret", Fixture.smokeSecret),
                    ("resource", "https://graph.microsoft.com"),
                ]
            )
            #expect(reply.json?["expires_in"]?.stringValue == "600")
            let claims = try Fixture.claims(try #require(reply.json?["access_token"]?.stringValue))
            #expect(claims["roles"]?.arrayValue?.compactMap(\.stringValue) == ["Data.Read"])
            let lifetime = try #require(claims["exp"]?.intValue) - (try #require(claims["iat"]?.intValue))
            #expect(lifetime == 600)
        }
    }

    /// App roles are per resource: a token carries the roles granted on its own resource only. A configured API that
    /// accepts v2.0 tokens gets them from either endpoint, with its application id as `aud`.
    @Test func eachResourceGetsItsOwnRolesAndTokenVersion() async throws {
        var configuration = EmulatorConfiguration.default
        let api = "https://api.contoso.example"
        let apiId = "0a1b2c3d-0000-4000-8000-000000000001"
        configuration.resources = [.init(uri: api, appId: apiId, accessTokenVersion: 2)]
        configuration.tenants[0].servicePrincipals[0].appRoles = ["graph": ["Application.Read.All"], api: ["Orders.Read"]]
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            func claims(_ scope: String, v1: Bool = false) async throws -> JSONValue {
                let reply = try await HTTPExchange.postForm(
                    "\(endpoint.baseURL)/\(Fixture.tenantId)/oauth2/\(v1 ? "" : "v2.0/")token",
                    [
                        ("grant_type", "client_credentials"), ("client_id", Fixture.smokeClientId), ("client_secret", Fixture.smokeSecret),
                        v1 ? ("resource", scope) : ("scope", scope + "/.default"),
                    ])
                try #require(reply.status == 200, "\(reply.text)")
                return try Fixture.claims(try #require(reply.json?["access_token"]?.stringValue))
            }
            let graph = try await claims("https://graph.microsoft.com")
            #expect(graph["roles"]?.arrayValue?.compactMap(\.stringValue) == ["Application.Read.All"])
            #expect(graph["ver"]?.stringValue == "1.0")
            #expect(graph["aud"]?.stringValue == "https://graph.microsoft.com")
            let arm = try await claims("https://management.azure.com")
            #expect(arm["roles"] == nil, "no Graph permission in a Resource Manager token")
            let vault = try await claims("https://vault.azure.net")
            #expect(vault["ver"]?.stringValue == "1.0")
            #expect(vault["roles"] == nil)
            for v1 in [false, true] {
                let custom = try await claims(api, v1: v1)
                #expect(custom["ver"]?.stringValue == "2.0", "v1 endpoint: \(v1)")
                #expect(custom["aud"]?.stringValue == apiId)
                #expect(custom["iss"]?.stringValue == "https://login.microsoftonline.com/\(Fixture.tenantId)/v2.0")
                #expect(custom["azp"]?.stringValue == Fixture.smokeClientId)
                #expect(custom["appid"] == nil)
                #expect(custom["roles"]?.arrayValue?.compactMap(\.stringValue) == ["Orders.Read"])
            }
        }
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var version: TokenEndpoint.Version = .v2
        var tenant: String = Fixture.tenantId
        var fields: [(String, String)]
        var status: Int
        var error: String
        var code: Int
        var text: String? = nil

        var testDescription: String { name }
    }

    static let base: [(String, String)] = [
        ("grant_type", "client_credentials"), ("client_id", Fixture.smokeClientId),
        ("client_secret", Fixture.smokeSecret),
    ]
    static let scope = ("scope", "https://management.azure.com/.default")

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            name: "wrong secret", fields: [base[0], base[1], ("client_secret", "nope"), scope], status: 401,
            error: "invalid_client", code: 7_000_215,
            text: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret "
                + "value, not the client secret ID, for a secret added to app '\(Fixture.smokeClientId)'."),
        ErrorCase(
            name: "missing secret", fields: [base[0], base[1], scope], status: 401, error: "invalid_client",
            code: 7_000_216),
        ErrorCase(
            name: "unknown client",
            fields: [base[0], ("client_id", "11111111-2222-3333-4444-555555555555"), base[2], scope], status: 400,
            error: "unauthorized_client", code: 700016),
        ErrorCase(
            name: "unknown tenant", tenant: "contoso.example", fields: base + [scope], status: 400,
            error: "invalid_request", code: 90002),
        ErrorCase(
            name: "password grant", fields: [("grant_type", "password"), base[1], base[2], scope], status: 400,
            error: "unsupported_grant_type", code: 70003),
        ErrorCase(
            name: "missing grant_type", fields: [base[1], base[2], scope], status: 400, error: "invalid_request",
            code: 900144),
        ErrorCase(
            name: "missing scope", fields: base, status: 400, error: "invalid_request", code: 900144,
            text: "The request body must contain the following parameter: 'scope'."),
        ErrorCase(
            name: "v1 missing resource", version: .v1, fields: base, status: 400, error: "invalid_request",
            code: 900144),
        ErrorCase(
            name: "scope without /.default",
            fields: base + [("scope", "https://management.azure.com/user_impersonation")],
            status: 400, error: "invalid_scope", code: 1_002_012),
        ErrorCase(
            name: "unknown resource", fields: base + [("scope", "https://vault.example.net/.default")], status: 400,
            error: "invalid_resource", code: 500011),
        ErrorCase(
            name: "v2 given resource", fields: base + [("resource", "https://management.azure.com/"), scope],
            status: 400, error: "invalid_request", code: 901002),
    ]

    @Test(arguments: errorCases)
    func tokenErrorsHaveEntraShape(_ errorCase: ErrorCase) async throws {
        try await Emulator.withRunning { endpoint in
            let path = errorCase.version == .v1 ? "oauth2/token" : "oauth2/v2.0/token"
            let reply = try await HTTPExchange.postForm(
                "\(endpoint.baseURL)/\(errorCase.tenant)/\(path)",
                errorCase.fields,
                headers: [("client-request-id", "0f0e0d0c-0b0a-4909-8807-060504030201")]
            )
            #expect(reply.status == errorCase.status)
            #expect(
                reply.keys == [
                    "error", "error_description", "error_codes", "timestamp", "trace_id", "correlation_id", "error_uri",
                ])
            let json = try #require(reply.json)
            #expect(json["error"]?.stringValue == errorCase.error)
            #expect(json["error_codes"]?.arrayValue?.compactMap(\.intValue) == [errorCase.code])
            let description = try #require(json["error_description"]?.stringValue)
            #expect(description.hasPrefix("AADSTS\(errorCase.code): "))
            if let text = errorCase.text {
                #expect(description.hasPrefix("AADSTS\(errorCase.code): \(text)\r\nTrace ID: "))
            }
            let traceId = try #require(json["trace_id"]?.stringValue)
            #expect(reply.header("x-ms-request-id") == traceId)
            #expect(description.contains("\r\nTrace ID: \(traceId)\r\n"))
            #expect(json["correlation_id"]?.stringValue == "0f0e0d0c-0b0a-4909-8807-060504030201")
            let timestamp = try #require(json["timestamp"]?.stringValue)
            #expect(description.hasSuffix("\r\nTimestamp: \(timestamp)"))
            #expect(timestamp.count == "2016-01-09 02:02:12Z".count && timestamp.hasSuffix("Z"))
            #expect(json["error_uri"]?.stringValue == "\(endpoint.baseURL)/error?code=\(errorCase.code)")
            #expect(reply.text.contains("\\r\\nTrace ID"), "CRLF is escaped in the JSON text")
        }
    }

    @Test func expiredSecretIsRejectedWithAADSTS7000222() async throws {
        var configuration = EmulatorConfiguration.default
        configuration.tenants[0].servicePrincipals[0].secrets = [
            .init(value: "old-secret", expires: .init(timeIntervalSince1970: 1_600_000_000)),
            .init(value: Fixture.smokeSecret),
        ]
        try await Emulator.withRunning(configuration: configuration) { endpoint in
            let expired = try await HTTPExchange.postForm(
                "\(endpoint.baseURL)/\(Fixture.tenantId)/oauth2/v2.0/token",
                [Self.base[0], Self.base[1], ("client_secret", "old-secret"), Self.scope]
            )
            #expect(expired.status == 401)
            #expect(expired.json?["error"]?.stringValue == "invalid_client")
            #expect(expired.json?["error_codes"]?.arrayValue?.first?.intValue == 7_000_222)
            let current = try await HTTPExchange.postForm(
                "\(endpoint.baseURL)/\(Fixture.tenantId)/oauth2/v2.0/token", Self.base + [Self.scope])
            #expect(current.status == 200)
            #expect(await endpoint.tokenRequestCount(clientId: Fixture.smokeClientId) == 2)
        }
    }

    @Test func discoveryDocumentsPointAtTheEmulator() async throws {
        try await Emulator.withRunning { endpoint in
            let configuration = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/\(Fixture.tenantDomain)/v2.0/.well-known/openid-configuration")
            #expect(configuration.status == 200)
            #expect(
                configuration.json?["token_endpoint"]?.stringValue
                    == "\(endpoint.baseURL)/\(Fixture.tenantId)/oauth2/v2.0/token")
            let keys = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/\(Fixture.tenantId)/discovery/v2.0/keys")
            #expect(keys.json?["keys"]?.arrayValue?.first?["kty"]?.stringValue == "RSA")
            let unknown = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/nope.example/v2.0/.well-known/openid-configuration")
            #expect(unknown.status == 400)
            #expect(unknown.json?["error"]?.stringValue == "invalid_tenant")
            let getToken = try await HTTPExchange.send(
                .get, "\(endpoint.baseURL)/\(Fixture.tenantId)/oauth2/v2.0/token")
            #expect(getToken.status == 400)
            #expect(getToken.json?["error_codes"]?.arrayValue?.first?.intValue == 900561)
            #expect(await endpoint.tokenRequestCount() == 0, "only POSTs count")
        }
    }

    /// The tenant-independent authorities answer discovery as Entra does (`az logout` and `az account clear` read
    /// `/organizations` first): endpoints under the authority, `{tenantid}` in the issuer, no region.
    @Test func commonOrganizationsAndConsumersAnswerDiscovery() async throws {
        try await Emulator.withRunning { endpoint in
            for authority in ["common", "organizations", "consumers"] {
                let v2 = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/\(authority)/v2.0/.well-known/openid-configuration")
                #expect(v2.status == 200, "\(authority): \(v2.text)")
                #expect(v2.json?["token_endpoint"]?.stringValue == "\(endpoint.baseURL)/\(authority)/oauth2/v2.0/token")
                #expect(v2.json?["authorization_endpoint"]?.stringValue == "\(endpoint.baseURL)/\(authority)/oauth2/v2.0/authorize")
                #expect(v2.json?["tenant_region_scope"] == .null)
                let tenant = authority == "consumers" ? "9188040d-6c67-4c5b-b112-36a304b66dad" : "{tenantid}"
                #expect(v2.json?["issuer"]?.stringValue == "https://login.microsoftonline.com/\(tenant)/v2.0")
                let v1 = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/\(authority)/.well-known/openid-configuration")
                #expect(v1.json?["issuer"]?.stringValue == "https://sts.windows.net/\(tenant)/")
                #expect(v1.json?["token_endpoint"]?.stringValue == "\(endpoint.baseURL)/\(authority)/oauth2/token")
            }
            let tenant = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/\(Fixture.tenantId)/v2.0/.well-known/openid-configuration")
            #expect(tenant.json?["tenant_region_scope"]?.stringValue == "EU", "a tenant has a region")
        }
    }

    /// `GET /metadata/endpoints`, which `az cloud register --endpoint-resource-manager` reads: one cloud, or a list for
    /// 2019-05-01, naming the emulator as authority and Resource Manager, with the audience the CLI asks tokens for.
    @Test func cloudMetadataNamesTheEmulator() async throws {
        try await Emulator.withRunning { endpoint in
            let current = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/metadata/endpoints?api-version=2022-09-01")
            #expect(current.status == 200)
            #expect(current.json?["authentication"]?["loginEndpoint"]?.stringValue == endpoint.baseURL)
            #expect(current.json?["authentication"]?["audiences"]?[0]?.stringValue == "https://management.core.windows.net/")
            #expect(current.json?["resourceManager"]?.stringValue == endpoint.baseURL + "/")
            #expect(current.json?["suffixes"]?["storage"]?.stringValue == "core.windows.net")
            #expect(current.json?["name"]?.stringValue == "AzspecEmulator")
            let list = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/metadata/endpoints?api-version=2019-05-01")
            #expect(list.json?[0]?["authentication"]?["loginEndpoint"]?.stringValue == endpoint.baseURL + "/")
            let old = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/metadata/endpoints?api-version=2015-01-01")
            #expect(old.json?["galleryEndpoint"]?.stringValue == endpoint.baseURL + "/")
            // The audience it names is one Resource Manager takes.
            let token = try await Fixture.token(endpoint, scope: "https://management.core.windows.net//.default")
            let groups = try await HTTPExchange.send(.get, Fixture.armURL(endpoint, "/resourcegroups"), headers: Fixture.bearer(token))
            #expect(groups.status == 200, "\(groups.text)")
        }
    }
}
