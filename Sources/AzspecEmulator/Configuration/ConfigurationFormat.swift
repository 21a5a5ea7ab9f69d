package import AzspecCore

/// The emulator's configuration, declared once: each object's keys with the JSON Schema of their values. The reader
/// takes its allowed keys and did-you-mean candidates from these objects, `azspec schema` joins ``definitions`` to the
/// spec format's, and `docs/emulator.md`'s key tables are generated from them.
package enum ConfigurationFormat {
    static let configuration = FormatObject(
        "the configuration", pointer: "/$defs/emulatorConfiguration",
        description:
            "The emulator's configuration (azspec emulator --config, azspec run --emulator-config): what it seeds instead of the default.",
        properties: [
            "tokenLifetime": [
                "type": "integer", "minimum": 0, "maximum": 31536000,
                "description": "Seconds an access token lives (0: already expired when issued; default 3599).", "examples": [3599],
            ],
            "environment": [
                "type": ["object", "null"],
                "description": "The variables --emulator gives the specs; {baseURL} in a value stands for the emulator's address.",
                "additionalProperties": [
                    "type": ["string", "number", "boolean", "null"], "description": "The value (empty: an empty string).",
                ],
            ],
            "tenants": [
                "type": "array", "minItems": 1, "items": ["$ref": "#/$defs/emulatorTenant"], "description": "The tenants (at least one).",
            ],
            "federatedIssuers": FormatSchema.list(
                of: federatedIssuer.jsonSchema, "External OIDC issuers whose RS256 tokens are trusted.", optional: true),
            "managedIdentities": FormatSchema.list(
                of: managedIdentity.jsonSchema, "Identities served by the managed identity endpoints.", optional: true),
            "defaultManagedIdentity": FormatSchema.text("The managed identity a request that names none gets; one of managedIdentities."),
            "githubRequestToken": FormatSchema.text(
                "The bearer token the GitHub-style OIDC endpoint wants (ACTIONS_ID_TOKEN_REQUEST_TOKEN)."),
            "githubSubject": FormatSchema.text(
                "The sub claim of the GitHub-style OIDC endpoint's tokens.", examples: ["repo:azspec/example:ref:refs/heads/main"]),
            "identityHeader": FormatSchema.text("The X-IDENTITY-HEADER value the App Service managed identity endpoint requires."),
            "operations": operations.jsonSchema,
            "throttling": FormatSchema.list(
                of: throttlingRule.jsonSchema, "429s on purpose: the first times requests matching a path are throttled.", optional: true),
            "resources": FormatSchema.list(
                of: resource.jsonSchema, "APIs besides Microsoft's that tokens may be issued for, each with the token version it accepts.",
                optional: true),
            "pageSize": [
                "type": "integer", "minimum": 0, "maximum": 1000,
                "description": "Items per page of the Microsoft.Authorization, subscription and storage account lists (0: one page).",
            ],
            "tokenBucket": tokenBucket.jsonSchema,
        ],
        required: ["tenants"],
        rules: [
            "if": ["required": ["defaultManagedIdentity"]],
            "then": FormatSchema.nonEmpty("managedIdentities", "Identities served by the managed identity endpoints."),
        ])

    static let resource = FormatObject(
        "a resource", pointer: "/$defs/emulatorConfiguration/properties/resources/items",
        description: "An API tokens may be issued for.",
        properties: [
            "uri": [
                "type": "string", "pattern": "^https?://",
                "description": "Its App ID URI, as clients ask for it (resource, or scope before /.default).",
                "examples": ["https://api.contoso.example"],
            ],
            "appId": FormatSchema.guid("Its application (client) id: the aud of v2.0 tokens (default: derived from the uri)."),
            "accessTokenVersion": [
                "enum": [1, 2],
                "description":
                    "The access-token version it accepts (requestedAccessTokenVersion): 1 (default) or 2. It decides the token's claims whichever endpoint is asked.",
            ],
        ],
        required: ["uri"])

    static let tokenBucket = FormatObject(
        "tokenBucket", pointer: "/$defs/emulatorConfiguration/properties/tokenBucket",
        description: "ARM's token buckets per subscription and principal (none: no bucket).",
        properties: [
            "reads": bucket.jsonSchema,
            "writes": bucket.jsonSchema(describedAs: "The bucket of write requests."),
            "deletes": bucket.jsonSchema(describedAs: "The bucket of delete requests."),
        ])

    static let bucket = FormatObject(
        "a bucket", pointer: "/$defs/emulatorConfiguration/properties/tokenBucket/properties/reads",
        description: "The bucket of read requests.",
        properties: [
            "burst": [
                "type": "integer", "minimum": 1, "maximum": 100000, "description": "How many requests the full bucket holds (1 to 100000).",
            ],
            "refill": [
                "type": "number", "exclusiveMinimum": 0, "maximum": 100000,
                "description": "Tokens added a second (more than 0, at most 100000).",
            ],
        ],
        required: ["burst", "refill"])

    static let operations = FormatObject(
        "operations", pointer: "/$defs/emulatorConfiguration/properties/operations",
        description: "How long asynchronous operations stay in progress.",
        properties: [
            "polls": [
                "type": "integer", "minimum": 0, "maximum": 100,
                "description": "Polls that answer 202 before the operation is done (0 to 100).",
            ],
            "seconds": [
                "type": "number", "minimum": 0, "maximum": 3600,
                "description": "Seconds the operation stays in progress besides the polls (0 to 3600).",
            ],
            "retryAfter": [
                "type": "integer", "minimum": 0, "maximum": 600,
                "description": "The Retry-After seconds of those answers (0 to 600; default 1, so that runs stay fast; ARM sends 15).",
            ],
        ])

    static let throttlingRule = FormatObject(
        "a throttling rule", pointer: "/$defs/emulatorConfiguration/properties/throttling/items",
        description: "A throttling rule.",
        properties: [
            "path": [
                "type": "string", "pattern": "^/",
                "description": "The ARM path; * stands for one segment; names compare case-insensitively.",
                "examples": ["/subscriptions/*/resourcegroups"],
            ],
            "times": [
                "type": "integer", "minimum": 1, "maximum": 100000,
                "description": "How many matching requests are throttled (1 to 100000).",
            ],
            "retryAfter": [
                "type": "integer", "minimum": 0, "maximum": 86400, "description": "The Retry-After seconds (0 to 86400, default 1).",
            ],
            "status": ["type": "integer", "minimum": 400, "maximum": 599, "description": "The status answered (400 to 599, default 429)."],
            "method": FormatSchema.text("Only requests with this method (default: any).", examples: ["GET"]),
        ],
        required: ["path", "times"])

    static let federatedIssuer = FormatObject(
        "a federated issuer", pointer: "/$defs/emulatorConfiguration/properties/federatedIssuers/items",
        description: "A trusted issuer.",
        properties: [
            "issuer": FormatSchema.text("The tokens' iss, exactly.", examples: ["https://oidc.cluster.example"], required: true),
            "publicKey": FormatSchema.text("PEM text or file: PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE.", examples: ["keys/cluster.pem"]),
        ],
        required: ["issuer", "publicKey"])

    static let managedIdentity = FormatObject(
        "a managed identity", pointer: "/$defs/emulatorConfiguration/properties/managedIdentities/items",
        description: "A managed identity.",
        properties: [
            "name": FormatSchema.text("The identity's name (role assignments may name it).", required: true),
            "clientId": FormatSchema.guid("The client id, a GUID."),
            "objectId": FormatSchema.guid("The object (principal) id, a GUID."),
            "resourceId": FormatSchema.text("The ARM resource id of the user-assigned identity."),
            "tenant": FormatSchema.text("The tenant: its id or one of its domains."),
        ],
        required: ["name", "clientId", "objectId", "tenant"])

    static let tenant = FormatObject(
        "a tenant", pointer: "/$defs/emulatorTenant",
        description: "A Microsoft Entra tenant (directory).",
        properties: [
            "id": FormatSchema.guid("The tenant id, a GUID; the token URL accepts it or any of the domains."),
            "displayName": FormatSchema.text("The tenant's display name, used in error texts."),
            "domains": [
                "type": ["array", "null"], "description": "Domain names accepted in place of the id.",
                "items": [
                    "type": ["string", "number", "boolean"], "pattern": #"^[^/ ]+(?![\s\S])"#, "minLength": 1,
                    "description": "A domain name.",
                ], "examples": [["contoso.onmicrosoft.com"]],
            ],
            "servicePrincipals": FormatSchema.list(of: ["$ref": "#/$defs/emulatorServicePrincipal"], "Service principals.", optional: true),
            "subscriptions": FormatSchema.list(of: ["$ref": "#/$defs/emulatorSubscription"], "Subscriptions.", optional: true),
            "roleDefinitions": FormatSchema.list(of: roleDefinition.jsonSchema, "Custom roles: one permission block each.", optional: true),
            "roleAssignments": FormatSchema.list(
                of: roleAssignment.jsonSchema, "Role assignments, inherited below their scope.", optional: true),
            "denyAssignments": FormatSchema.list(
                of: denyAssignment.jsonSchema, "Deny assignments: they win over any grant.", optional: true),
            "groups": FormatSchema.list(of: group.jsonSchema, "Security groups: role and deny assignments may name them.", optional: true),
            "managementGroups": FormatSchema.list(
                of: managementGroup.jsonSchema, "Management groups under the tenant root group, with subscriptions placed in them.",
                optional: true),
            "eligibleRoleAssignments": FormatSchema.list(
                of: roleAssignment.jsonSchema(describedAs: "An eligible (PIM) role assignment: the principal may activate it."),
                "Roles a principal may activate (PIM): listed as eligibility schedule instances, granting nothing until activated.",
                optional: true),
            "users": FormatSchema.list(
                of: user.jsonSchema, "Users: group members, owners and directory role holders (they do not sign in).", optional: true),
            "directoryRoleAssignments": FormatSchema.list(
                of: directoryRoleAssignment.jsonSchema,
                "Microsoft Entra directory roles held (Graph's roleManagement/directory/roleAssignments).", optional: true),
            "eligibleDirectoryRoleAssignments": FormatSchema.list(
                of: directoryRoleAssignment.jsonSchema(describedAs: "An eligible (PIM) directory role: the principal may activate it."),
                "Directory roles a principal may activate (PIM): Graph's roleManagement/directory/roleEligibilitySchedules.",
                optional: true),
        ],
        required: ["id"])

    static let servicePrincipal = FormatObject(
        "a service principal", pointer: "/$defs/emulatorServicePrincipal",
        description: "An application's service principal.",
        properties: [
            "name": FormatSchema.text("The principal's name (role assignments may name it).", required: true),
            "clientId": FormatSchema.guid("The application (client) id, a GUID."),
            "objectId": FormatSchema.guid("The service principal's object id, a GUID."),
            "secrets": [
                "type": ["array", "null"], "description": "Client secrets.",
                "items": [
                    "description": "A client secret: its value, or { value, expires }.",
                    "anyOf": [
                        FormatSchema.text("The secret's value.", required: true), secret.jsonSchema,
                    ],
                ],
            ],
            "certificates": FormatSchema.list(
                of: certificate.jsonSchema, "Certificates whose keys may sign client assertions.", optional: true),
            "federatedCredentials": FormatSchema.list(
                of: federatedCredential.jsonSchema, "Federated credentials (workload identity federation).", optional: true),
            "appRoles": [
                "description":
                    "App roles granted: a list (Microsoft Graph's application permissions), or a mapping from a resource (graph, arm, keyVault, storage, or a configured resource's uri) to its roles. A token for that resource carries them in its roles claim.",
                "anyOf": [
                    ["type": ["array", "null"], "items": FormatSchema.text("A Microsoft Graph application permission.")],
                    [
                        "type": "object", "minProperties": 1,
                        "additionalProperties": ["type": "array", "items": FormatSchema.text("An app role of that resource.")],
                    ],
                ],
                "examples": [["Application.Read.All"], ["graph": ["Directory.Read.All"], "https://api.contoso.example": ["Orders.Read"]]],
            ],
            "owners": FormatSchema.list(
                of: FormatSchema.text("A user or service principal of the tenant: its name or objectId."),
                "The application's owners: each may add a credential to it, and so act as it.", optional: true),
            "servicePrincipalOwners": FormatSchema.list(
                of: FormatSchema.text("A user or service principal of the tenant: its name or objectId."),
                "The service principal's own owners.", optional: true),
            "delegatedGrants": FormatSchema.list(
                of: delegatedGrant.jsonSchema, "Delegated permissions consented to it (Graph's oauth2PermissionGrants).", optional: true),
        ],
        required: ["name", "clientId", "objectId"],
        rules: [
            "anyOf": [
                FormatSchema.nonEmpty("secrets", "Client secrets."),
                FormatSchema.nonEmpty("certificates", "Certificates whose keys may sign client assertions."),
                FormatSchema.nonEmpty("federatedCredentials", "Federated credentials (workload identity federation)."),
            ]
        ])

    static let secret = FormatObject(
        "a secret", pointer: "/$defs/emulatorServicePrincipal/properties/secrets/items/anyOf/1",
        description: "A secret with an optional expiry.",
        properties: [
            "value": FormatSchema.text("The secret's value.", required: true),
            "expires": [
                "type": "string",
                "pattern":
                    #"^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::(?:[0-5][0-9]|60)(?:\.[0-9]*)?)?(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})?)?(?![\s\S])"#,
                "patternErrorMessage": "An ISO 8601 date such as 2030-01-01T00:00:00Z.",
                "description": "When it expires (ISO 8601, e.g. 2030-01-01T00:00:00Z); after it Entra answers AADSTS7000222.",
                "examples": ["2030-01-01T00:00:00Z"],
            ],
        ],
        required: ["value"])

    static let certificate = FormatObject(
        "a certificate", pointer: "/$defs/emulatorServicePrincipal/properties/certificates/items",
        description: "A certificate.",
        properties: [
            "pem": FormatSchema.text("PEM text, or the path of a PEM file (relative to the configuration), holding the certificate.")
        ],
        required: ["pem"])

    static let federatedCredential = FormatObject(
        "a federated credential", pointer: "/$defs/emulatorServicePrincipal/properties/federatedCredentials/items",
        description: "A federated credential.",
        properties: [
            "name": FormatSchema.text("The credential's name."),
            "issuer": FormatSchema.text(
                "The issuer: the built-in test issuer {baseURL}/_azspec/oidc, or one of federatedIssuers.",
                examples: ["{baseURL}/_azspec/oidc"], required: true),
            "subject": FormatSchema.text(
                "The subject (sub claim) the token must carry.", examples: ["repo:contoso/infra:environment:prod"], required: true),
            "audiences": [
                "type": "array", "minItems": 1,
                "items": FormatSchema.text("An audience.", required: true),
                "description": "Accepted audiences (default [api://AzureADTokenExchange]).", "examples": [["api://AzureADTokenExchange"]],
            ],
        ],
        required: ["issuer", "subject"])

    static let subscription = FormatObject(
        "a subscription", pointer: "/$defs/emulatorSubscription",
        description: "A subscription.",
        properties: [
            "id": FormatSchema.guid("The subscription id, a GUID."),
            "displayName": FormatSchema.text("The display name (default: the id)."),
            "state": [
                "enum": ["Enabled", "Disabled", "Warned", "PastDue", "Deleted"],
                "description": "The subscription's state (default Enabled).",
            ],
            "tags": [
                "type": ["object", "null"], "description": "The subscription's tags.",
                "additionalProperties": [
                    "type": ["string", "number", "boolean", "null"], "description": "The value (empty: an empty string).",
                ],
            ],
            "resourceGroups": FormatSchema.list(of: resourceGroup.jsonSchema, "Resource groups in the subscription.", optional: true),
        ],
        required: ["id"])

    static let resourceGroup = FormatObject(
        "a resource group", pointer: "/$defs/emulatorSubscription/properties/resourceGroups/items",
        description: "A resource group.",
        properties: [
            "name": [
                "type": ["string", "number", "boolean"], "minLength": 1, "maxLength": 90,
                "pattern": #"^(?:[A-Za-z0-9._()\-]|[^\x00-\x7F])*(?:[A-Za-z0-9_()\-]|[^\x00-\x7F])(?![\s\S])"#,
                "description": "The name: 1 to 90 letters, digits, '-', '.', '(', ')' or '_', not ending with '.'.",
            ],
            "location": FormatSchema.text("The Azure region.", examples: ["westeurope"], required: true),
            "tags": [
                "type": ["object", "null"], "description": "The resource group's tags.",
                "additionalProperties": [
                    "type": ["string", "number", "boolean", "null"], "description": "The value (empty: an empty string).",
                ],
            ],
            "managedBy": FormatSchema.text("The managedBy resource id."),
        ],
        required: ["name", "location"])

    static let roleDefinition = FormatObject(
        "a role definition", pointer: "/$defs/emulatorTenant/properties/roleDefinitions/items",
        description: "A custom role.",
        properties: [
            "name": FormatSchema.text("The role's name (assignments name it); not a built-in role's."),
            "id": FormatSchema.guid("The role definition id (default: derived from the name)."),
            "actions": FormatSchema.actions("Allowed actions.", optional: true),
            "notActions": FormatSchema.actions("Actions taken out of actions.", optional: true),
            "dataActions": FormatSchema.actions("Allowed data actions.", optional: true),
            "notDataActions": FormatSchema.actions("Data actions taken out of dataActions.", optional: true),
        ],
        required: ["name"],
        rules: [
            "anyOf": [
                FormatSchema.nonEmpty("actions", "Allowed actions."),
                FormatSchema.nonEmpty("dataActions", "Allowed data actions."),
            ]
        ])

    static let managementGroup = FormatObject(
        "a management group", pointer: "/$defs/emulatorTenant/properties/managementGroups/items",
        description: "A management group; role assignments at /providers/Microsoft.Management/managementGroups/{name} apply below it.",
        properties: [
            "name": FormatSchema.text("The group's id, as scopes name it.", examples: ["mg-prod"], required: true),
            "parent": FormatSchema.text("Its parent management group (default: the tenant root group, whose id is the tenant id)."),
            "subscriptions": FormatSchema.list(
                of: FormatSchema.guid("A subscription of the tenant."), "The subscriptions placed in it.", optional: true),
        ],
        required: ["name"])

    static let group = FormatObject(
        "a group", pointer: "/$defs/emulatorTenant/properties/groups/items",
        description: "A security group.",
        properties: [
            "name": FormatSchema.text("The group's display name (assignments and other groups may name it).", required: true),
            "objectId": FormatSchema.guid("The group's object id, a GUID."),
            "members": FormatSchema.list(
                of: FormatSchema.text("A member: the name or objectId of a principal or group."),
                "Service principals, managed identities and groups of the tenant (nested groups; no cycle).", optional: true),
        ],
        required: ["name", "objectId"])

    static let roleAssignment = FormatObject(
        "a role assignment", pointer: "/$defs/emulatorTenant/properties/roleAssignments/items",
        description: "A role assignment.",
        properties: [
            "principal": FormatSchema.text("The service principal, managed identity or group: its name or objectId."),
            "role": [
                "type": ["string", "number", "boolean"],
                "description":
                    "A built-in role (Reader, Contributor, Owner, User Access Administrator, Storage Account Contributor, Storage Blob Data Reader) or a custom one, by name or id.",
            ],
            "scope": [
                "type": "string",
                "pattern": .string(FormatPattern.assignmentScope),
                "patternErrorMessage":
                    "An ARM scope: /subscriptions/{id}[/resourceGroups/{name}[/providers/{Namespace}/{type}/{name}]], or /providers/Microsoft.Management/managementGroups/{id}.",
                "description":
                    "An ARM scope in one of the tenant's subscriptions, /subscriptions/{id}[/resourceGroups/{name}[/providers/…]], or a management group, /providers/Microsoft.Management/managementGroups/{id} (the tenant id for the root group).",
            ],
            "condition": FormatSchema.text("An ABAC condition (listed, not evaluated)."),
        ],
        required: ["principal", "role", "scope"])

    static let denyAssignment = FormatObject(
        "a deny assignment", pointer: "/$defs/emulatorTenant/properties/denyAssignments/items",
        description: "A deny assignment.",
        properties: [
            "name": FormatSchema.text("The deny assignment's name."),
            "scope": [
                "type": "string", "pattern": .string(FormatPattern.armScope),
                "patternErrorMessage": "An ARM scope: /subscriptions/{id}[/resourceGroups/{name}[/providers/{Namespace}/{type}/{name}]].",
                "description":
                    "An ARM scope in one of the tenant's subscriptions: /subscriptions/{id}[/resourceGroups/{name}[/providers/…]].",
            ],
            "actions": FormatSchema.actions("Denied actions.", optional: true),
            "notActions": FormatSchema.actions("Actions excepted from actions.", optional: true),
            "dataActions": FormatSchema.actions("Denied data actions.", optional: true),
            "notDataActions": FormatSchema.actions("Data actions excepted from dataActions.", optional: true),
            "principals": [
                "type": ["array", "null"], "description": "Principals denied (groups deny their members): names, objectIds or everyone.",
                "items": FormatSchema.text("A principal's name or objectId, or everyone."),
                "examples": [["everyone"]],
            ],
            "excludePrincipals": [
                "type": ["array", "null"], "description": "Principals excepted (a group excepts its members).",
                "items": FormatSchema.text("A principal's name or objectId."),
            ],
            "doNotApplyToChildScopes": ["type": "boolean", "description": "true: the deny applies at the scope only, not below it."],
        ],
        required: ["name", "scope", "principals"],
        rules: [
            "anyOf": [
                FormatSchema.nonEmpty("actions", "Denied actions."),
                FormatSchema.nonEmpty("dataActions", "Denied data actions."),
            ]
        ])

    static let user = FormatObject(
        "a user", pointer: "/$defs/emulatorTenant/properties/users/items",
        description: "A user of the tenant.",
        properties: [
            "name": FormatSchema.text("The user's display name (groups, owners and directory roles may name it).", required: true),
            "objectId": FormatSchema.guid("The user's object id, a GUID."),
            "userPrincipalName": FormatSchema.text(
                "The sign-in name (default: the name without spaces @ the tenant's first domain).",
                examples: ["alice@contoso.onmicrosoft.com"]),
        ],
        required: ["name", "objectId"])

    static let directoryRoleAssignment = FormatObject(
        "a directory role assignment", pointer: "/$defs/emulatorTenant/properties/directoryRoleAssignments/items",
        description: "A Microsoft Entra directory role held.",
        properties: [
            "principal": FormatSchema.text("The service principal, managed identity, user or group: its name or objectId.", required: true),
            "role": FormatSchema.text(
                "A built-in directory role: its display name or template id.", examples: ["Application Administrator"], required: true),
            "directoryScope": FormatSchema.text(
                "Where it applies: / (the tenant, the default) or /{application object id}.", examples: ["/"]),
        ],
        required: ["principal", "role"])

    static let delegatedGrant = FormatObject(
        "a delegated grant", pointer: "/$defs/emulatorServicePrincipal/properties/delegatedGrants/items",
        description: "Delegated permissions consented to the service principal on one resource.",
        properties: [
            "resource": FormatSchema.text(
                "The resource: graph, arm, keyVault, storage or a configured resource's uri.", examples: ["graph"], required: true),
            "scopes": FormatSchema.list(of: FormatSchema.text("A delegated permission, e.g. User.Read."), "The permissions."),
            "user": FormatSchema.text("The user it is consented for (consentType Principal); none: every user (AllPrincipals)."),
        ],
        required: ["resource", "scopes"])

    /// Every object, for the docs and for the test that holds the reader to the schema.
    package static let all = [
        configuration, tokenBucket, bucket, operations, throttlingRule, federatedIssuer, managedIdentity, resource, tenant,
        servicePrincipal, secret, certificate, federatedCredential, subscription, resourceGroup, roleDefinition, group, managementGroup,
        roleAssignment, denyAssignment, user, directoryRoleAssignment, delegatedGrant,
    ]

    /// The `$defs` entries of the configuration objects, for `azspec schema`.
    package static let definitions: [(String, JSONValue)] = [
        ("emulatorServicePrincipal", servicePrincipal.jsonSchema),
        ("emulatorSubscription", subscription.jsonSchema),
        ("emulatorTenant", tenant.jsonSchema),
        ("emulatorConfiguration", configuration.jsonSchema),
    ]
}
