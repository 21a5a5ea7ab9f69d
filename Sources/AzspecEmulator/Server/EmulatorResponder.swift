import AzspecCore
import Hummingbird
import NIOCore

/// Routes each request to Entra ID (token and discovery endpoints), ARM (`/subscriptions…`) or
/// Microsoft Graph (`/v1.0/…`).
///
/// Routing is done by hand rather than with Hummingbird's trie router: ARM matches path segments
/// case-insensitively and must run its own check order (api-version before authentication before 404).
struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext

    /// `http` or `https`.
    let scheme: String
    /// The host part of the base URL (see ``EmulatorAddress/advertisedHost(_:)``).
    let advertisedHost: String
    let tokens: TokenEndpoint
    let discovery: DiscoveryEndpoint
    let managedIdentity: ManagedIdentityEndpoint
    let testIssuer: TestIssuerEndpoint
    let arm: ARMService
    let graph: GraphService

    func respond(to request: Request, context: Context) async throws -> Response {
        let baseURL = "\(scheme)://\(advertisedHost):\(context.localPort)"
        let segments = Self.segments(of: request.uri.path)
        switch segments.first?.lowercased() {
        case "subscriptions":
            return await resourceManager(request, segments: segments, baseURL: baseURL, context: context)
        case "tenants" where segments.count == 1:
            return await resourceManager(request, segments: segments, baseURL: baseURL, context: context)
        case "v1.0" where segments.count >= 2, "graph" where segments.count >= 3 && segments[1] == "v1.0":
            // Graph at `/v1.0/…`, and at `/graph/v1.0/…` for clients that take Graph's address from the cloud metadata.
            var request = request
            let body = request.method == .post ? try? await request.collectBody(upTo: 1024 * 1024) : nil
            let rest = segments.drop { $0.lowercased() == "graph" }.dropFirst()
            return graph.handle(request, segments: Array(rest), body: body, baseURL: baseURL)
        case "metadata" where segments.count == 2 && segments[1].lowercased() == "endpoints":
            return CloudMetadataEndpoint.endpoints(request, baseURL: baseURL)
        case "metadata" where segments.dropFirst().map({ $0.lowercased() }) == ["identity", "oauth2", "token"]:
            return await managedIdentity.instanceMetadata(request, baseURL: baseURL)
        case "msi" where segments.count == 2 && segments[1].lowercased() == "token":
            return await managedIdentity.appService(request, baseURL: baseURL)
        case "_azspec" where segments.count >= 2 && segments[1] == "oidc":
            if let response = await testIssuer.handle(request, rest: Array(segments.dropFirst(2)), baseURL: baseURL) {
                return response
            }
        default:
            break
        }
        if let response = await entra(request, segments: segments, baseURL: baseURL) {
            return response
        }
        let call = ARMCall(request: request, segments: segments, baseURL: baseURL, now: UTCTime.now())
        return ARMResponse.error(
            .unknownPath(call.path, apiVersion: call.apiVersion),
            call: call,
            challengeTenant: arm.defaultTenantId,
            rateLimit: nil
        )
    }

    /// ARM: reads the body of writes, then hands over to ``ARMService``.
    private func resourceManager(
        _ request: Request, segments: [String], baseURL: String, context: Context
    ) async
        -> Response
    {
        var request = request
        var body: ByteBuffer?
        if request.method == .put || request.method == .patch || request.method == .post {
            do {
                body = try await request.collectBody(upTo: context.maxUploadSize)
            } catch {
                let call = ARMCall(request: request, segments: segments, baseURL: baseURL, now: UTCTime.now())
                return ARMResponse.error(
                    .requestTooLarge, call: call, challengeTenant: arm.defaultTenantId, rateLimit: nil)
            }
        }
        let call = ARMCall(request: request, segments: segments, baseURL: baseURL, now: UTCTime.now())
        return await arm.handle(call, body: body)
    }

    /// Entra ID routes under `/{tenant}/…`; nil when the path is not one of them.
    private func entra(_ request: Request, segments: [String], baseURL: String) async -> Response? {
        guard segments.count >= 2 else { return nil }
        let tenant = segments[0]
        let rest = segments.dropFirst().map { $0.lowercased() }
        switch rest {
        case ["oauth2", "token"], ["oauth2", "v2.0", "token"]:
            var request = request
            let body = request.method == .post ? try? await request.collectBody(upTo: 1024 * 1024) : nil
            let version: TokenEndpoint.Version = rest.count == 2 ? .v1 : .v2
            return await tokens.handle(request, body: body, tenant: tenant, version: version, baseURL: baseURL)
        case ["v2.0", ".well-known", "openid-configuration"]:
            return discovery.openIDConfiguration(tenant: tenant, version: .v2, baseURL: baseURL)
        case [".well-known", "openid-configuration"]:
            return discovery.openIDConfiguration(tenant: tenant, version: .v1, baseURL: baseURL)
        case ["discovery", "keys"], ["discovery", "v2.0", "keys"]:
            return discovery.keys()
        case ["discovery", "instance"] where tenant.lowercased() == "common":
            return discovery.instanceDiscovery(request: request, baseURL: baseURL)
        default:
            return nil
        }
    }

    /// Percent-decoded path segments without empty ones (`//` and a trailing `/` are ignored).
    static func segments(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map {
            PercentEncoding.decode($0) ?? String($0)
        }
    }
}
