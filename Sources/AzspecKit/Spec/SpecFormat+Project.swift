import AzspecCore

/// `azspec.yaml`: a project's defaults.
extension SpecFormat {
    static let project = FormatObject(
        "azspec.yaml", pointer: "/$defs/project",
        description: "azspec.yaml: settings shared by every spec in its folder and below.",
        properties: [
            "cloud": [
                "description": "AzureCloud, AzureChinaCloud, AzureUSGovernment, or a custom cloud { login, arm, audience }.",
                "anyOf": [
                    [
                        "type": "string",
                        "pattern": .string(FormatPattern.anyCase(oneOf: KnownCloud.allCases.map(\.rawValue))),
                        "patternErrorMessage": "AzureCloud, AzureChinaCloud or AzureUSGovernment (any case), or { login, arm }.",
                    ], customCloud.jsonSchema,
                ],
                "examples": [
                    "AzureCloud", "AzureChinaCloud", "AzureUSGovernment",
                    ["login": "https://login.example.com", "arm": "https://management.example.com"],
                ],
            ],
            "identities": FormatSchema.ref("identities", "Identities every spec below may name."),
            "defaultIdentity": FormatSchema.text(
                "The identity identity: true means (default: the built-in environment identity).", examples: ["deployer"]),
            "retry": FormatSchema.ref("retry", "The default retry policy of every test below."),
            "apiVersion": [
                "type": "string",
                "allOf": [
                    [
                        "pattern": "^-*[^-]{4}-+[^-]{2}-+[^-]{2}",
                        "patternErrorMessage": "An ARM api-version such as 2021-04-01 or 2022-05-01-preview.",
                    ],
                    [
                        "pattern": #"^(?:[^\x00-\x2C\x2E\x2F\x3A-\x7F]{10}|[^\x00-\x2C\x2E\x2F\x3A-\x7F]{0,9}(?![\s\S]))"#,
                        "patternErrorMessage": "An ARM api-version such as 2021-04-01 or 2022-05-01-preview.",
                    ],
                ], "description": "The api-version for Resource Manager requests that name none, such as 2021-04-01 or 2022-05-01-preview.",
                "examples": ["2021-04-01"],
            ],
            "apiVersions": [
                "type": ["object", "null"],
                "description":
                    "api-version per resource provider namespace (a path's last providers/{namespace}); Microsoft.Resources' also serves paths with no provider (subscriptions, resource groups, /resources, /locations, /tenants).",
                "additionalProperties": ["type": ["string", "number", "boolean", "null"], "description": "The provider's api-version."],
                "examples": [["Microsoft.Storage": "2023-01-01"]],
            ],
            "headers": FormatSchema.ref("headerMap", "Headers sent with every request that does not set the header itself."),
            "timeout": FormatSchema.ref(
                "timeout", "Seconds per request for every spec below, over --timeout (a request's own timeout wins)."),
            "exclude": [
                "type": ["array", "null"], "description": "Glob patterns (relative to this file's folder) of spec files to leave out.",
                "items": FormatSchema.text(
                    "A glob: ? one character, * any run within a folder, ** across folders.", examples: ["drafts/**", "**/wip-*.yaml"]),
            ],
            "rateLimit": [
                "description":
                    "Keep the run inside ARM's token buckets per subscription and principal: true (the default, ARM's reads 250 + 25/s, writes and deletes 200 + 10/s), false, or other sizes.",
                "examples": [false, ["reads": ["burst": 250, "refill": 25], "margin": 10]],
                "anyOf": [["type": "boolean"], rateLimit.jsonSchema],
            ],
        ])

    static let customCloud = FormatObject(
        "a custom cloud", pointer: "/$defs/project/properties/cloud/anyOf/1",
        description: "A custom cloud's endpoints.",
        properties: [
            "login": [
                "type": "string", "pattern": "^https?://", "description": "The Entra ID authority, e.g. https://login.microsoftonline.com.",
            ],
            "arm": [
                "type": "string", "pattern": "^https?://",
                "description": "The Resource Manager endpoint, e.g. https://management.azure.com.",
            ],
            "audience": [
                "type": "string", "pattern": "^https?://",
                "description": "The Resource Manager audience tokens are asked for (default: arm with a trailing slash).",
            ],
            "graph": [
                "type": "string", "pattern": "^https?://",
                "description":
                    "The Microsoft Graph endpoint access audits read (default: the public cloud's, https://graph.microsoft.com).",
            ],
        ],
        required: ["login", "arm"])

    static let rateLimit = FormatObject(
        "rateLimit", pointer: "/$defs/project/properties/rateLimit/anyOf/1",
        properties: [
            "reads": [
                "description": "GET and HEAD requests.", "anyOf": [["type": "boolean", "const": false], rateLimitBucket.jsonSchema],
            ],
            "writes": [
                "description": "PUT, PATCH and POST requests.",
                "anyOf": [["type": "boolean", "const": false], rateLimitBucket.jsonSchema],
            ],
            "deletes": ["description": "DELETE requests.", "anyOf": [["type": "boolean", "const": false], rateLimitBucket.jsonSchema]],
            "margin": [
                "type": "integer", "minimum": 0, "maximum": 1000000,
                "description": "Tokens kept back in every bucket for other clients of the same principal.", "examples": [10],
            ],
        ])

    static let rateLimitBucket = FormatObject(
        "a rateLimit bucket", pointer: "/$defs/project/properties/rateLimit/anyOf/1/properties/reads/anyOf/1",
        properties: [
            "burst": [
                "type": "integer", "minimum": 1, "maximum": 1000000, "description": "Tokens the bucket holds when full.", "examples": [250],
            ],
            "refill": [
                "type": "number", "minimum": 0.01, "maximum": 1000000, "description": "Tokens it regains a second.", "examples": [25],
            ],
        ],
        required: ["burst", "refill"])
}
