import AzspecCore

/// An oauth2 auth with the client-credentials grant against Entra ID, as a declared `clientSecret` identity. Its
/// fields read the environment (identities see no suite variables); a literal secret is never copied.
struct PostmanIdentity: Sendable {
    /// The identity's mapping under `identities:`, without `hosts`.
    let fields: [(key: String, value: YAMLNode)]
    /// The fields as text, to tell two identities apart.
    let signature: String
    /// `graph`, `keyVault`, `storage` or an audience; nil for Resource Manager.
    let resource: String?
    let environment: [String]
    let notes: [String]

    /// The identity, or why the auth cannot be one.
    static func make(_ auth: PostmanAuth, variables: inout PostmanVariables, place: String) -> Result<PostmanIdentity, Refusal> {
        let grant = auth.string("grant_type") ?? auth.string("grantType") ?? "authorization_code"
        guard grant.lowercased() == "client_credentials" else { return .failure(Refusal("its grant type is \(grant)")) }
        let written = auth.string("accessTokenUrl") ?? ""
        let tokenURL = written.contains("/oauth2/") ? written : variables.expanded(written)
        guard let split = tokenURL.firstRange(of: "/oauth2/") else {
            return .failure(Refusal("its access token URL is not an Entra ID token endpoint"))
        }
        let authority = AzureNames.cloudPrefixed(variables.expanded(String(tokenURL[..<split.lowerBound])))
        guard authority.hasPrefix("{{cloud.login}}/") || authority.lowercased().hasPrefix("https://login.") else {
            return .failure(Refusal("its access token URL is not an Entra ID token endpoint"))
        }
        let version1 = tokenURL[split.upperBound...].hasPrefix("token")
        let tenantSegment = tokenURL[..<split.lowerBound].split(separator: "/").last.map(String.init)
        var builder = Builder(variables: .none, place: place)
        swap(&builder.variables, &variables)  // one owner while the builder names variables (see PostmanVariables.lend)
        var fields: [(key: String, value: YAMLNode)] = [("kind", .string("clientSecret"))]
        fields.append(
            ("tenant", .string(builder.field(tenantSegment, default: "AZURE_TENANT_ID", secret: false, what: "tenant"))))
        fields.append(
            (
                "clientId",
                .string(builder.field(auth.string("clientId"), default: "AZURE_CLIENT_ID", secret: false, what: "client id"))
            ))
        fields.append(
            (
                "secret",
                .string(
                    builder.field(
                        auth.string("clientSecret"), default: "AZURE_CLIENT_SECRET", secret: true, what: "client secret"))
            ))
        if version1 { fields.append(("endpoint", .string("v1"))) }
        swap(&builder.variables, &variables)
        let audience = (version1 ? auth.resource() : auth.string("scope")).map { variables.expanded($0) }
        let resource = audience.flatMap(Self.resource)
        if let resource { fields.append(("resource", .string(resource))) }
        let signature = fields.map { "\($0.key)=\(YAMLWriter.inline($0.value) ?? "")" }.joined(separator: ";")
        return .success(
            PostmanIdentity(
                fields: fields, signature: signature, resource: resource, environment: builder.environment, notes: builder.notes))
    }

    /// Why an auth is not an identity.
    struct Refusal: Error, Sendable {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The `resource:` for a scope or v1 resource; nil for Resource Manager (the default).
    static func resource(_ audience: String) -> String? {
        let first = audience.split(separator: " ").first { $0.hasPrefix("https://") }.map(String.init) ?? ""
        var text = first.lowercased()
        if text.hasSuffix("/.default") { text.removeLast(".default".count) }
        while text.hasSuffix("/") { text.removeLast() }
        switch text {
        case "", "https://management.azure.com", "https://management.core.windows.net": return nil
        case "https://graph.microsoft.com": return "graph"
        case "https://vault.azure.net": return "keyVault"
        case "https://storage.azure.com": return "storage"
        default: return first.hasSuffix("/.default") ? String(first.dropLast(".default".count)) : first
        }
    }

    /// Resolves Postman text to what an identity field may hold: a literal, or `{{env.NAME}}`.
    private struct Builder {
        var variables: PostmanVariables
        let place: String
        var environment: [String] = []
        var notes: [String] = []

        mutating func field(_ text: String?, default variable: String, secret: Bool, what: String) -> String {
            var scratch: [String] = []
            var current = variables.template(text ?? "", cloud: false, used: &scratch).trimmingWhitespace
            for _ in 0..<4 {
                guard current.hasPrefix("{{"), current.hasSuffix("}}"), current.dropFirst(2).firstRange(of: "{{") == nil else {
                    break
                }
                let name = String(current.dropFirst(2).dropLast(2))
                guard let postman = scratch.first(where: { variables.name($0) == name }) else { break }
                if let known = AzureNames.wellKnown(postman) { return reading(known) }
                guard let definition = variables.definition(postman), !definition.secret else {
                    return reading(AzureNames.environmentName(postman))
                }
                scratch = []
                current = variables.template(definition.value, cloud: false, used: &scratch).trimmingWhitespace
            }
            if current.isEmpty { return reading(variable) }
            if current.contains("{{") {
                notes.append("\(place): the oauth2 \(what) is not a single variable; the identity reads \(variable) instead.")
                return reading(variable)
            }
            if secret {
                notes.append("\(place): the oauth2 client secret written in the collection was not copied: set \(variable).")
                return reading(variable)
            }
            return current
        }

        private mutating func reading(_ name: String) -> String {
            if !environment.contains(name) { environment.append(name) }
            return "{{env.\(name)}}"
        }
    }
}
