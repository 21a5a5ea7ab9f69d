import AzspecCore

/// What must hold: `expect:`, its status rule, matchers and token claims, and what a test captures.
extension SpecFormat {
    static let expect = FormatObject(
        "expect", pointer: "/$defs/expect",
        description: "What the response must hold; every mismatch is reported, the status first.",
        properties: [
            "status": FormatSchema.ref("status", "The status of the (final) response: a code, a class such as 2xx, or a list of them."),
            "initialStatus": FormatSchema.ref(
                "status", "With poll: the status of the first answer (e.g. 202); status checks the final one."),
            "denied": [
                "const": true,
                "description":
                    "true: ARM refused the request for want of permission (403 AuthorizationFailed or LinkedAuthorizationFailed); not with status.",
            ],
            "headers": [
                "type": "object",
                "description": "Header name (any case) → a value (equals) or a matcher; several values of one header are joined with ', '.",
                "additionalProperties": FormatSchema.ref("matcher", "What the header must hold."),
                "examples": [["content-type": ["contains": "application/json"]]],
            ],
            "json": [
                "type": "object", "description": "JSONPath → a value (equals) or a matcher.", "propertyNames": ["$ref": "#/$defs/jsonPath"],
                "additionalProperties": FormatSchema.ref("matcher", "What the nodes the path selects must hold."),
                "examples": [["$.value": ["type": "array"], "$.value[*].name": ["contains": "rg-smoke"]]],
            ],
            "body": FormatSchema.ref("matcher", "The raw body as text → a value or a matcher.", examples: [["contains": "Sign in"]]),
            "token": FormatSchema.ref("claims", "Claim name → a value or a matcher, checked on the decoded token of the test's identity."),
            "time": time.jsonSchema,
        ],
        rules: [
            "if": ["required": ["denied"]],
            "then": [
                "properties": ["status": ["not": [:], "description": "'denied: true' already expects 403; remove status or denied."]]
            ],
        ])

    /// One status: a code from 100 to 599, or a class such as `2xx`.
    private static let oneStatus: JSONValue = [
        "anyOf": [
            ["type": "integer", "minimum": 100, "maximum": 599],
            [
                "type": "string", "pattern": .string(FormatPattern.status),
                "patternErrorMessage": "An HTTP status: a code from 100 to 599 or a class such as 2xx.",
            ],
        ]
    ]

    /// A non-empty list of statuses.
    private static let statusList: JSONValue = ["type": "array", "minItems": 1, "items": oneStatus]

    static let statusSchema: JSONValue = [
        "description":
            "An HTTP status: a code from 100 to 599, a class such as 2xx, a non-empty list of them, or { not: … } for any status but these.",
        "anyOf": [oneStatus, statusList, negatedStatus.jsonSchema],
        "examples": [200, [200, 201], "2xx", 202, ["not": "5xx"]],
    ]

    static let negatedStatus = FormatObject(
        "status", pointer: "/$defs/status/anyOf/2",
        description: "Any status but these.",
        properties: [
            "not": [
                "description": "The codes or classes the status must not be (a code, a class or a list of them).",
                "anyOf": [oneStatus, statusList],
            ]
        ],
        required: ["not"])

    static let claimsSchema: JSONValue = [
        "type": "object", "description": "Claim name → a value (equals) or a matcher, checked on a decoded JWT.",
        "additionalProperties": FormatSchema.ref("matcher", "What the claim must hold."),
        "examples": [["roles": ["contains": "Reader.All"], "tid": "{{env.AZURE_TENANT_ID}}"]],
    ]

    /// A matcher: its keys are the matcher names (``MatcherName``), each described once in ``matcherSchema(_:)``;
    /// a mapping with none of them compares as an object, unless a key is close enough to one to be a misspelling.
    static let matcher = FormatObject(
        "a matcher", pointer: "/$defs/matcher",
        description:
            "A bare value (equals), or a mapping of matcher names that must all hold; a mapping with no matcher name compares as an object, unless a key looks like a misspelt matcher.",
        properties: JSONObject(MatcherName.allCases.map { ($0.rawValue, matcherSchema($0)) }), closed: false,
        rules: [
            "pattern": .string(FormatPattern.template),
            "items": ["$ref": "#/$defs/jsonValue"],
            "if": ["type": "object", "not": ["propertyNames": ["not": ["enum": .array(Matcher.names.map(JSONValue.string))]]]],
            // additionalProperties sees only the properties listed beside it.
            "then": [
                "properties": .object(JSONObject(Matcher.names.map { ($0, [:]) })), "additionalProperties": false,
            ],
            "else": [
                "additionalProperties": ["$ref": "#/$defs/jsonValue"],
                "propertyNames": [
                    "description":
                        "A key of an object compared for equality; one this close to a matcher name is taken for a misspelt matcher (write equals: {…} to compare such an object).",
                    "not": ["pattern": .string(FormatPattern.misspelling(of: Matcher.names))],
                ],
            ],
            "examples": [["exists": true], ["type": "array", "length": ["ge": 1]], ["contains": "rg-smoke"], ["matches": "^eyJ"]],
        ])

    static let time = FormatObject(
        "expect.time", pointer: "/$defs/expect/properties/time",
        description:
            "Bounds on the response's own time, from sending its request to the last byte of its body: that attempt alone (earlier attempts, waits between retries and for the rate limit, a poll's earlier answers do not count).",
        properties: [
            "lt": DurationText.schema("Less than this.", minimum: 0, maximum: 3600, examples: ["800ms"]),
            "le": DurationText.schema("At most this.", minimum: 0, maximum: 3600, examples: ["2s"]),
            "gt": DurationText.schema("More than this.", minimum: 0, maximum: 3600, examples: ["1ms"]),
            "ge": DurationText.schema("At least this.", minimum: 0, maximum: 3600, examples: ["10ms"]),
        ],
        rules: ["minProperties": 1])

    /// The value a matcher takes.
    static func matcherSchema(_ name: MatcherName) -> JSONValue {
        switch name {
        case .equals:
            FormatSchema.ref("jsonValue", #"Holds when the value equals this one (JSON equality: 1 equals 1.0, "1" does not equal 1)."#)
        case .notEquals: FormatSchema.ref("jsonValue", "Holds when the value exists and differs from this one.")
        case .exists: ["type": "boolean", "description": "true: the value is there; false: it is not."]
        case .type:
            [
                "enum": ["string", "number", "integer", "boolean", "array", "object", "null", .null],
                "description": "Holds when the value is of this JSON type (integer: a number with no fraction).",
            ]
        case .contains:
            FormatSchema.ref(
                "jsonValue", "Holds for a string containing this text, an array containing this element, or an object with this member.")
        case .matches:
            [
                "type": ["string", "number", "boolean"],
                "description": "Holds for a string matching this regular expression (searched; anchor with ^…$); not empty.",
                "minLength": 1, "examples": ["^eyJ", "^AADSTS7000215: "],
            ]
        case .lt: ["type": ["number", "string"], "description": "Holds for a number (or string) less than this one."]
        case .le: ["type": ["number", "string"], "description": "Holds for a number (or string) at most this one."]
        case .gt:
            ["type": ["number", "string"], "description": "Holds for a number (or string) greater than this one.", "examples": [0, 300]]
        case .ge: ["type": ["number", "string"], "description": "Holds for a number (or string) at least this one.", "examples": [1]]
        case .length:
            [
                "description":
                    "Holds when the string, array or object has this many characters, elements or members: a whole number (at least 0) or a matcher.",
                "anyOf": [["type": "number", "minimum": 0, "multipleOf": 1], ["type": "object", "$ref": "#/$defs/matcher"]],
                "examples": [2, ["ge": 1]],
            ]
        case .oneOf:
            [
                "type": "array", "items": ["$ref": "#/$defs/jsonValue"],
                "description": "Holds when the value equals one of the listed values.", "examples": [["Succeeded", "Updating"]],
            ]
        case .not: FormatSchema.ref("matcher", "Holds when the value does not satisfy the inner matcher.")
        case .schema:
            [
                "description":
                    "Holds when the value is valid against this JSON Schema (draft 2020-12): written inline, or the path of a JSON file beside the spec (its $refs reach files in its folder only; nothing is fetched).",
                "anyOf": [
                    ["type": "string", "minLength": 1, "description": "A JSON Schema file, relative to the spec."],
                    ["type": ["object", "boolean"], "description": "An inline JSON Schema."],
                ],
                "examples": ["schemas/resource-group.json", ["type": "object", "required": ["id", "location"]]],
            ]
        case .each:
            FormatSchema.ref("matcher", "Holds for an array whose every element satisfies the inner matcher (true for an empty array).")
        case .has:
            [
                "description": "Holds for an object that has all these members: one name or a non-empty list of names.",
                "anyOf": [
                    ["type": ["string", "number", "boolean"]],
                    [
                        "type": "array", "minItems": 1,
                        "items": FormatSchema.text("A member name."),
                    ],
                ], "examples": ["location", ["location", "tags"]],
            ]
        case .unordered:
            [
                "type": "array", "items": ["$ref": "#/$defs/jsonValue"],
                "description": "Holds for an array with the same elements in any order (counted: [a, a] is not [a]).",
                "examples": [["rg-a", "rg-b"]],
            ]
        case .jwt:
            [
                "$ref": "#/$defs/claims",
                "description":
                    "Holds for a JWT (or 'Bearer <JWT>') whose decoded claims satisfy a matcher each; the signature is not checked.",
            ]
        }
    }

    static let capture = FormatObject(
        "capture", pointer: "/$defs/capture/additionalProperties/anyOf/1",
        properties: [
            "json": FormatSchema.ref("jsonPath", "The JSONPath whose value is captured."),
            "header": FormatSchema.text("The response header whose value is captured.", examples: ["Location"]),
            "secret": ["type": "boolean", "description": "true: redact the value everywhere it would be shown."],
        ],
        rules: ["oneOf": [["required": ["json"]], ["required": ["header"]]]])

    static let captureSchema: JSONValue = [
        "type": "object",
        "description":
            "Values kept from a passing test's response for the tests after it: name → a JSONPath, or { json | header, secret }.",
        "propertyNames": ["$ref": "#/$defs/identifier"],
        "additionalProperties": [
            "description":
                "A JSONPath (a non-singular path captures the array), or { json: PATH } / { header: NAME } with an optional secret.",
            "anyOf": [["$ref": "#/$defs/jsonPath"], capture.jsonSchema],
        ], "examples": [["token": "$.access_token", "location": ["header": "Location"], "groupId": ["json": "$.id", "secret": true]]],
    ]
}
