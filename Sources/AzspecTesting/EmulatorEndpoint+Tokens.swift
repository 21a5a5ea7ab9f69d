public import AzspecEmulator
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Tokens straight from a running emulator, for tests that need one outside a spec run.
extension EmulatorEndpoint {
    /// A v2 access token for the emulator's own Resource Manager, for the identity its environment names
    /// (`AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET`).
    public func accessToken() async throws -> String {
        let tenant = environment["AZURE_TENANT_ID"] ?? ""
        return try await postForm(
            "/\(tenant)/oauth2/v2.0/token",
            [
                ("grant_type", "client_credentials"), ("client_id", environment["AZURE_CLIENT_ID"] ?? ""),
                ("client_secret", environment["AZURE_CLIENT_SECRET"] ?? ""), ("scope", baseURL + "/.default"),
            ],
            field: "access_token")
    }

    /// An ID token of the built-in test issuer (`POST /_azspec/oidc/token`) for `subject`; a negative `lifetime`
    /// makes one that has already expired.
    public func federatedToken(
        subject: String, audience: String = "api://AzureADTokenExchange", lifetime: Int = 600
    ) async throws -> String {
        try await postForm(
            "/_azspec/oidc/token", [("subject", subject), ("audience", audience), ("lifetime", String(lifetime))],
            field: "token")
    }

    /// POSTs a form to `path` and returns the string member `field` of the JSON answer.
    private func postForm(_ path: String, _ fields: [(String, String)], field: String) async throws -> String {
        guard let url = URL(string: baseURL + path) else { throw EmulatorRequestError(message: "bad URL \(baseURL + path)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        request.httpBody = Data(
            fields.map { name, value in "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)" }
                .joined(separator: "&").utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let value = object[field] as? String
        else {
            throw EmulatorRequestError(message: "\(path) answered without '\(field)': \(String(decoding: data, as: UTF8.self))")
        }
        return value
    }
}

/// The emulator did not answer a test's token request as expected.
public struct EmulatorRequestError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
