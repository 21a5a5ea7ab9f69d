import AzspecCore

/// The value shapes many keys share: text, templates, JSON, names, paths, headers.
extension SpecFormat {
    static let textSchema: JSONValue = FormatSchema.text(
        "Any scalar (a string, or a number or boolean read as its text); not empty or null.")

    static let templateSchema: JSONValue = [
        "type": ["string", "number", "boolean"],
        "description":
            "A string that may hold {{name}} placeholders (a variable, a capture, env.NAME, cloud.login, cloud.arm, run.hex, run.id, run.started); a number or boolean is read as its text.",
        "pattern": .string(FormatPattern.template),
        "patternErrorMessage":
            "Every '{{' needs a closing '}}' around a name without spaces or braces, such as {{token}} or {{env.AZURE_TENANT_ID}}.",
        "examples": ["{{env.AZURE_TENANT_ID}}", "{{cloud.arm}}/subscriptions/{{subscriptionId}}", "Bearer {{token}}"],
    ]

    static let jsonValueSchema: JSONValue = [
        "description":
            "Any YAML value taken as JSON; a string may hold {{name}} placeholders, and a string that is exactly one placeholder takes the placeholder's own JSON type.",
        "pattern": .string(FormatPattern.template),
        "patternErrorMessage": "Every '{{' needs a closing '}}' around a name without spaces or braces.",
        "items": ["$ref": "#/$defs/jsonValue"], "additionalProperties": ["$ref": "#/$defs/jsonValue"],
    ]

    static let identifierSchema: JSONValue = [
        "type": "string", "description": "A name of letters, digits, '_' and '-', starting with a letter or '_'.",
        "pattern": .string(FormatPattern.identifier), "patternErrorMessage": "Letters, digits, '_' and '-', starting with a letter or '_'.",
    ]

    static let jsonPathSchema: JSONValue = [
        "type": "string",
        "description": "An RFC 9535 JSONPath query starting with '$' (a non-singular path selects the array of every node it matches).",
        "pattern": #"^\$(?:[ \t\n\r]*[.\[][\s\S]*[^ \t\n\r])?(?![\s\S])"#,
        "patternErrorMessage": "A JSONPath starts with '$', e.g. $.value[*].name, and has no leading or trailing white space.",
        "examples": ["$.access_token", "$.value[*].name", "$.value[?@.location == 'westeurope'].name", "$.error.code"],
    ]

    static let tagsSchema: JSONValue = [
        "type": ["array", "null"],
        "description": "Tags for selecting tests with --tag and --skip-tag: a list of names made of letters, digits, '_', '-' and '.'.",
        "items": [
            "type": ["string", "number", "boolean"],
            "description": "A tag: 1 to 100 letters, digits, '_', '-' or '.', and not 'and', 'or' or 'not'.",
            "pattern": #"^(?!(?:[aA][nN][dD]|[oO][rR]|[nN][oO][tT])(?![\s\S]))[A-Za-z0-9_.-]{1,100}(?![\s\S])"#,
            "patternErrorMessage": "A tag is 1 to 100 letters, digits, '_', '-' or '.', and not and/or/not.",
        ], "examples": [["smoke"], ["smoke", "rbac"]],
    ]

    static let timeoutSchema = DurationText.schema(
        "How long the whole exchange may take: connecting, the response head and every byte of the body (1ms to 1h; a number is seconds).",
        minimum: 0.001, maximum: 3600, examples: [30, "2m"])

    static let headerNameSchema: JSONValue = [
        "type": "string", "pattern": #"^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?![\s\S])"#,
        "patternErrorMessage": #"A header name is an HTTP token: no spaces, control characters or ()<>@,;:\"/[]?={}."#,
        "description": "An HTTP header name (an RFC 9110 token).",
    ]

    static let headerMapSchema: JSONValue = [
        "type": "object",
        "description": "Header name → value (a template); a value may not hold CR, LF or another control character but tab.",
        "propertyNames": ["$ref": "#/$defs/headerName"],
        "additionalProperties": [
            "type": ["string", "number", "boolean"],
            "pattern":
                #"^(?:[^{\x00-\x08\x0A-\x1F\x7F]|\{(?!\{)|\{\{[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*[^{}\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*\}\})*(?![\s\S])"#,
            "description": "The header's value, a template without control characters (tab allowed).",
            "patternErrorMessage":
                "A header value may not hold CR, LF or another control character but tab, and every '{{' needs its '}}'.",
        ], "examples": [["Authorization": "Bearer {{token}}"], ["Accept-Language": "en-US"]],
    ]

    static let templateMapSchema: JSONValue = [
        "type": "object", "description": "Name → value pairs; each value is a template (a number or boolean is read as its text).",
        "additionalProperties": FormatSchema.ref("template", "The value, a template."),
    ]

    static let resourceSchema: JSONValue = [
        "type": "string", "description": "The resource a token is for: arm (default), graph, keyVault, storage, or an https:// audience.",
        "pattern":
            #"^(?:[aA][rR][mM]|[gG][rR][aA][pP][hH]|[kK][eE][yY][vV][aA][uU][lL][tT]|[sS][tT][oO][rR][aA][gG][eE]|[rR][eE][sS][oO][uU][rR][cC][eE][mM][aA][nN][aA][gG][eE][rR]|[hH][tT][tT][pP][sS]://[\s\S]+)(?![\s\S])"#,
        "patternErrorMessage": "Use arm, graph, keyVault, storage or an https:// audience.",
        "examples": ["arm", "graph", "keyVault", "storage", "https://api.partner.example"],
    ]
}
