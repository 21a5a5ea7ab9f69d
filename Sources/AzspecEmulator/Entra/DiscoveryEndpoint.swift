import AzspecCore
import Hummingbird

/// The metadata MSAL-style clients read before asking for a token: OpenID configuration, signing keys
/// and instance discovery (azure-protocol.md §1.3).
struct DiscoveryEndpoint: Sendable {
    let directory: Directory
    let signer: TokenSigner

    /// The Microsoft account tenant, which `/consumers` names in its issuer.
    static let consumersTenant = "9188040d-6c67-4c5b-b112-36a304b66dad"

    /// `GET /{tenant}/v2.0/.well-known/openid-configuration` (v2) or `/{tenant}/.well-known/openid-configuration`;
    /// `common`, `organizations` and `consumers` too, as the tenant-independent authorities answer: their endpoints
    /// name the authority, the issuer holds the literal `{tenantid}` (`consumers`: the Microsoft account tenant), and
    /// no region (clients such as `az logout` read them before anything else).
    func openIDConfiguration(tenant tenantName: String, version: TokenEndpoint.Version, baseURL: String) -> Response {
        let traceId = GUID.random()
        let authority = tenantName.lowercased()
        if ["common", "organizations", "consumers"].contains(authority) {
            let tenant = authority == "consumers" ? Self.consumersTenant : "{tenantid}"
            return document(root: "\(baseURL)/\(authority)", issuerTenant: tenant, region: nil, version: version, traceId: traceId)
        }
        guard let tenant = directory.tenant(tenantName) else {
            let error = EntraError(
                status: .badRequest,
                error: "invalid_tenant",
                code: 90002,
                text: "Tenant '\(tenantName)' not found. Check to make sure you have the correct tenant ID and are "
                    + "signing into the correct cloud. Check with your subscription administrator, this may happen "
                    + "if there are no active subscriptions for the tenant."
            )
            return EntraResponse.error(
                error, traceId: traceId, clientRequestId: nil, now: UTCTime.now(), baseURL: baseURL)
        }
        return document(root: "\(baseURL)/\(tenant.id)", issuerTenant: tenant.id, region: "EU", version: version, traceId: traceId)
    }

    private func document(
        root: String, issuerTenant: String, region: String?, version: TokenEndpoint.Version, traceId: String
    ) -> Response {
        let isV2 = version == .v2
        let issuer =
            isV2 ? "https://login.microsoftonline.com/\(issuerTenant)/v2.0" : "https://sts.windows.net/\(issuerTenant)/"
        let document: JSONValue = .object([
            "token_endpoint": .string(isV2 ? "\(root)/oauth2/v2.0/token" : "\(root)/oauth2/token"),
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "jwks_uri": .string(isV2 ? "\(root)/discovery/v2.0/keys" : "\(root)/discovery/keys"),
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": .string(issuer),
            "authorization_endpoint": .string(isV2 ? "\(root)/oauth2/v2.0/authorize" : "\(root)/oauth2/authorize"),
            "tenant_region_scope": region.map(JSONValue.string) ?? .null,
            "cloud_instance_name": "microsoftonline.com",
            "cloud_graph_host_name": "graph.windows.net",
            "msgraph_host": "graph.microsoft.com",
            "rbac_url": "https://pas.windows.net",
        ])
        let body = document.serialized
        return EntraResponse.make(
            status: .ok, body: body, traceId: traceId, clientRequestId: nil, cacheControl: "max-age=86400, private")
    }

    /// `GET /{tenant}/discovery[/v2.0]/keys`: the emulator's signing key as a JWK set.
    func keys() -> Response {
        let body = JSONValue.object(["keys": [signer.jsonWebKey]]).serialized
        return EntraResponse.make(
            status: .ok, body: body, traceId: GUID.random(), clientRequestId: nil,
            cacheControl: "max-age=86400, private")
    }

    /// `GET /common/discovery/instance`: names the emulator as its own (only) authority host.
    func instanceDiscovery(request: Request, baseURL: String) -> Response {
        let host = String(baseURL.drop { $0 != "/" }.dropFirst(2))
        let authorization = request.uri.queryParameters["authorization_endpoint"].map(String.init)
        let tenant =
            authorization.flatMap { endpoint in
                endpoint.split(separator: "/").dropFirst(2).first.map(String.init)
            } ?? "common"
        let document: JSONValue = .object([
            "tenant_discovery_endpoint": .string("\(baseURL)/\(tenant)/v2.0/.well-known/openid-configuration"),
            "api-version": "1.1",
            "metadata": [
                .object(["preferred_network": .string(host), "preferred_cache": .string(host), "aliases": [.string(host)]])
            ],
        ])
        let body = document.serialized
        return EntraResponse.make(
            status: .ok, body: body, traceId: GUID.random(), clientRequestId: nil,
            cacheControl: "max-age=86400, private")
    }
}
