import AzspecCore
import Foundation

/// Which lines of an emulator configuration an error may show: none that may hold a secret (a client secret, a
/// secret's `value`, the GitHub request token, the identity header, PEM text, an environment value named like a
/// secret). The configuration holds its secrets in plain text; its errors never echo them.
public enum ConfigurationExcerpt {
    static let secretKeys: Set<String> = ["value", "githubrequesttoken", "identityheader", "pem", "publickey", "secrets"]

    /// Whether line `index` of `lines` may hold a secret.
    public static func holdsSecret(_ lines: [Substring], _ index: Int) -> Bool {
        let line = lines[index]
        if line.contains("-----BEGIN") || line.contains("-----END") { return true }
        if let key = key(of: line), secretKeys.contains(key.lowercased()) || isSecretName(key) { return true }
        // An item or continuation under `secrets:` (or a value of a multi-line scalar under a secret key).
        let indent = line.prefix { $0 == " " }.count
        var index = index
        while index > 0 {
            index -= 1
            let above = lines[index]
            let aboveIndent = above.prefix { $0 == " " }.count
            guard !above.trimmingCharacters(in: .whitespaces).isEmpty,
                aboveIndent < indent || (aboveIndent == indent && above.dropFirst(aboveIndent).hasPrefix("-"))
            else {
                continue
            }
            if aboveIndent < indent, let key = key(of: above) { return secretKeys.contains(key.lowercased()) || isSecretName(key) }
        }
        return false
    }

    /// `key` of a `key: value` (or `- key: value`) line.
    static func key(of line: Substring) -> String? {
        var text = line.drop { $0 == " " }
        if text.hasPrefix("- ") { text = text.dropFirst(2).drop { $0 == " " } }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "\"' {"))
        return key.isEmpty || key.contains(" ") ? nil : key
    }

    /// `AZURE_CLIENT_SECRET`, `ACTIONS_ID_TOKEN_REQUEST_TOKEN`, `MY_PASSWORD`.
    static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["SECRET", "TOKEN", "PASSWORD", "KEY"].contains { upper.contains($0) }
    }
}
