/// Why a certificate or public key named in the configuration cannot be used (reported as a diagnostic).
struct CredentialError: Error, CustomStringConvertible, Sendable {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
