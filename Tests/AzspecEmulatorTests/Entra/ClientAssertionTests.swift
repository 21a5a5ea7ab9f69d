import AzspecCore
import AzspecTesting
import Foundation
import Testing

@testable import AzspecEmulator

/// Certificate and federated client assertions at the token endpoints, each check of Entra's that can fail.
@Suite("Client assertions")
struct ClientAssertionTests {
    /// The default configuration with the test certificate registered on `azspec-smoke`.
    static func configuration() throws -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration.default
        let certificate = try TestCertificate.registered.get()
        configuration.tenants[0].servicePrincipals[0].certificates = [.init(pem: certificate.pem)]
        return configuration
    }

    static func tokenURL(_ endpoint: EmulatorEndpoint, v1: Bool = false, tenant: String = Fixture.tenantId) -> String {
        "\(endpoint.baseURL)/\(tenant)/oauth2/\(v1 ? "" : "v2.0/")token"
    }

    /// POSTs a client-credentials request carrying `assertion`.
    static func exchange(_ endpoint: EmulatorEndpoint, _ assertion: String, v1: Bool = false) async throws -> HTTPReply {
        try await HTTPExchange.postForm(
            tokenURL(endpoint, v1: v1),
            [
                ("grant_type", "client_credentials"),
                ("client_id", Fixture.smokeClientId),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                ("client_assertion", assertion),
                v1 ? ("resource", "https://management.azure.com/") : ("scope", "https://management.azure.com/.default"),
            ])
    }

    /// Entra's `error`, first code and description of an error reply.
    static func failure(_ reply: HTTPReply) -> (status: Int, error: String?, code: Int?, description: String) {
        (
            reply.status, reply.json?["error"]?.stringValue, reply.json?["error_codes"]?[0]?.intValue,
            reply.json?["error_description"]?.stringValue ?? ""
        )
    }

    @Test func rs256WithSHA256ThumbprintGetsAnAssertionAuthenticatedToken() async throws {
        let certificate = try TestCertificate.registered.get()
        try await Emulator.withRunning(configuration: try Self.configuration()) { endpoint in
            let assertion = try certificate.assertion(clientId: Fixture.smokeClientId, audience: Self.tokenURL(endpoint))
            let reply = try await Self.exchange(endpoint, assertion)
            #expect(reply.status == 200, "\(reply.text)")
            let claims = try Fixture.claims(try #require(reply.json?["access_token"]?.stringValue))
            #expect(claims["appid"]?.stringValue == Fixture.smokeClientId, "Resource Manager takes v1.0 tokens")
            #expect(claims["appidacr"]?.stringValue == "2", "a certificate, not a secret")
        }
    }

    @Test func ps256WithSHA1ThumbprintAndTheV1AudienceAreAccepted() async throws {
        let certificate = try TestCertificate.registered.get()
        try await Emulator.withRunning(configuration: try Self.configuration()) { endpoint in
            let v1Audience = Self.tokenURL(endpoint, v1: true, tenant: Fixture.tenantDomain)
            let assertion = try certificate.assertion(
                clientId: Fixture.smokeClientId, audience: v1Audience, algorithm: .ps256, thumbprint: .sha1)
            let reply = try await Self.exchange(endpoint, assertion, v1: true)
            #expect(reply.status == 200, "\(reply.text)")
            let claims = try Fixture.claims(try #require(reply.json?["access_token"]?.stringValue))
            #expect(claims["appidacr"]?.stringValue == "2")
        }
    }

    @Test func everyBrokenAssertionGetsEntrasError() async throws {
        let certificate = try TestCertificate.registered.get()
        let stranger = try TestCertificate.unregistered.get()
        try await Emulator.withRunning(configuration: try Self.configuration()) { endpoint in
            let audience = Self.tokenURL(endpoint)
            let client = Fixture.smokeClientId
            let cases: [(String, String, Int)] = [
                // Signed by another key but naming the registered certificate.
                (try certificate.assertion(clientId: client, audience: audience, signingKey: stranger.key), "signature", 700027),
                // A certificate the application does not have.
                (try stranger.assertion(clientId: client, audience: audience), "not registered", 700027),
                (try certificate.assertion(clientId: client, audience: audience, thumbprint: .none), "not registered", 700027),
                (
                    try certificate.assertion(clientId: client, audience: "https://login.microsoftonline.com/x/oauth2/v2.0/token"),
                    "audience", 70002
                ),
                (try certificate.assertion(clientId: client, audience: audience, lifetime: -900), "valid time range", 700024),
                (
                    try certificate.assertion(
                        clientId: client, audience: audience, overrides: ["nbf": .number(Date().timeIntervalSince1970 + 3600)]),
                    "valid time range", 700024
                ),
                (try certificate.assertion(clientId: client, audience: audience, overrides: ["exp": nil]), "malformed", 50027),
                (
                    try certificate.assertion(clientId: client, audience: audience, overrides: ["sub": "someone-else"]),
                    "Subject must match", 50048
                ),
                ("not.a.jwt", "malformed", 50027),
            ]
            for (assertion, words, code) in cases {
                let failure = Self.failure(try await Self.exchange(endpoint, assertion))
                #expect(failure.status == 401, "\(words): \(failure)")
                #expect(failure.error == "invalid_client", "\(words)")
                #expect(failure.code == code, "\(words): \(failure.description)")
                #expect(failure.description.hasPrefix("AADSTS\(code): "), "\(words): \(failure.description)")
                #expect(failure.description.lowercased().contains(words.lowercased()), "\(words): \(failure.description)")
            }
        }
    }

    @Test func anAssertionIdCannotBeUsedTwice() async throws {
        let certificate = try TestCertificate.registered.get()
        try await Emulator.withRunning(configuration: try Self.configuration()) { endpoint in
            let assertion = try certificate.assertion(clientId: Fixture.smokeClientId, audience: Self.tokenURL(endpoint))
            #expect(try await Self.exchange(endpoint, assertion).status == 200)
            let replay = Self.failure(try await Self.exchange(endpoint, assertion))
            #expect(replay.status == 401)
            #expect(replay.description.contains("has already been used"), "\(replay.description)")
        }
    }

    // MARK: Federated credentials

    @Test func aFederatedTokenFromATrustedIssuerIsExchanged() async throws {
        try await Emulator.withRunning { endpoint in
            let token = try await endpoint.federatedToken(subject: EmulatorConfiguration.Defaults.githubSubject)
            let claims = try Fixture.claims(token)
            #expect(claims["iss"]?.stringValue == "\(endpoint.baseURL)/_azspec/oidc")
            let reply = try await Self.exchange(endpoint, token)
            #expect(reply.status == 200, "\(reply.text)")
            #expect(await endpoint.tokenRequestCount(clientId: Fixture.smokeClientId) == 1)
        }
    }

    @Test func federatedMismatchesNameWhatDidNotMatch() async throws {
        try await Emulator.withRunning { endpoint in
            let subject = EmulatorConfiguration.Defaults.githubSubject
            let cases: [(String, Int, String)] = [
                (try await endpoint.federatedToken(subject: "repo:someone/else:ref:refs/heads/main"), 700213, "subject 'repo:someone/else"),
                (try await endpoint.federatedToken(subject: subject, audience: "api://other"), 700212, "audience 'api://other'"),
                (try await endpoint.federatedToken(subject: subject, lifetime: -900), 700024, "valid time range"),
            ]
            for (token, code, words) in cases {
                let failure = Self.failure(try await Self.exchange(endpoint, token))
                #expect(failure.status == 401 && failure.code == code, "\(failure)")
                #expect(failure.description.contains(words), "\(failure.description)")
            }
        }
    }

    @Test func anUntrustedIssuerIsRefused() async throws {
        let stranger = try TestCertificate.unregistered.get()
        try await Emulator.withRunning { endpoint in
            let now = Date().timeIntervalSince1970.rounded(.down)
            let token = try TestCertificate.sign(
                header: [("alg", "RS256"), ("typ", "JWT")],
                claims: [
                    ("iss", "https://token.actions.githubusercontent.com"),
                    ("sub", .string(EmulatorConfiguration.Defaults.githubSubject)),
                    ("aud", "api://AzureADTokenExchange"), ("nbf", .number(now)), ("exp", .number(now + 600)),
                ],
                key: stranger.key, algorithm: .rs256)
            let failure = Self.failure(try await Self.exchange(endpoint, token))
            #expect(failure.code == 700211, "\(failure)")
            #expect(failure.description.contains("issuer 'https://token.actions.githubusercontent.com'"))
        }
    }

    @Test func theGitHubEndpointAnswersLikeActionsDoes() async throws {
        try await Emulator.withRunning { endpoint in
            let url = try #require(endpoint.environment["ACTIONS_ID_TOKEN_REQUEST_URL"])
            let requestToken = try #require(endpoint.environment["ACTIONS_ID_TOKEN_REQUEST_TOKEN"])
            #expect(url.hasPrefix(endpoint.baseURL), "the {baseURL} placeholder is resolved")
            let refused = try await HTTPExchange.send(.get, url + "&audience=api://AzureADTokenExchange")
            #expect(refused.status == 401)
            let reply = try await HTTPExchange.send(
                .get, url + "&audience=api%3A%2F%2FAzureADTokenExchange", headers: [("Authorization", "Bearer \(requestToken)")])
            #expect(reply.status == 200, "\(reply.text)")
            let token = try #require(reply.json?["value"]?.stringValue)
            let claims = try Fixture.claims(token)
            #expect(claims["aud"]?.stringValue == "api://AzureADTokenExchange")
            #expect(claims["sub"]?.stringValue == EmulatorConfiguration.Defaults.githubSubject)
            #expect(claims["job_workflow_ref"]?.stringValue?.hasPrefix("azspec/example/.github/workflows/") == true)
            #expect(try await Self.exchange(endpoint, token).status == 200)
        }
    }
}
