import AzspecCore

/// The spec format and `azspec.yaml`, declared once: each object's keys with the JSON Schema of their values, and the
/// values the objects share. The loader takes its allowed keys and did-you-mean candidates from these objects,
/// ``SpecSchema`` renders them into `azspec schema`'s document, and `docs/spec-reference.md`'s key tables are generated
/// from them. Adding a key means adding it to its object here (and reading it in the loader).
package enum SpecFormat {
    static let suite = FormatObject(
        "the suite", pointer: "/$defs/spec",
        description: "An azspec spec file: one suite of tests run in order.",
        properties: [
            "name": FormatSchema.text("The suite's name (the JUnit testsuite name)."),
            "description": FormatSchema.text("Free text."),
            "tags": FormatSchema.ref("tags", "Tags every test of the suite carries, for --tag and --skip-tag."),
            "vars": [
                "type": "object",
                "description": "Suite variables: name → template, which may use the environment, the cloud and earlier variables.",
                "propertyNames": [
                    "pattern": .string(FormatPattern.identifier),
                    "patternErrorMessage": "Letters, digits, '_' and '-', starting with a letter or '_'.",
                    "not": ["enum": ["env", "cloud", "run"]],
                    "description": "A variable name: letters, digits, '_' and '-', starting with a letter or '_'; not env, cloud or run.",
                ], "additionalProperties": FormatSchema.ref("template", "The variable's value."),
                "examples": [["subscriptionId": "{{env.AZURE_SUBSCRIPTION_ID}}"]],
            ],
            "identity": FormatSchema.ref("identityChoice", "The identity the suite's tests use: a name, or true for the default one."),
            "identities": FormatSchema.ref("identities", "Identities declared for this suite only (over azspec.yaml's)."),
            "retry": FormatSchema.ref("retry", "The suite's retry policy (over azspec.yaml's)."),
            "tests": [
                "type": "array", "minItems": 1, "items": ["$ref": "#/$defs/test"],
                "description": "The tests, run in order; names must be unique within the file.",
            ],
        ],
        required: ["name", "tests"],
        rules: [
            "if": [
                "required": ["identity"],
                "properties": [
                    "identity": [
                        "anyOf": [["const": true], ["type": "string"]],
                        "description": "The identity the suite's tests use: a name, or true for the default one.",
                    ]
                ],
            ],
            "else": [
                "properties": [
                    "tests": [
                        "items": [
                            "if": ["type": "object", "not": ["required": ["request"]]],
                            "then": [
                                "required": ["identity"],
                                "properties": [
                                    "identity": [
                                        "anyOf": [["const": true], ["type": "string"]],
                                        "description": "The identity the suite's tests use: a name, or true for the default one.",
                                    ]
                                ],
                            ],
                        ], "description": "The tests, run in order; names must be unique within the file.",
                    ]
                ]
            ],
        ])

    static let test = FormatObject(
        "a test", pointer: "/$defs/test",
        description: "One test: a request (or a declared permission check, or a token check) and what must hold.",
        properties: [
            "name": FormatSchema.text("The test's name (the JUnit testcase name), unique within the file."),
            "description": FormatSchema.text("Free text."),
            "tags": FormatSchema.ref("tags", "The test's tags (its suite's come on top), for --tag and --skip-tag."),
            "identity": FormatSchema.ref(
                "identityChoice", "The identity whose token the test sends: a name, true for the default, or false to turn the suite's off."
            ),
            "resource": FormatSchema.ref("resource", "The resource the test's token is for, over the identity's own."),
            "request": FormatSchema.ref("request", "The HTTP request to send."),
            "permissions": FormatSchema.ref("permissions", "A declared permission check, instead of a request."),
            "credentials": FormatSchema.ref("credentials", "A check of a principal's credentials in Entra ID, instead of a request."),
            "entra": FormatSchema.ref(
                "entra", "A check of what a principal may do in Entra ID (permissions, directory roles, owners), instead of a request."),
            "forEach": [
                "description":
                    "Run the test once per item, the item under {{item}}: a list (at most 1000 items), a placeholder holding a list (\"{{regions}}\", a variable or a captured array), or { in, as }. Each run is its own case, named 'name [item]' unless the name uses the item.",
                "anyOf": [
                    ["type": "array", "minItems": 1, "maxItems": 1000, "items": ["$ref": "#/$defs/jsonValue"]],
                    [
                        "type": "string", "pattern": #"^\{\{[^{}]+\}\}$"#,
                        "patternErrorMessage": "One placeholder holding a list, such as {{regions}}.",
                    ],
                    forEach.jsonSchema,
                ],
                "examples": [["westeurope", "northeurope"], "{{regions}}"],
            ],
            "expect": FormatSchema.ref("expect", "What the response must hold."),
            "capture": FormatSchema.ref("capture", "Values to keep for the tests after this one."),
            "retry": FormatSchema.ref("retry", "The test's retry policy (over the suite's and azspec.yaml's)."),
            "always": ["type": "boolean", "description": "true: a cleanup, run even when the run is interrupted."],
            "skip": [
                "type": ["boolean", "string"], "description": "true, or a reason: report the test as skipped and send nothing.",
                "examples": [true, "waiting for the quota increase"],
            ],
        ],
        required: ["name"],
        rules: [
            "allOf": [
                [
                    "anyOf": [
                        ["required": ["request"]], ["required": ["permissions"]], ["required": ["credentials"]], ["required": ["entra"]],
                        [
                            "required": ["expect"],
                            "properties": [
                                "expect": [
                                    "required": ["token"],
                                    "properties": [
                                        "token": [
                                            "minProperties": 1,
                                            "description":
                                                "Claim name → a value or a matcher, checked on the decoded token of the test's identity.",
                                        ]
                                    ], "description": "What the response must hold.",
                                ]
                            ],
                        ],
                    ]
                ],
                [
                    "if": ["required": ["entra"]],
                    "then": [
                        "properties": [
                            "request": ["not": [:], "description": "An entra check sends its own reads."],
                            "permissions": ["not": [:], "description": "A test checks Entra ID or Azure RBAC, not both."],
                            "credentials": ["not": [:], "description": "A test checks credentials or Entra ID permissions, not both."],
                            "capture": ["not": [:], "description": "An entra check captures nothing."],
                            "resource": ["not": [:], "description": "An entra check reads Microsoft Graph with a Graph token."],
                        ]
                    ],
                ],
                [
                    "if": ["required": ["credentials"]],
                    "then": [
                        "properties": [
                            "request": ["not": [:], "description": "A credentials check sends its own reads."],
                            "permissions": ["not": [:], "description": "A test checks credentials or permissions, not both."],
                            "capture": ["not": [:], "description": "A credentials check captures nothing."],
                            "resource": ["not": [:], "description": "A credentials check reads Microsoft Graph with a Graph token."],
                        ]
                    ],
                ],
                [
                    "if": ["required": ["permissions"]],
                    "then": [
                        "properties": [
                            "request": [
                                "not": [:],
                                "description": "A test has either request or permissions: a permission check sends its own reads.",
                            ], "capture": ["not": [:], "description": "A permission check captures nothing."],
                            "resource": [
                                "not": [:], "description": "A permission check reads Resource Manager with a Resource Manager token.",
                            ],
                            "expect": [
                                "properties": [
                                    "status": ["not": [:], "description": "A permission check's expect may only hold token."],
                                    "initialStatus": ["not": [:], "description": "A permission check's expect may only hold token."],
                                    "denied": ["not": [:], "description": "A permission check's expect may only hold token."],
                                    "body": ["not": [:], "description": "A permission check's expect may only hold token."],
                                    "json": ["maxProperties": 0, "description": "JSONPath → a value (equals) or a matcher."],
                                    "headers": [
                                        "maxProperties": 0,
                                        "description":
                                            "Header name (any case) → a value (equals) or a matcher; several values of one header are joined with ', '.",
                                    ],
                                ], "description": "What the response must hold.",
                            ],
                        ]
                    ],
                ],
                [
                    "if": [
                        "required": ["expect"],
                        "properties": ["expect": ["required": ["initialStatus"], "description": "What the response must hold."]],
                    ],
                    "then": [
                        "required": ["request"],
                        "properties": [
                            "request": [
                                "required": ["poll"],
                                "properties": [
                                    "poll": [
                                        "not": ["const": false],
                                        "description":
                                            "Follow a long-running operation to its end: true (600 s at most) or { timeout: SECONDS }.",
                                    ]
                                ], "description": "The HTTP request to send.",
                            ]
                        ],
                    ],
                ],
            ]
        ])

    static let forEach = FormatObject(
        "forEach", pointer: "/$defs/test/properties/forEach/anyOf/2",
        description: "The list, and the name its items go by.",
        properties: [
            "in": [
                "description": "A list (at most 1000 items), or a placeholder holding one (\"{{regions}}\").",
                "anyOf": [
                    ["type": "array", "minItems": 1, "maxItems": 1000, "items": ["$ref": "#/$defs/jsonValue"]],
                    ["type": "string", "pattern": #"^\{\{[^{}]+\}\}$"#],
                ],
            ],
            "as": ["$ref": "#/$defs/identifier", "description": "The variable each item is bound to (default item)."],
        ],
        required: ["in"])

    /// Every object, for the docs and for the test that holds the loader to the schema.
    static let all = [
        suite, test, request, poll, expect, time, negatedStatus, capture, permissions, dataActions, whoCan, credentials, entra,
        entraPermissions,
        directoryRoles, owners, identity, retry,
        project,
        customCloud, rateLimit, rateLimitBucket, matcher,
    ]

    static let definitions: [(String, JSONValue)] = [
        ("text", textSchema),
        ("template", templateSchema),
        ("jsonValue", jsonValueSchema),
        ("identifier", identifierSchema),
        ("jsonPath", jsonPathSchema),
        ("tags", tagsSchema),
        ("retry", retrySchema),
        ("timeout", timeoutSchema),
        ("headerName", headerNameSchema),
        ("headerMap", headerMapSchema),
        ("templateMap", templateMapSchema),
        ("resource", resourceSchema),
        ("identityChoice", identityChoiceSchema),
        ("matcher", matcher.jsonSchema),
        ("claims", claimsSchema),
        ("status", statusSchema),
        ("identity", identity.jsonSchema),
        ("identities", identitiesSchema),
        ("request", request.jsonSchema),
        ("expect", expect.jsonSchema),
        ("capture", captureSchema),
        ("permissions", permissions.jsonSchema),
        ("credentials", credentials.jsonSchema),
        ("entra", entra.jsonSchema),
        ("entraPermissions", entraPermissions.jsonSchema),
        ("test", test.jsonSchema),
        ("spec", suite.jsonSchema),
        ("project", project.jsonSchema),
    ]
}
