import AzspecCore
import Testing

@testable import AzspecEmulator

/// Identities of the default configuration, and helpers that get tokens from a running emulator.
enum Fixture {
    static let tenantId = EmulatorConfiguration.Defaults.tenantId
    static let tenantDomain = EmulatorConfiguration.Defaults.tenantDomain
    static let subscriptionId = EmulatorConfiguration.Defaults.subscriptionId
    static let smokeClientId = EmulatorConfiguration.Defaults.smokeClientId
    static let smokeObjectId = EmulatorConfiguration.Defaults.smokeObjectId
    static let smokeSecret = EmulatorConfiguration.Defaults.smokeSecret
    static let readerClientId = EmulatorConfiguration.Defaults.readerClientId
    static let readerObjectId = EmulatorConfiguration.Defaults.readerObjectId
    static let readerSecret = EmulatorConfiguration.Defaults.readerSecret
    static let apiVersion = "2021-04-01"

    /// A v2 token for the emulator's own ARM (`{baseURL}/.default`).
    static func token(
        _ endpoint: EmulatorEndpoint,
        clientId: String = smokeClientId,
        secret: String = smokeSecret,
        tenant: String = tenantId,
        scope: String? = nil
    ) async throws -> String {
        let reply = try await HTTPExchange.postForm(
            "\(endpoint.baseURL)/\(tenant)/oauth2/v2.0/token",
            [
                ("grant_type", "client_credentials"),
                ("client_id", clientId),
                ("client_secret", secret),
                ("scope", scope ?? "\(endpoint.baseURL)/.default"),
            ]
        )
        try #require(reply.status == 200, "token request failed: \(reply.text)")
        return try #require(reply.json?["access_token"]?.stringValue)
    }

    static func readerToken(_ endpoint: EmulatorEndpoint) async throws -> String {
        try await token(endpoint, clientId: readerClientId, secret: readerSecret)
    }

    /// `{baseURL}/subscriptions/{default}{path}?api-version=…`.
    static func armURL(_ endpoint: EmulatorEndpoint, _ path: String = "", query: String = "") -> String {
        "\(endpoint.baseURL)/subscriptions/\(subscriptionId)\(path)?api-version=\(apiVersion)\(query)"
    }

    static func bearer(_ token: String) -> [(String, String)] {
        [("Authorization", "Bearer \(token)")]
    }

    /// The claims of a JWT (no verification).
    static func claims(_ token: String) throws -> JSONValue {
        let parts = token.split(separator: ".")
        try #require(parts.count == 3)
        let bytes = try #require(Base64URL.decode(parts[1]))
        return try JSONValue(parsing: bytes)
    }

    static func header(_ token: String) throws -> JSONValue {
        let parts = token.split(separator: ".")
        try #require(parts.count == 3)
        return try JSONValue(parsing: try #require(Base64URL.decode(parts[0])))
    }
}
