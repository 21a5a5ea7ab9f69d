import AzspecCore

/// Identities: how a test gets its token.
extension SpecFormat {
    static let identity = FormatObject(
        "an identity", pointer: "/$defs/identity",
        description: "A declared way to get a bearer token; the keys allowed besides kind, hosts and resource depend on the kind.",
        properties: [
            "kind": ["enum": .array(identityKinds.map { .string($0.kind) }), "description": "How the identity gets its token."],
            "hosts": [
                "type": "array",
                "items": [
                    "type": ["string", "number", "boolean"],
                    "description":
                        "Where the token may also go: an origin (https://api.example.com, http://127.0.0.1:8080), a host with or without a port (https on that port, 443 when none; a loopback host also over http), or *.suffix (https on 443).",
                ],
                "description":
                    "Hosts besides the cloud's Resource Manager (or the resource's own hosts) that may receive this identity's token.",
                "examples": [["api.partner.example"]],
            ],
            "resource": FormatSchema.ref("resource", "The resource the identity's tokens are for (default arm)."),
            "tenant": FormatSchema.ref(
                "template", "The tenant (directory) id or domain (default {{env.AZURE_TENANT_ID}}).", examples: ["{{env.AZURE_TENANT_ID}}"]),
            "clientId": [
                "$ref": "#/$defs/template",
                "description":
                    "The application (client) id; for a managed identity, the user-assigned identity's client id (default {{env.AZURE_CLIENT_ID}} for the client kinds).",
                "examples": ["{{env.AZURE_CLIENT_ID}}"],
            ],
            "secret": FormatSchema.ref(
                "template", "The client secret (default {{env.AZURE_CLIENT_SECRET}}).", examples: ["{{env.READER_CLIENT_SECRET}}"]),
            "certificate": FormatSchema.ref(
                "template", "Path of one PEM file with the certificate and its RSA key (default {{env.AZURE_CLIENT_CERTIFICATE_PATH}}).",
                examples: ["{{env.HOME}}/certs/ci.pem"]),
            "password": FormatSchema.ref("template", "The password of an encrypted key in the certificate file."),
            "tokenFile": FormatSchema.ref(
                "template", "Path of the federated token file (default AZURE_FEDERATED_TOKEN_FILE, else GitHub Actions' OIDC endpoint).",
                examples: ["/var/run/secrets/azure/tokens/azure-identity-token"]),
            "audience": FormatSchema.text(
                "The audience of the federated token asked from GitHub Actions (default api://AzureADTokenExchange).",
                examples: ["api://AzureADTokenExchange"]),
            "objectId": FormatSchema.ref("template", "The managed identity's object (principal) id."),
            "resourceId": FormatSchema.ref("template", "The managed identity's ARM resource id."),
            "endpoint": [
                "$ref": "#/$defs/template",
                "description":
                    "clientSecret/clientCertificate: v2 (scope, the default) or v1 (resource); managedIdentity: the IMDS token endpoint URL.",
                "examples": ["v1", "v2"],
            ],
            "command": [
                "description":
                    "The Azure CLI command that prints a token (default [az, account, get-access-token]); a string is split at spaces.",
                "anyOf": [
                    ["type": "string", "pattern": "[^ ]"], ["type": ["number", "boolean", "null"]],
                    [
                        "type": "array", "minItems": 1,
                        "items": FormatSchema.text("A word of the command."),
                    ],
                ], "examples": [["az", "account", "get-access-token"]],
            ],
            "variable": FormatSchema.text("The environment variable that holds the bearer token.", examples: ["ARM_TOKEN"]),
        ],
        required: ["kind"],
        rules: [
            "allOf": .array(identityKinds.map { $0.rule(refusing: identityKinds.flatMap(\.keys)) }),
            "examples": [
                ["kind": "clientSecret"], ["kind": "workloadIdentity"],
                ["kind": "managedIdentity", "clientId": "{{env.MI_CLIENT_ID}}"], ["kind": "azureCli"],
                ["kind": "token", "variable": "ARM_TOKEN"],
            ],
        ])

    /// One kind of identity: the keys it takes besides `kind`, `hosts` and `resource`, and what its schema branch
    /// adds to theirs (a narrower `endpoint`, a required key).
    struct IdentityKind: Sendable {
        let kind: String
        let keys: [String]
        var properties: JSONObject = [:]
        var rules: JSONObject = [:]

        /// `if kind is this then`: the other kinds' keys (`kindKeys` less its own) are refused, and its additions hold.
        func rule(refusing kindKeys: [String]) -> JSONValue {
            var then = JSONObject()
            var refused = JSONObject()
            for key in kindKeys.sorted() where !keys.contains(key) && refused[key] == nil {
                refused[key] = ["not": [:], "description": .string("A \(kind) identity takes no '\(key)'.")]
            }
            for (key, schema) in properties { refused[key] = schema }
            then["properties"] = .object(refused)
            for (key, value) in rules { then[key] = value }
            return ["if": ["properties": ["kind": ["const": .string(kind)]], "required": ["kind"]], "then": .object(then)]
        }
    }

    private static let versionedEndpoint: JSONObject = [
        "endpoint": [
            "type": "string", "pattern": .string("^[vV][12]" + FormatPattern.end),
            "description": "v2 (scope, the default) or v1 (resource).",
        ]
    ]

    /// The kinds, in the order the docs list them.
    static let identityKinds: [IdentityKind] = [
        IdentityKind(kind: "clientSecret", keys: ["tenant", "clientId", "secret", "endpoint"], properties: versionedEndpoint),
        IdentityKind(
            kind: "clientCertificate", keys: ["tenant", "clientId", "certificate", "password", "endpoint"],
            properties: versionedEndpoint),
        IdentityKind(kind: "workloadIdentity", keys: ["tenant", "clientId", "tokenFile", "audience"]),
        IdentityKind(
            kind: "managedIdentity", keys: ["clientId", "objectId", "resourceId", "endpoint"],
            rules: [
                "not": [
                    "anyOf": [
                        ["required": ["clientId", "objectId"]], ["required": ["clientId", "resourceId"]],
                        ["required": ["objectId", "resourceId"]],
                    ]
                ]
            ]),
        IdentityKind(kind: "azureCli", keys: ["command"]),
        IdentityKind(kind: "token", keys: ["variable"], rules: ["required": ["variable"]]),
        IdentityKind(kind: "environment", keys: []),
    ]

    static let identitiesSchema: JSONValue = [
        "type": "object", "description": "Identities by name (letters, digits, '-' and '_').",
        "propertyNames": ["$ref": "#/$defs/identifier"],
        "additionalProperties": FormatSchema.ref("identity", "An identity."),
    ]

    static let identityChoiceSchema: JSONValue = [
        "type": ["string", "boolean"],
        "description": "The identity whose token is attached: an identity's name, true for the default identity, or false for none.",
        "examples": [true, false, "deployer", "reader"],
    ]
}
