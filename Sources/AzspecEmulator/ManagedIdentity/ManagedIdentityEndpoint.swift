import AzspecCore
import Hummingbird

/// Managed identity token endpoints (azure-protocol.md §3.1–3.2): the VM instance metadata service
/// (`GET /metadata/identity/oauth2/token`, header `Metadata: true`) and App Service
/// (`GET /msi/token`, header `X-IDENTITY-HEADER`). Both issue v1 tokens carrying the identity's `oid`, `appid`
/// and `tid`, and count in the token request counters under the identity's client id.
struct ManagedIdentityEndpoint: Sendable {
    let directory: Directory
    let tokens: AccessTokenIssuer
    let state: EmulatorState
    /// The secret `X-IDENTITY-HEADER` value (`IDENTITY_HEADER`).
    let identityHeader: String

    /// A failed request: status and the body in the endpoint's own error shape.
    private struct Failure: Error {
        var status: HTTPResponse.Status
        var message: String
        /// IMDS `error` code (App Service errors have none).
        var code: String = "invalid_request"
    }

    // MARK: IMDS

    /// `GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=…[&client_id=|&object_id=|&msi_res_id=]`.
    func instanceMetadata(_ request: Request, baseURL: String) async -> Response {
        let headers: [(HeaderName, String)] = [(.server, "IMDS/150.870.65.1854")]
        do throws(Failure) {
            guard request.method == .get else {
                throw Failure(status: .methodNotAllowed, message: "The request method is not supported")
            }
            guard request.headers[.metadata] == "true" else {
                throw Failure(
                    status: .badRequest, message: "Required metadata header not specified", code: "bad_request_102")
            }
            let query = QueryParameters(request)
            let selector = try Self.selector(query, names: ("client_id", "object_id", "msi_res_id"))
            let (identity, resource) = try await resolve(query, selector: selector)
            guard let known = directory.resource(resource, baseURL: baseURL) else {
                throw Failure(
                    status: .badRequest,
                    message: "AADSTS50001: The application named \(resource) was not found in the tenant named "
                        + "\(identity.tenantId). This can happen if the application has not been installed by the "
                        + "administrator of the tenant or consented to by any user in the tenant. You might have sent "
                        + "your authentication request to the wrong tenant.",
                    code: "invalid_resource")
            }
            let issued = try issue(known, requested: resource, identity: identity)
            let body: JSONValue = .object([
                "access_token": .string(issued.accessToken),
                "refresh_token": "",
                "expires_in": .string(String(issued.lifetime)),
                "expires_on": .string(String(issued.expiresOn)),
                "not_before": .string(String(issued.notBefore)),
                "resource": .string(resource),
                "token_type": "Bearer",
            ])
            return JSONResponse.make(.ok, body, extraHeaders: headers)
        } catch {
            let body: JSONValue = .object(["error": .string(error.code), "error_description": .string(error.message)])
            return JSONResponse.make(error.status, body, extraHeaders: headers)
        }
    }

    // MARK: App Service

    /// `GET /msi/token?api-version=2019-08-01&resource=…[&client_id=|&principal_id=|&object_id=|&mi_res_id=]`.
    func appService(_ request: Request, baseURL: String) async -> Response {
        do throws(Failure) {
            guard request.method == .get else {
                throw Failure(status: .methodNotAllowed, message: "The request method is not supported.")
            }
            guard request.headers[.identityHeader] == identityHeader else {
                throw Failure(
                    status: .unauthorized, message: "The X-IDENTITY-HEADER header is missing or does not match.")
            }
            let query = QueryParameters(request)
            let selector = try Self.selector(
                query, names: ("client_id", query["principal_id"] != nil ? "principal_id" : "object_id", "mi_res_id"))
            let (identity, resource) = try await resolve(query, selector: selector)
            guard let known = directory.resource(resource, baseURL: baseURL) else {
                // "Empirically, wrong resource ends up with a vague statusCode=500" (msal/managed_identity.py).
                throw Failure(
                    status: .internalServerError, message: "An unexpected error occured while fetching the AAD Token.")
            }
            let issued = try issue(known, requested: resource, identity: identity)
            let body: JSONValue = .object([
                "access_token": .string(issued.accessToken),
                "expires_on": .string(String(issued.expiresOn)),
                "resource": .string(resource),
                "token_type": "Bearer",
                "client_id": .string(identity.clientId),
            ])
            return JSONResponse.make(.ok, body)
        } catch {
            let body: JSONValue = .object([
                "statusCode": .int(Int(error.status.code)), "message": .string(error.message),
                "correlationId": .string(GUID.random()),
            ])
            return JSONResponse.make(error.status, body)
        }
    }

    // MARK: Shared

    /// The identity named by at most one of the three selector parameters (`names`: client id, object id,
    /// resource id), or nil for the default identity.
    private static func selector(
        _ query: QueryParameters, names: (String, String, String)
    ) throws(Failure) -> ManagedIdentityIndex.Selector? {
        let given: [ManagedIdentityIndex.Selector] = [
            query[names.0].map { .clientId($0) }, query[names.1].map { .objectId($0) },
            query[names.2].map { .resourceId($0) },
        ].compactMap { $0 }
        guard given.count <= 1 else {
            throw Failure(
                status: .badRequest,
                message: "Only one of '\(names.0)', '\(names.1)' or '\(names.2)' may be specified")
        }
        return given.first
    }

    /// Checks `api-version` and `resource`, finds the identity and counts the request.
    private func resolve(
        _ query: QueryParameters, selector: ManagedIdentityIndex.Selector?
    ) async throws(Failure) -> (Directory.Principal, String) {
        let identity = directory.managedIdentities.identity(selector)
        var countedClientId = identity?.clientId
        if countedClientId == nil, case .clientId(let id) = selector { countedClientId = id }
        await state.recordTokenRequest(clientId: countedClientId)
        guard query["api-version"] != nil else {
            throw Failure(status: .badRequest, message: "Required query variable 'api-version' is missing")
        }
        guard let resource = query["resource"] else {
            throw Failure(status: .badRequest, message: "Required query variable 'resource' is missing")
        }
        guard let identity else { throw Failure(status: .badRequest, message: "Identity not found") }
        return (identity, resource)
    }

    private func issue(
        _ resource: Directory.Resource, requested: String, identity: Directory.Principal
    ) throws(Failure) -> AccessTokenIssuer.Issued {
        do {
            return try tokens.issue(
                for: resource, requested: requested, principal: identity, authentication: .assertion, now: UTCTime.now())
        } catch {
            throw Failure(status: .internalServerError, message: error.text, code: "unknown")
        }
    }
}
