import AzspecCore

/// The objects of the spec format and of `azspec.yaml`, each with the keys it takes: the one list the loader reads
/// (allowed keys, did-you-mean candidates, required keys) and the one `FormatAgreementTests` holds `azspec schema` to.
/// Adding a key starts here; the test then names the schema's `properties` that lack it.
enum SpecFormat {
    static let suite = FormatObject(
        "the suite", keys: ["name", "description", "tags", "vars", "identity", "identities", "retry", "tests"],
        required: ["name", "tests"], schema: "/$defs/spec")

    static let test = FormatObject(
        "a test",
        keys: [
            "name", "description", "tags", "identity", "resource", "request", "permissions", "expect", "capture", "retry",
            "always", "skip",
        ],
        required: ["name"], schema: "/$defs/test")

    static let request = FormatObject(
        "request", keys: ["method", "url", "query", "headers", "form", "json", "body", "timeout", "paginate", "poll"],
        required: ["url"], schema: "/$defs/request")

    /// `poll: { timeout: … }` (`poll: true` is the other form).
    static let poll = FormatObject(
        "poll", keys: ["timeout"], required: ["timeout"], schema: "/$defs/request/properties/poll/anyOf/1")

    static let expect = FormatObject(
        "expect", keys: ["status", "initialStatus", "denied", "headers", "json", "body", "token"], schema: "/$defs/expect")

    /// `status: { not: … }`.
    static let negatedStatus = FormatObject("status", keys: ["not"], required: ["not"], schema: "/$defs/status/anyOf/2")

    /// A capture's long form: `name: { json: $.path, secret: true }` or `{ header: Name }`.
    static let capture = FormatObject(
        "capture", keys: ["json", "header", "secret"], schema: "/$defs/capture/additionalProperties/anyOf/1")

    static let permissions = FormatObject(
        "permissions", keys: ["scope", "allow", "deny", "dataActions", "exactly"], required: ["scope"],
        schema: "/$defs/permissions")

    static let dataActions = FormatObject(
        "permissions.dataActions", keys: ["allow", "deny"], schema: "/$defs/permissions/properties/dataActions")

    /// Every identity's keys: these three, and those of its kind (``identityKinds``).
    static let identity = FormatObject(
        "an identity", keys: ["kind", "hosts", "resource"] + identityKinds.flatMap(\.keys).uniqued(), required: ["kind"],
        schema: "/$defs/identity")

    /// The keys each identity kind takes besides `kind`, `hosts` and `resource`, in the order the kinds are listed.
    static let identityKinds: [(kind: String, keys: [String])] = [
        ("clientSecret", ["tenant", "clientId", "secret", "endpoint"]),
        ("clientCertificate", ["tenant", "clientId", "certificate", "password", "endpoint"]),
        ("workloadIdentity", ["tenant", "clientId", "tokenFile", "audience"]),
        ("managedIdentity", ["clientId", "objectId", "resourceId", "endpoint"]),
        ("azureCli", ["command"]),
        ("token", ["variable"]),
        ("environment", []),
    ]

    /// `retry: { retries: 3, within: 60 }` (`retry: false` is the other form).
    static let retry = FormatObject("retry", keys: ["retries", "within"], schema: "/$defs/retry/anyOf/1")

    static let project = FormatObject(
        "azspec.yaml",
        keys: [
            "cloud", "identities", "defaultIdentity", "retry", "apiVersion", "apiVersions", "headers", "timeout", "exclude",
            "rateLimit",
        ],
        schema: "/$defs/project")

    static let customCloud = FormatObject(
        "a custom cloud", keys: ["login", "arm", "audience"], required: ["login", "arm"],
        schema: "/$defs/project/properties/cloud/anyOf/1")

    static let rateLimit = FormatObject(
        "rateLimit", keys: ["reads", "writes", "deletes", "margin"], schema: "/$defs/project/properties/rateLimit/anyOf/1")

    static let rateLimitBucket = FormatObject(
        "a rateLimit bucket", keys: ["burst", "refill"], required: ["burst", "refill"],
        schema: "/$defs/project/properties/rateLimit/anyOf/1/properties/reads/anyOf/1")

    /// A matcher's keys: the matcher names.
    static let matcher = FormatObject("a matcher", keys: Matcher.names, schema: "/$defs/matcher")

    /// Every object above, for the test that holds the schema to them.
    static let all = [
        suite, test, request, poll, expect, negatedStatus, capture, permissions, dataActions, identity, retry, project,
        customCloud, rateLimit, rateLimitBucket, matcher,
    ]
}

extension Array where Element: Hashable {
    /// The elements in order, each kept once.
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
