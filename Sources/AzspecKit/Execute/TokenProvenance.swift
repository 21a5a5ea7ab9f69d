import AzspecCore
import Foundation
import Synchronization

/// The provenance line of each token a run acquired, by identity and token (a token is acquired once and used by many
/// tests).
final class TokenProvenances: Sendable {
    private let lines = Mutex<[String: String]>([:])
    /// The most kept: tokens are few, one per identity and resource until they are renewed.
    static let limit = 1_024

    func line(for key: String, _ make: () -> String) -> String {
        if let known = lines.withLock({ $0[key] }) { return known }
        let line = make()
        lines.withLock { lines in
            if lines.count >= Self.limit { lines.removeAll() }
            lines[key] = line
        }
        return line
    }
}

extension TestExecution.Credential {
    /// Where a token came from, for the reports: the identity and its kind, the flow and endpoint, the tenant and
    /// client its claims name, the resource, the token's version and expiry. Never the token.
    func provenance(of token: AccessToken) -> String {
        let claims = CompactJWT(token.value)?.claims
        let tenant = claims?["tid"]?.stringValue
        let endpoint = { (version: IdentitySpec.Endpoint) in
            "\(cloud.login)/\(tenant ?? "{tenant}")/oauth2/\(version == .v1 ? "" : "v2.0/")token"
        }
        let flow: String =
            switch identity.kind {
            case .clientSecret(_, _, _, let version): "client credentials with a client secret at \(endpoint(version))"
            case .clientCertificate(_, _, _, _, let version): "client credentials with a certificate's assertion at \(endpoint(version))"
            case .workloadIdentity: "client credentials with a federated token at \(endpoint(.v2))"
            case .managedIdentity: "the managed identity endpoint"
            case .azureCli: "az account get-access-token"
            case .token(let variable): "the environment variable \(variable)"
            case .environment: "the environment's credential at \(endpoint(.v2))"
            }
        var parts = ["token: identity '\(identity.name)' (\(identity.kindName)) by \(flow)"]
        if let tenant { parts.append("tenant \(tenant)") }
        if let client = claims?["appid"]?.stringValue ?? claims?["azp"]?.stringValue { parts.append("client \(client)") }
        parts.append("resource \(cloud.audience)")
        let version = claims?["ver"]?.stringValue.map { "v\($0)" } ?? "not a JWT"
        parts.append("\(version), expires \(ISO8601DateFormatter().string(from: token.expiresOn))")
        return parts.joined(separator: "; ")
    }
}
