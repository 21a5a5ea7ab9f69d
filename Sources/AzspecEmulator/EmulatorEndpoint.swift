/// A running emulator. Entra ID (token endpoints) and ARM are served on one base URL.
public struct EmulatorEndpoint: Sendable {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    public var baseURL: String
    public var port: Int
    /// Environment variables that point a spec at the emulator's identities, from the configuration's
    /// `environment:` map. The default configuration defines `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`,
    /// `AZURE_CLIENT_SECRET`, `AZURE_SUBSCRIPTION_ID` (the Contributor principal) and `AZSPEC_READER_CLIENT_ID`,
    /// `AZSPEC_READER_CLIENT_SECRET` (a principal with Reader on the subscription).
    public var environment: [String: String]
    /// When serving HTTPS with a generated certificate: the CA that signed it, as PEM, for clients to trust.
    public var caCertificatePEM: String?

    let state: EmulatorState

    /// How many POSTs reached the token endpoints (v1 and v2, successful or not), for all clients or for one
    /// client id (from the form or HTTP Basic credentials).
    public func tokenRequestCount(clientId: String? = nil) async -> Int {
        await state.tokenRequestCount(clientId: clientId)
    }
}
