/// Azure's well-known variable names and public-cloud hosts, and the naming of environment variables.
enum AzureNames {
    /// Hosts of Azure's public cloud and the template each becomes.
    static let cloudHosts = [
        ("https://login.microsoftonline.com", "{{cloud.login}}"), ("https://management.azure.com", "{{cloud.arm}}"),
    ]

    /// Well-known names (any case, `_`/`-` ignored, an `azure` prefix allowed) and the variables azspec reads.
    private static let wellKnownNames: [String: String] = [
        "tenantid": "AZURE_TENANT_ID", "tenant": "AZURE_TENANT_ID", "directoryid": "AZURE_TENANT_ID",
        "clientid": "AZURE_CLIENT_ID", "appid": "AZURE_CLIENT_ID", "applicationid": "AZURE_CLIENT_ID",
        "clientsecret": "AZURE_CLIENT_SECRET", "password": "AZURE_CLIENT_SECRET", "appsecret": "AZURE_CLIENT_SECRET",
        "subscriptionid": "AZURE_SUBSCRIPTION_ID", "subscription": "AZURE_SUBSCRIPTION_ID",
    ]

    /// The environment variable a well-known Azure name reads (`tenantId` → `AZURE_TENANT_ID`), if it is one.
    static func wellKnown(_ name: String) -> String? {
        var key = name.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " && $0 != "." }
        if key.hasPrefix("azure"), key.count > 5 { key.removeFirst(5) }
        return wellKnownNames[key]
    }

    /// Whether a name says its value is a credential.
    static func looksSecret(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["secret", "password", "key", "token", "credential"].contains { lowered.contains($0) }
    }

    /// `clientSecret` → `CLIENT_SECRET`, `api-key` → `API_KEY`, `APIKey` → `API_KEY`.
    static func environmentName(_ name: String) -> String {
        let characters = Array(name)
        var out = ""
        for (index, character) in characters.enumerated() {
            guard character.isASCII, character.isLetter || character.isNumber else {
                if !out.isEmpty, out.last != "_" { out += "_" }
                continue
            }
            if character.isUppercase, index > 0, out.last != "_" {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next.isLowercase) { out += "_" }
            }
            out += character.uppercased()
        }
        while out.last == "_" { out.removeLast() }
        if out.isEmpty { return "POSTMAN_VARIABLE" }
        return out.first?.isNumber == true ? "_" + out : out
    }

    /// A leading public-cloud host (followed by the end, `/`, `?` or `#`) as its `{{cloud.*}}` template.
    static func cloudPrefixed(_ text: String) -> String {
        for (host, template) in cloudHosts where text.lowercased().hasPrefix(host) {
            let rest = text.dropFirst(host.count)
            if rest.isEmpty || "/?#".contains(rest.first ?? " ") { return template + rest }
        }
        return text
    }
}
