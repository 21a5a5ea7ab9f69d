import AzspecCore

/// A check of a principal's credentials in Entra ID: its application's client secrets and certificates, and its
/// federated credentials, read from Microsoft Graph by the test's identity. Never a secret's value.
struct CredentialCheckSpec: Sendable {
    let principal: Template
    /// It may hold no client secret.
    var noSecrets = false
    /// Every secret and certificate stays valid at least this many more days.
    var minDaysLeft: Int?
    /// No secret or certificate is valid for longer than this many days in all.
    var maxDaysValid: Int?
    /// Its federated credentials' subjects are exactly these.
    var federatedSubjects: [Template]?
    let location: SourceLocation

    var templates: [Template] { [principal] + (federatedSubjects ?? []) }
}
