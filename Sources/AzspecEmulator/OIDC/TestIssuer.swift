import AzspecCore
import Foundation

/// The emulator's own OIDC issuer at `{baseURL}/_azspec/oidc`, so that workload identity federation can be tried
/// offline: its key is made at start and it is trusted as a federated issuer automatically. It mints tokens for any
/// subject (`POST /_azspec/oidc/token`) and answers like GitHub Actions' ID-token endpoint
/// (`GET /_azspec/oidc/github`).
struct TestIssuer: Sendable {
    /// The path of the issuer below the base URL.
    static let path = "/_azspec/oidc"
    static let defaultAudience = "api://AzureADTokenExchange"

    let signer: TokenSigner
    let githubRequestToken: String
    let githubSubject: String

    /// `{baseURL}/_azspec/oidc`: the tokens' `iss`.
    static func issuerURL(baseURL: String) -> String {
        baseURL + path
    }

    /// The issuer as a federated issuer entry (named with the `{baseURL}` placeholder, as configurations do).
    var federatedIssuer: Directory.FederatedIssuer {
        Directory.FederatedIssuer(issuer: EmulatorConfiguration.Defaults.testIssuer, publicKey: signer.publicKey)
    }

    /// A signed ID token with `iss`, `sub`, `aud`, `iat`, `nbf`, `exp`, `jti`; `extraClaims` go after `aud`.
    func token(
        subject: String, audience: String, lifetime: Int, extraClaims: [(String, JSONValue)] = [], baseURL: String,
        now: Double
    ) throws -> String {
        let issuedAt = Int(now)
        var claims: [(String, JSONValue)] = [
            ("iss", .string(Self.issuerURL(baseURL: baseURL))),
            ("sub", .string(subject)),
            ("aud", .string(audience)),
        ]
        claims += extraClaims
        claims += [
            ("iat", .int(issuedAt)),
            ("nbf", .int(issuedAt)),
            ("exp", .int(issuedAt + lifetime)),
            ("jti", .string(GUID.random())),
        ]
        return try signer.sign(claims: .object(JSONObject(claims)))
    }

    /// The claims GitHub adds that can be read off a `repo:OWNER/REPO:ref:REF` or `…:environment:NAME` subject.
    static func githubClaims(subject: String) -> [(String, JSONValue)] {
        let parts = subject.split(separator: ":", maxSplits: 3).map(String.init)
        guard parts.count >= 2, parts[0] == "repo" else { return [] }
        let repository = parts[1]
        var claims: [(String, JSONValue)] = []
        if parts.count == 4, parts[2] == "ref" {
            claims.append(("ref", .string(parts[3])))
        }
        if parts.count == 4, parts[2] == "environment" {
            claims.append(("environment", .string(parts[3])))
        }
        claims.append(("repository", .string(repository)))
        if let owner = repository.split(separator: "/").first {
            claims.append(("repository_owner", .string(String(owner))))
        }
        let ref = parts.count == 4 && parts[2] == "ref" ? parts[3] : "refs/heads/main"
        claims.append(("job_workflow_ref", .string("\(repository)/.github/workflows/azspec.yml@\(ref)")))
        claims.append(("runner_environment", "github-hosted"))
        return claims
    }

    /// GitHub's default audience when none is asked for: the repository owner's URL.
    static func githubDefaultAudience(subject: String) -> String {
        let parts = subject.split(separator: ":")
        guard parts.count >= 2, parts[0] == "repo", let owner = parts[1].split(separator: "/").first else {
            return defaultAudience
        }
        return "https://github.com/\(owner)"
    }
}
