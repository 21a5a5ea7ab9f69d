import AzspecCore

/// What azspec treats as secret, in one place. The redactor masks the values these rules find; values shaped like
/// a JWT are masked whether any rule found them or not.
///
/// - environment variables whose names say they hold a credential (`AZURE_CLIENT_SECRET`, `*_TOKEN`), but not
///   those that name where one is (`AZURE_FEDERATED_TOKEN_FILE`, `*_PATH`, `*_URL`, `*_ENDPOINT`);
/// - credential fields of forms and JSON (`client_secret`, `client_assertion`, `access_token`…);
/// - credential headers (`Authorization`, `Cookie`, `X-IDENTITY-HEADER`…);
/// - captures marked `secret: true`, and captures of a credential field;
/// - the keys ARM's `listKeys` actions answer (`{"keys":[{"keyName":"key1","value":…}]}`).
public enum SecretPolicy {
    /// Whether an environment variable's value is a credential.
    public static func isSecretVariable(_ name: String) -> Bool {
        let upper = name.uppercased()
        let locator = ["_FILE", "_PATH", "_URL", "_URI", "_ENDPOINT", "_HOST", "_DIR"]
        if locator.contains(where: { upper.hasSuffix($0) }) { return false }
        return ["SECRET", "PASSWORD", "TOKEN", "CREDENTIAL", "KEY", "ASSERTION", "IDENTITY_HEADER"].contains { upper.contains($0) }
    }

    /// Fields of token responses that hold a token, whether or not a spec captures them.
    static let tokenFields = ["access_token", "refresh_token", "id_token", "accessToken"]

    /// Field names (form fields, JSON members, the last step of a JSONPath) whose values are credentials.
    static let credentialFields = [
        "access_token", "refresh_token", "id_token", "client_secret", "accesstoken", "client_assertion", "password",
    ]

    /// The key values of a `listKeys` answer (storage accounts and the other resource types that list keys alike).
    static func listedKeys(in object: JSONObject) -> [String] {
        (object["keys"]?.arrayValue ?? []).compactMap { key in key["keyName"] != nil ? key["value"]?.stringValue : nil }
    }

    /// Whether a form field or JSON member of this name holds a credential.
    package static func isCredentialField(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return credentialFields.contains { lowered.hasSuffix($0) }
    }

    /// Whether a JSONPath (`$.access_token`, `$['client_secret']`) ends at a credential field.
    package static func selectsCredential(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return credentialFields.contains { lowered.hasSuffix($0) || lowered.hasSuffix($0 + "']") || lowered.hasSuffix($0 + "\"]") }
    }

    /// Headers whose values are credentials; transcripts show them as the mask.
    package static func isCredentialHeader(_ name: String) -> Bool {
        credentialHeaders.contains(name.lowercased())
    }

    private static let credentialHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-identity-header", "x-ms-identity-header",
    ]
}
