import AzspecCore
import Foundation

extension TokenAcquirer {
    /// The federated token to present: from `tokenFile`, `AZURE_FEDERATED_TOKEN_FILE` (AKS and any CI that writes a
    /// file) or GitHub Actions' OIDC endpoint. Read anew at every acquisition, so a rotated file is picked up.
    func federatedAssertion(tokenFile: String?, audience: String) async throws(AcquisitionError) -> String {
        if let path = tokenFile ?? environment["AZURE_FEDERATED_TOKEN_FILE"] {
            return try readTokenFile(path)
        }
        if let url = environment["ACTIONS_ID_TOKEN_REQUEST_URL"] {
            guard let requestToken = environment["ACTIONS_ID_TOKEN_REQUEST_TOKEN"], !requestToken.isEmpty else {
                throw failure(
                    "ACTIONS_ID_TOKEN_REQUEST_URL is set but ACTIONS_ID_TOKEN_REQUEST_TOKEN is not (does the job have `permissions: id-token: write`?)"
                )
            }
            secrets.add(requestToken)
            return try await gitHubToken(url: url, requestToken: requestToken, audience: audience)
        }
        throw failure(
            "no federated token: set tokenFile, AZURE_FEDERATED_TOKEN_FILE, or run in GitHub Actions with `permissions: id-token: write`")
    }

    private func readTokenFile(_ path: String) throws(AcquisitionError) -> String {
        do throws(FederatedTokenError) {
            let token = try FederatedToken.read(file: path)
            secrets.add(token)
            return token
        } catch {
            if let token = error.token { secrets.add(token) }
            throw failure(error.description)
        }
    }

    private func gitHubToken(url: String, requestToken: String, audience: String) async throws(AcquisitionError) -> String {
        // GitHub's URL already has a query: the audience is appended with '&', as actions/toolkit does.
        let full = url + (url.contains("?") ? "&" : "?") + "audience=" + PercentEncoding.encode(audience)
        let request = PreparedRequest(
            method: "GET", url: full, headers: [("Authorization", "Bearer \(requestToken)"), ("Accept", "application/json")],
            body: nil, timeout: timeout)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw failure("GitHub's OIDC endpoint did not answer: \(error)")
        }
        let json = try? JSONValue(parsing: response.body)
        guard response.status == 200, let token = json?["value"]?.stringValue, !token.isEmpty else {
            throw failure("GitHub's OIDC endpoint answered HTTP \(response.status) without an ID token ('value')")
        }
        secrets.add(token)
        if let problem = FederatedToken.problem(token, from: "GitHub's ID token") { throw failure(problem) }
        return token
    }
}

extension TokenAcquirer {
    /// The real IMDS endpoint; used only when neither the identity nor the environment names another.
    static let instanceMetadataEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token"

    /// A token from a managed identity endpoint: App Service's (IDENTITY_ENDPOINT + IDENTITY_HEADER, api-version
    /// 2019-08-01) or the instance metadata service's (header `Metadata: true`, api-version 2018-02-01).
    func managedIdentity(
        clientId: String?, objectId: String?, resourceId: String?, endpoint: String?
    ) async throws(AcquisitionError) -> AccessToken {
        var query = [("resource", cloud.audience)]
        var headers: [(String, String)] = [("Accept", "application/json")]
        let base: String
        if endpoint == nil, let appService = environment["IDENTITY_ENDPOINT"], let header = environment["IDENTITY_HEADER"] {
            secrets.add(header)
            base = appService
            query.insert(("api-version", "2019-08-01"), at: 0)
            if let clientId { query.append(("client_id", clientId)) }
            if let objectId { query.append(("principal_id", objectId)) }
            if let resourceId { query.append(("mi_res_id", resourceId)) }
            headers.append(("X-IDENTITY-HEADER", header))
        } else {
            base =
                endpoint ?? environment["AZSPEC_IMDS_ENDPOINT"] ?? environment["MSAL_MANAGED_IDENTITY_ENDPOINT"]
                ?? Self.instanceMetadataEndpoint
            query.insert(("api-version", "2018-02-01"), at: 0)
            if let clientId { query.append(("client_id", clientId)) }
            if let objectId { query.append(("object_id", objectId)) }
            if let resourceId { query.append(("msi_res_id", resourceId)) }
            headers.append(("Metadata", "true"))
        }
        let encoded = query.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
        let request = PreparedRequest(
            method: "GET", url: base + (base.contains("?") ? "&" : "?") + encoded, headers: headers, body: nil, timeout: timeout)
        return try await tokenResponse(for: request, source: "the managed identity endpoint")
    }
}

/// azure-identity's EnvironmentCredential and WorkloadIdentityCredential: which credential the variables describe.
enum EnvironmentCredential {
    static func identity(in environment: [String: String], name: String, location: SourceLocation) -> IdentitySpec? {
        func has(_ variable: String) -> Bool { !(environment[variable] ?? "").isEmpty }
        func env(_ variable: String) -> Template {
            var ignored = DiagnosticCollector()
            return Template.parse("{{env.\(variable)}}", at: location, diagnostics: &ignored)
        }
        guard has("AZURE_TENANT_ID"), has("AZURE_CLIENT_ID") else { return nil }
        let tenant = env("AZURE_TENANT_ID")
        let client = env("AZURE_CLIENT_ID")
        let kind: IdentitySpec.Kind
        if has("AZURE_CLIENT_SECRET") {
            kind = .clientSecret(tenant: tenant, clientId: client, secret: env("AZURE_CLIENT_SECRET"), endpoint: .v2)
        } else if has("AZURE_CLIENT_CERTIFICATE_PATH") {
            kind = .clientCertificate(
                tenant: tenant, clientId: client, certificate: env("AZURE_CLIENT_CERTIFICATE_PATH"),
                password: has("AZURE_CLIENT_CERTIFICATE_PASSWORD") ? env("AZURE_CLIENT_CERTIFICATE_PASSWORD") : nil, endpoint: .v2)
        } else if has("AZURE_FEDERATED_TOKEN_FILE") {
            kind = .workloadIdentity(tenant: tenant, clientId: client, tokenFile: nil, audience: "api://AzureADTokenExchange")
        } else {
            return nil
        }
        return IdentitySpec(name: name, kind: kind, hosts: [], location: location)
    }
}
