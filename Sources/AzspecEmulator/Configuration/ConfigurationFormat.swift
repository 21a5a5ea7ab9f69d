import AzspecCore

/// The objects of the emulator's configuration, each with the keys it takes: the one list `ConfigurationReader` reads
/// (allowed keys, did-you-mean candidates, required keys) and the one `FormatAgreementTests` holds `azspec schema`'s
/// `$defs.emulator*` to.
enum ConfigurationFormat {
    static let configuration = FormatObject(
        "the configuration",
        keys: [
            "tokenLifetime", "environment", "tenants", "federatedIssuers", "managedIdentities", "defaultManagedIdentity",
            "githubRequestToken", "githubSubject", "identityHeader", "operations", "throttling", "pageSize", "tokenBucket",
        ],
        required: ["tenants"], schema: "/$defs/emulatorConfiguration")

    static let tokenBucket = FormatObject(
        "tokenBucket", keys: ["reads", "writes", "deletes"], schema: "/$defs/emulatorConfiguration/properties/tokenBucket")

    static let bucket = FormatObject(
        "a bucket", keys: ["burst", "refill"], required: ["burst", "refill"],
        schema: "/$defs/emulatorConfiguration/properties/tokenBucket/properties/reads")

    static let operations = FormatObject(
        "operations", keys: ["polls", "seconds", "retryAfter"], schema: "/$defs/emulatorConfiguration/properties/operations")

    static let throttlingRule = FormatObject(
        "a throttling rule", keys: ["path", "times", "retryAfter", "status", "method"], required: ["path", "times"],
        schema: "/$defs/emulatorConfiguration/properties/throttling/items")

    static let federatedIssuer = FormatObject(
        "a federated issuer", keys: ["issuer", "publicKey"], required: ["issuer", "publicKey"],
        schema: "/$defs/emulatorConfiguration/properties/federatedIssuers/items")

    static let managedIdentity = FormatObject(
        "a managed identity", keys: ["name", "clientId", "objectId", "resourceId", "tenant"],
        required: ["name", "clientId", "objectId", "tenant"],
        schema: "/$defs/emulatorConfiguration/properties/managedIdentities/items")

    static let tenant = FormatObject(
        "a tenant",
        keys: [
            "id", "displayName", "domains", "servicePrincipals", "subscriptions", "roleDefinitions", "roleAssignments",
            "denyAssignments",
        ],
        required: ["id"], schema: "/$defs/emulatorTenant")

    static let servicePrincipal = FormatObject(
        "a service principal",
        keys: ["name", "clientId", "objectId", "secrets", "certificates", "federatedCredentials", "appRoles"],
        required: ["name", "clientId", "objectId"], schema: "/$defs/emulatorServicePrincipal")

    static let secret = FormatObject(
        "a secret", keys: ["value", "expires"], required: ["value"],
        schema: "/$defs/emulatorServicePrincipal/properties/secrets/items/anyOf/1")

    static let certificate = FormatObject(
        "a certificate", keys: ["pem"], required: ["pem"],
        schema: "/$defs/emulatorServicePrincipal/properties/certificates/items")

    static let federatedCredential = FormatObject(
        "a federated credential", keys: ["name", "issuer", "subject", "audiences"], required: ["issuer", "subject"],
        schema: "/$defs/emulatorServicePrincipal/properties/federatedCredentials/items")

    static let subscription = FormatObject(
        "a subscription", keys: ["id", "displayName", "state", "tags", "resourceGroups"], required: ["id"],
        schema: "/$defs/emulatorSubscription")

    static let resourceGroup = FormatObject(
        "a resource group", keys: ["name", "location", "tags", "managedBy"], required: ["name", "location"],
        schema: "/$defs/emulatorSubscription/properties/resourceGroups/items")

    static let roleDefinition = FormatObject(
        "a role definition", keys: ["name", "id", "actions", "notActions", "dataActions", "notDataActions"],
        required: ["name"], schema: "/$defs/emulatorTenant/properties/roleDefinitions/items")

    static let roleAssignment = FormatObject(
        "a role assignment", keys: ["principal", "role", "scope", "condition"], required: ["principal", "role", "scope"],
        schema: "/$defs/emulatorTenant/properties/roleAssignments/items")

    static let denyAssignment = FormatObject(
        "a deny assignment",
        keys: [
            "name", "scope", "actions", "notActions", "dataActions", "notDataActions", "principals", "excludePrincipals",
            "doNotApplyToChildScopes",
        ],
        required: ["name", "scope", "principals"], schema: "/$defs/emulatorTenant/properties/denyAssignments/items")

    /// Every object above, for the test that holds the schema to them.
    static let all = [
        configuration, tokenBucket, bucket, operations, throttlingRule, federatedIssuer, managedIdentity, tenant,
        servicePrincipal, secret, certificate, federatedCredential, subscription, resourceGroup, roleDefinition,
        roleAssignment, denyAssignment,
    ]
}
