import AzspecCore

/// What a test sends: `request:` and its polling, and the retry policy.
extension SpecFormat {
    /// The HTTP methods a request may use.
    package static let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    static let request = FormatObject(
        "request", pointer: "/$defs/request",
        description: "The HTTP request the test sends.",
        properties: [
            "method": [
                "type": "string",
                "pattern": .string(FormatPattern.anyCase(oneOf: methods)),
                "patternErrorMessage": "GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS.",
                "description": "The HTTP method (any case; default GET).",
                "examples": ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
            ],
            "url": [
                "type": "string",
                "description":
                    "https://…, a URL starting with {{cloud.arm}} or {{cloud.login}}, or /… (a path on the cloud's Resource Manager); no white space or control characters.",
                "allOf": [
                    [
                        "pattern":
                            #"^(?:[^{\x00-\x20\x7F-\x9F]|\{(?!\{)|\{\{[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*[^{}\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*\}\})*(?![\s\S])"#,
                        "patternErrorMessage":
                            "A URL holds no white space or control characters (percent-encode them, or use query:), and every '{{' needs its '}}'.",
                    ],
                    [
                        "pattern": #"^(?:https?://|/)|\{\{"#,
                        "patternErrorMessage":
                            "A URL starts with https:// (or {{cloud.arm}} / {{cloud.login}}, or / for a path on Resource Manager).",
                    ],
                ],
                "examples": [
                    "{{cloud.arm}}/subscriptions/{{subscriptionId}}/resourcegroups", "/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}",
                    "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/v2.0/token",
                ],
            ],
            "query": FormatSchema.ref(
                "templateMap", "Name → value pairs appended to the URL, percent-encoded.", examples: [["api-version": "2021-04-01"]]),
            "headers": FormatSchema.ref("headerMap", "Request headers: name → value."),
            "form": FormatSchema.ref(
                "templateMap", "Fields sent as application/x-www-form-urlencoded (token requests).",
                examples: [["grant_type": "client_credentials", "client_id": "{{env.AZURE_CLIENT_ID}}"]]),
            "json": FormatSchema.ref(
                "jsonValue", "Any YAML value, sent as JSON with Content-Type: application/json.", examples: [["location": "westeurope"]]),
            "body": FormatSchema.ref("template", "The raw body as text."),
            "timeout": FormatSchema.ref("timeout", "Seconds the whole exchange may take (0.001 to 3600; default --timeout, 30)."),
            "paginate": [
                "description":
                    "Follow nextLink and assert on every page's items: true (up to 100 pages) or the most pages to read (1 to 1000); GET only.",
                "anyOf": [["type": "boolean"], ["type": "integer", "minimum": 1, "maximum": 1000]], "examples": [true, 10],
            ],
            "poll": [
                "description": "Follow a long-running operation to its end: true (600 s at most) or { timeout: SECONDS }.",
                "anyOf": [["type": "boolean"], poll.jsonSchema], "examples": [true, ["timeout": 120]],
            ],
        ],
        required: ["url"],
        rules: [
            "allOf": [
                [
                    "if": ["required": ["form"]],
                    "then": [
                        "properties": [
                            "json": ["not": [:], "description": "A request takes one of form, json or body."],
                            "body": ["not": [:], "description": "A request takes one of form, json or body."],
                        ]
                    ],
                ],
                [
                    "if": ["required": ["json"]],
                    "then": ["properties": ["body": ["not": [:], "description": "A request takes one of form, json or body."]]],
                ],
                [
                    "if": [
                        "required": ["paginate"],
                        "properties": [
                            "paginate": [
                                "not": ["const": false],
                                "description":
                                    "Follow nextLink and assert on every page's items: true (up to 100 pages) or the most pages to read (1 to 1000); GET only.",
                            ]
                        ],
                    ],
                    "then": [
                        "properties": [
                            "method": [
                                "pattern": .string(FormatPattern.anyCase(oneOf: ["GET"])),
                                "patternErrorMessage": "paginate follows nextLink of a list, which is a GET.",
                                "description": "The HTTP method (any case; default GET).",
                            ]
                        ]
                    ],
                ],
            ]
        ])

    static let poll = FormatObject(
        "poll", pointer: "/$defs/request/properties/poll/anyOf/1",
        description: "How long to follow the operation.",
        properties: [
            "timeout": DurationText.schema(
                "How long to wait for the operation at most (1s to 2h; a number is seconds).", minimum: 1, maximum: 7200,
                examples: [120, "10m"])
        ],
        required: ["timeout"])

    static let retry = FormatObject(
        "retry", pointer: "/$defs/retry/anyOf/1",
        description: "Retries and the total seconds of waiting allowed per exchange.",
        properties: [
            "retries": [
                "type": "integer", "minimum": 0, "maximum": 10,
                "description": "How many times a throttled or failed exchange is retried (0 to 10, default 3).", "examples": [3],
            ],
            "within": DurationText.schema(
                "How long the waits between attempts may add up to per exchange (0 to 10m, default 60 s; a number is seconds).",
                minimum: 0, maximum: 600, examples: [60, "90s"]),
        ])

    static let retrySchema: JSONValue = [
        "description":
            "The retry policy for 429, 503 and 504 answers: false to assert the 429 itself, true for the default (3 retries within 60 s), or { retries, within }.",
        "anyOf": [["type": "boolean"], retry.jsonSchema], "examples": [false, true, ["retries": 3, "within": 60]],
    ]
}
