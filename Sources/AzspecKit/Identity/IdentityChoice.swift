import AzspecCore

/// What a test or suite says about identities: none, the default one, or one by name.
enum IdentityChoice: Sendable, Hashable {
    case none
    case `default`
    case named(String, SourceLocation)
}
