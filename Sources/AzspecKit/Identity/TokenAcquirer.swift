import AzspecCore
import Foundation

/// Gets a token for one identity from Entra ID, a managed identity endpoint, the Azure CLI or the environment.
struct TokenAcquirer: Sendable {
    let identity: IdentitySpec
    let environment: [String: String]
    let cloud: CloudEndpoints
    let transport: any HTTPSending
    let secrets: SecretStore
    let timeout: Double

    /// A token for Resource Manager in this acquirer's cloud.
    func acquire() async throws(AcquisitionError) -> AccessToken {
        let scope = TemplateScope(values: [:], environment: environment, cloud: cloud)
        func value(_ template: Template) throws(AcquisitionError) -> String {
            do {
                return try scope.render(template)
            } catch {
                throw failure("\(error)")
            }
        }
        switch identity.kind {
        case .clientSecret(let tenant, let clientId, let secret, let endpoint):
            let secretValue = try value(secret)
            secrets.add(secretValue)
            return try await clientCredentials(
                tenant: try value(tenant), clientId: try value(clientId), endpoint: endpoint,
                credential: [("client_secret", secretValue)])
        case .clientCertificate(let tenant, let clientId, let certificate, let password, let endpoint):
            let tenantValue = try value(tenant)
            let client = try value(clientId)
            let path = try value(certificate)
            let passwordValue = try password.map { template throws(AcquisitionError) in try value(template) }
            let assertion: String
            do throws(CertificateError) {
                let loaded = try ClientCertificate(pemFile: path, password: passwordValue)
                for material in loaded.keyMaterial { secrets.add(material) }
                assertion = try loaded.assertion(clientId: client, audience: tokenURL(tenant: tenantValue, endpoint: endpoint))
            } catch {
                throw failure(error.description)
            }
            return try await clientCredentials(
                tenant: tenantValue, clientId: client, endpoint: endpoint, credential: Self.assertionFields(assertion))
        case .workloadIdentity(let tenant, let clientId, let tokenFile, let audience):
            let assertion = try await federatedAssertion(
                tokenFile: try tokenFile.map { t throws(AcquisitionError) in try value(t) }, audience: audience)
            return try await clientCredentials(
                tenant: try value(tenant), clientId: try value(clientId), endpoint: .v2,
                credential: Self.assertionFields(assertion))
        case .managedIdentity(let clientId, let objectId, let resourceId, let endpoint):
            return try await managedIdentity(
                clientId: try clientId.map { t throws(AcquisitionError) in try value(t) },
                objectId: try objectId.map { t throws(AcquisitionError) in try value(t) },
                resourceId: try resourceId.map { t throws(AcquisitionError) in try value(t) },
                endpoint: try endpoint.map { t throws(AcquisitionError) in try value(t) })
        case .azureCli(let command):
            return try await AzureCLI(command: command, environment: environment, identity: identity.name, timeout: timeout)
                .token(resource: cloud.audience, secrets: secrets)
        case .token(let variable):
            guard let token = environment[variable], !token.isEmpty else {
                throw failure("environment variable \(variable) is not set")
            }
            secrets.add(token)
            let expiry = CompactJWT(token)?.claims["exp"]?.numberValue.map { Date(timeIntervalSince1970: $0) }
            return AccessToken(value: token, expiresOn: expiry ?? Date().addingTimeInterval(86_400 * 365))
        case .environment:
            guard let chosen = EnvironmentCredential.identity(in: environment, name: identity.name, location: identity.location) else {
                throw failure(
                    "the environment names no credential: set AZURE_TENANT_ID and AZURE_CLIENT_ID with one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE"
                )
            }
            return try await TokenAcquirer(
                identity: chosen, environment: environment, cloud: cloud, transport: transport, secrets: secrets, timeout: timeout
            ).acquire()
        }
    }

    // MARK: - Entra ID client credentials

    private func tokenURL(tenant: String, endpoint: IdentitySpec.Endpoint) -> String {
        let path = PercentEncoding.encode(tenant)
        return endpoint == .v2 ? "\(cloud.login)/\(path)/oauth2/v2.0/token" : "\(cloud.login)/\(path)/oauth2/token"
    }

    private static func assertionFields(_ assertion: String) -> [(String, String)] {
        [("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), ("client_assertion", assertion)]
    }

    private func clientCredentials(
        tenant: String, clientId: String, endpoint: IdentitySpec.Endpoint, credential: [(String, String)]
    ) async throws(AcquisitionError) -> AccessToken {
        for (_, secret) in credential { secrets.add(secret) }
        var fields = [("grant_type", "client_credentials"), ("client_id", clientId)] + credential
        fields.append(endpoint == .v2 ? ("scope", cloud.scope) : ("resource", cloud.audience))
        let body = fields.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
        let request = PreparedRequest(
            method: "POST", url: tokenURL(tenant: tenant, endpoint: endpoint),
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Array(body.utf8), timeout: timeout)
        return try await tokenResponse(for: request, source: "Entra ID")
    }

    /// Sends a token request and reads `access_token` / `expires_in` / `expires_on` / `refresh_in`, or the error.
    func tokenResponse(for request: PreparedRequest, source: String) async throws(AcquisitionError) -> AccessToken {
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw failure("\(source) at \(request.url) did not answer: \(error)")
        }
        let json = try? JSONValue(parsing: response.body)
        if let token = json?["access_token"]?.stringValue { secrets.add(token) }
        guard (200..<300).contains(response.status), let json, let token = json["access_token"]?.stringValue else {
            throw failure(
                Self.describeError(status: response.status, json: json, body: response.body, source: source, redactor: secrets.redactor))
        }
        let now = Date()
        let expiresOn: Date
        if let seconds = Self.number(json["expires_on"]) {
            expiresOn = Date(timeIntervalSince1970: seconds)
        } else if let seconds = Self.number(json["expires_in"]) {
            expiresOn = now.addingTimeInterval(seconds)
        } else {
            expiresOn =
                CompactJWT(token)?.claims["exp"]?.numberValue.map { Date(timeIntervalSince1970: $0) } ?? now.addingTimeInterval(3600)
        }
        return AccessToken(value: token, expiresOn: expiresOn, refreshIn: Self.number(json["refresh_in"]), now: now)
    }

    /// Entra ID's own words: `AADSTS7000215: Invalid client secret provided… (HTTP 401 invalid_client; trace ID …, correlation ID …)`.
    static func describeError(status: Int, json: JSONValue?, body: [UInt8], source: String, redactor: Redactor) -> String {
        guard let json, case .object = json else {
            let text = redactor.redact(String(decoding: body.prefix(400), as: UTF8.self))
            return "\(source) answered HTTP \(status) with a body that is not JSON: \(text.isEmpty ? "(empty)" : text)"
        }
        if let description = json["error_description"]?.stringValue {
            let sentence = description.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).first.map(String.init) ?? description
            var ids: [String] = []
            if let trace = json["trace_id"]?.stringValue { ids.append("trace ID \(trace)") }
            if let correlation = json["correlation_id"]?.stringValue { ids.append("correlation ID \(correlation)") }
            let code = json["error"]?.stringValue.map { " \($0)" } ?? ""
            return "\(sentence) (HTTP \(status)\(code)\(ids.isEmpty ? "" : "; " + ids.joined(separator: ", ")))"
        }
        if let error = json["error"]?.stringValue { return "HTTP \(status) \(error)" }
        if let message = json["message"]?.stringValue ?? json["error"]?["message"]?.stringValue { return "HTTP \(status): \(message)" }
        return "HTTP \(status) without an access_token: \(redactor.redact(json.serialized.prefix(300).description))"
    }

    /// v1 and managed identity responses carry numbers as strings; v2 as numbers.
    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .number(let number): number
        case .string(let text): Double(text)
        default: nil
        }
    }

    func failure(_ message: String) -> AcquisitionError {
        AcquisitionError(identity: identity.name, message: secrets.redactor.redact(message))
    }
}
