import AzspecCore
import Foundation

/// Applications as Graph serves them: each service principal of the configuration (not a managed identity) is its
/// application's, with its client secrets as `passwordCredentials` (a three-character `hint`, never the secret),
/// its certificates as `keyCredentials` and its federated credentials under `federatedIdentityCredentials`.
extension GraphService {
    /// The application object id of a principal: stable, derived from its client id.
    static func applicationId(of principal: Directory.Principal) -> String {
        Directory.stableGUID("application|" + principal.clientId)
    }

    func applications(call: Call, tenant: String) throws(GraphError) -> JSONValue {
        let apps = directory.principals(tenantId: tenant).filter { !$0.isManagedIdentity }
        guard call.segments.count > 1 else {
            let filtered = try filtered(apps, call: call)
            return .object([
                "@odata.context": .string(call.baseURL + "/v1.0/$metadata#applications"),
                "value": .array(filtered.map { Self.application($0) }),
            ])
        }
        let id = call.segments[1].lowercased()
        guard let app = apps.first(where: { Self.applicationId(of: $0) == id }) else { throw .notFound(call.segments[1]) }
        guard call.segments.count == 3 else {
            var body = Self.application(app)
            if case .object(var fields) = body {
                fields["@odata.context"] = .string(call.baseURL + "/v1.0/$metadata#applications/$entity")
                body = .object(fields)
            }
            return body
        }
        if call.segments[2].lowercased() == "owners" {
            return try page(owners(of: id, tenant: tenant), call: call, context: "directoryObjects")
        }
        guard call.segments[2].lowercased() == "federatedidentitycredentials" else {
            throw .unknownPath("GET", "/v1.0/" + call.segments.joined(separator: "/"))
        }
        let credentials: [JSONValue] = app.federatedCredentials.enumerated().map { index, credential in
            .object([
                "id": .string(Directory.stableGUID("federated|\(app.clientId)|\(index)")),
                "name": .string("federated-\(index + 1)"), "issuer": .string(credential.issuer.replacing("{baseURL}", with: call.baseURL)),
                "subject": .string(credential.subject), "audiences": .array(credential.audiences.map(JSONValue.string)),
                "description": .null,
            ])
        }
        return .object([
            "@odata.context": .string(call.baseURL + "/v1.0/$metadata#applications('\(id)')/federatedIdentityCredentials"),
            "value": .array(credentials),
        ])
    }

    /// `$filter` on `appId`, `displayName` or `id` (the application object id).
    private func filtered(_ apps: [Directory.Principal], call: Call) throws(GraphError) -> [Directory.Principal] {
        guard let (field, value) = try filterTerm(call, fields: ["appId", "displayName", "id"]) else { return apps }
        return apps.filter { app in
            switch field {
            case "appId": app.clientId == value.lowercased()
            case "displayName": app.name == value
            default: Self.applicationId(of: app) == value.lowercased()
            }
        }
    }

    static func application(_ principal: Directory.Principal) -> JSONValue {
        let never = "2299-12-31T00:00:00Z"
        let formatter = ISO8601DateFormatter()
        let passwords: [JSONValue] = principal.secrets.enumerated().map { index, secret in
            .object([
                "customKeyIdentifier": .null, "displayName": .string("secret \(index + 1)"),
                "endDateTime": .string(secret.expires.map { formatter.string(from: Date(timeIntervalSince1970: $0)) } ?? never),
                "hint": .string(String(secret.value.prefix(3))),
                "keyId": .string(Directory.stableGUID("secret|\(principal.clientId)|\(index)")),
                "secretText": .null, "startDateTime": "2024-01-01T00:00:00Z",
            ])
        }
        let keys: [JSONValue] = principal.certificates.enumerated().map { index, certificate in
            .object([
                "customKeyIdentifier": .string(certificate.sha1Thumbprint.map { String(format: "%02X", $0) }.joined()),
                "displayName": .string(certificate.subject),
                "endDateTime": .string(formatter.string(from: Date(timeIntervalSince1970: certificate.notAfter))),
                "key": .null, "keyId": .string(Directory.stableGUID("certificate|\(principal.clientId)|\(index)")),
                "startDateTime": .string(formatter.string(from: Date(timeIntervalSince1970: certificate.notBefore))),
                "type": "AsymmetricX509Cert", "usage": "Verify",
            ])
        }
        return .object([
            "id": .string(applicationId(of: principal)), "appId": .string(principal.clientId), "displayName": .string(principal.name),
            "signInAudience": "AzureADMyOrg", "passwordCredentials": .array(passwords), "keyCredentials": .array(keys),
        ])
    }
}
