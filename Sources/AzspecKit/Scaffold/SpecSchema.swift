/// The JSON Schema (draft 2020-12) of spec files, with `azspec.yaml` at `#/$defs/project` and the emulator's
/// configuration at `#/$defs/emulatorConfiguration`: `azspec schema` prints it, `azspec init` writes it, and the VS
/// Code YAML extension completes and checks specs with it (`# yaml-language-server: $schema=…`).
public enum SpecSchema {
    public static let id = "https://azspec.dev/schema/v1/azspec.schema.json"

    public static let text = #"""
        {
         "$schema": "https://json-schema.org/draft/2020-12/schema",
         "$id": "https://azspec.dev/schema/v1/azspec.schema.json",
         "title": "azspec",
         "description": "azspec's YAML formats. The document itself validates a spec file; #/$defs/project validates azspec.yaml and #/$defs/emulatorConfiguration the emulator's configuration.",
         "$ref": "#/$defs/spec",
         "$defs": {
          "text": {
           "type": [
            "string",
            "number",
            "boolean"
           ],
           "description": "Any scalar (a string, or a number or boolean read as its text); not empty or null."
          },
          "template": {
           "type": [
            "string",
            "number",
            "boolean"
           ],
           "description": "A string that may hold {{name}} placeholders (a variable, a capture, env.NAME, cloud.login, cloud.arm, run.hex, run.id, run.started); a number or boolean is read as its text.",
           "pattern": "^(?:[^{]|\\{(?!\\{)|\\{\\{[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*[^{}\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*\\}\\})*(?![\\s\\S])",
           "patternErrorMessage": "Every '{{' needs a closing '}}' around a name without spaces or braces, such as {{token}} or {{env.AZURE_TENANT_ID}}.",
           "examples": [
            "{{env.AZURE_TENANT_ID}}",
            "{{cloud.arm}}/subscriptions/{{subscriptionId}}",
            "Bearer {{token}}"
           ]
          },
          "jsonValue": {
           "description": "Any YAML value taken as JSON; a string may hold {{name}} placeholders, and a string that is exactly one placeholder takes the placeholder's own JSON type.",
           "pattern": "^(?:[^{]|\\{(?!\\{)|\\{\\{[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*[^{}\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*\\}\\})*(?![\\s\\S])",
           "patternErrorMessage": "Every '{{' needs a closing '}}' around a name without spaces or braces.",
           "items": {
            "$ref": "#/$defs/jsonValue"
           },
           "additionalProperties": {
            "$ref": "#/$defs/jsonValue"
           }
          },
          "identifier": {
           "type": "string",
           "description": "A name of letters, digits, '_' and '-', starting with a letter or '_'.",
           "pattern": "^[A-Za-z_][A-Za-z0-9_-]*(?![\\s\\S])",
           "patternErrorMessage": "Letters, digits, '_' and '-', starting with a letter or '_'."
          },
          "jsonPath": {
           "type": "string",
           "description": "An RFC 9535 JSONPath query starting with '$' (a non-singular path selects the array of every node it matches).",
           "pattern": "^\\$(?:[ \\t\\n\\r]*[.\\[][\\s\\S]*[^ \\t\\n\\r])?(?![\\s\\S])",
           "patternErrorMessage": "A JSONPath starts with '$', e.g. $.value[*].name, and has no leading or trailing white space.",
           "examples": [
            "$.access_token",
            "$.value[*].name",
            "$.value[?@.location == 'westeurope'].name",
            "$.error.code"
           ]
          },
          "tags": {
           "type": [
            "array",
            "null"
           ],
           "description": "Tags for selecting tests with --tag and --skip-tag: a list of names made of letters, digits, '_', '-' and '.'.",
           "items": {
            "type": [
             "string",
             "number",
             "boolean"
            ],
            "description": "A tag: 1 to 100 letters, digits, '_', '-' or '.', and not 'and', 'or' or 'not'.",
            "pattern": "^(?!(?:[aA][nN][dD]|[oO][rR]|[nN][oO][tT])(?![\\s\\S]))[A-Za-z0-9_.-]{1,100}(?![\\s\\S])",
            "patternErrorMessage": "A tag is 1 to 100 letters, digits, '_', '-' or '.', and not and/or/not."
           },
           "examples": [
            [
             "smoke"
            ],
            [
             "smoke",
             "rbac"
            ]
           ]
          },
          "retry": {
           "description": "The retry policy for 429, 503 and 504 answers: false to assert the 429 itself, true for the default (3 retries within 60 s), or { retries, within }.",
           "anyOf": [
            {
             "type": "boolean"
            },
            {
             "type": "object",
             "description": "Retries and the total seconds of waiting allowed per exchange.",
             "properties": {
              "retries": {
               "type": "integer",
               "minimum": 0,
               "maximum": 10,
               "description": "How many times a throttled or failed exchange is retried (0 to 10, default 3).",
               "examples": [
                3
               ]
              },
              "within": {
               "type": "number",
               "minimum": 0,
               "maximum": 600,
               "description": "Seconds of waiting allowed in all per exchange (0 to 600, default 60).",
               "examples": [
                60
               ]
              }
             },
             "additionalProperties": false
            }
           ],
           "examples": [
            false,
            true,
            {
             "retries": 3,
             "within": 60
            }
           ]
          },
          "timeout": {
           "type": "number",
           "minimum": 0.001,
           "maximum": 3600,
           "description": "Seconds the whole exchange may take: connecting, the response head and every byte of the body (0.001 to 3600).",
           "examples": [
            30
           ]
          },
          "headerName": {
           "type": "string",
           "pattern": "^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?![\\s\\S])",
           "patternErrorMessage": "A header name is an HTTP token: no spaces, control characters or ()<>@,;:\\\"/[]?={}.",
           "description": "An HTTP header name (an RFC 9110 token)."
          },
          "headerMap": {
           "type": "object",
           "description": "Header name → value (a template); a value may not hold CR, LF or another control character but tab.",
           "propertyNames": {
            "$ref": "#/$defs/headerName"
           },
           "additionalProperties": {
            "type": [
             "string",
             "number",
             "boolean"
            ],
            "pattern": "^(?:[^{\\x00-\\x08\\x0A-\\x1F\\x7F]|\\{(?!\\{)|\\{\\{[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*[^{}\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*\\}\\})*(?![\\s\\S])",
            "description": "The header's value, a template without control characters (tab allowed).",
            "patternErrorMessage": "A header value may not hold CR, LF or another control character but tab, and every '{{' needs its '}}'."
           },
           "examples": [
            {
             "Authorization": "Bearer {{token}}"
            },
            {
             "Accept-Language": "en-US"
            }
           ]
          },
          "templateMap": {
           "type": "object",
           "description": "Name → value pairs; each value is a template (a number or boolean is read as its text).",
           "additionalProperties": {
            "$ref": "#/$defs/template",
            "description": "The value, a template."
           }
          },
          "resource": {
           "type": "string",
           "description": "The resource a token is for: arm (default), graph, keyVault, storage, or an https:// audience.",
           "pattern": "^(?:[aA][rR][mM]|[gG][rR][aA][pP][hH]|[kK][eE][yY][vV][aA][uU][lL][tT]|[sS][tT][oO][rR][aA][gG][eE]|[rR][eE][sS][oO][uU][rR][cC][eE][mM][aA][nN][aA][gG][eE][rR]|[hH][tT][tT][pP][sS]://[\\s\\S]+)(?![\\s\\S])",
           "patternErrorMessage": "Use arm, graph, keyVault, storage or an https:// audience.",
           "examples": [
            "arm",
            "graph",
            "keyVault",
            "storage",
            "https://api.partner.example"
           ]
          },
          "identityChoice": {
           "type": [
            "string",
            "boolean"
           ],
           "description": "The identity whose token is attached: an identity's name, true for the default identity, or false for none.",
           "examples": [
            true,
            false,
            "deployer",
            "reader"
           ]
          },
          "matcher": {
           "description": "A bare value (equals), or a mapping of matcher names that must all hold; a mapping with no matcher name compares as an object, unless a key looks like a misspelt matcher.",
           "pattern": "^(?:[^{]|\\{(?!\\{)|\\{\\{[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*[^{}\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*\\}\\})*(?![\\s\\S])",
           "items": {
            "$ref": "#/$defs/jsonValue"
           },
           "properties": {
            "equals": {
             "$ref": "#/$defs/jsonValue",
             "description": "Holds when the value equals this one (JSON equality: 1 equals 1.0, \"1\" does not equal 1)."
            },
            "notEquals": {
             "$ref": "#/$defs/jsonValue",
             "description": "Holds when the value exists and differs from this one."
            },
            "exists": {
             "type": "boolean",
             "description": "true: the value is there; false: it is not."
            },
            "type": {
             "enum": [
              "string",
              "number",
              "integer",
              "boolean",
              "array",
              "object",
              "null",
              null
             ],
             "description": "Holds when the value is of this JSON type (integer: a number with no fraction)."
            },
            "contains": {
             "$ref": "#/$defs/jsonValue",
             "description": "Holds for a string containing this text, an array containing this element, or an object with this member."
            },
            "matches": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "Holds for a string matching this regular expression (searched; anchor with ^…$); not empty.",
             "minLength": 1,
             "examples": [
              "^eyJ",
              "^AADSTS7000215: "
             ]
            },
            "lt": {
             "type": [
              "number",
              "string"
             ],
             "description": "Holds for a number (or string) less than this one."
            },
            "le": {
             "type": [
              "number",
              "string"
             ],
             "description": "Holds for a number (or string) at most this one."
            },
            "gt": {
             "type": [
              "number",
              "string"
             ],
             "description": "Holds for a number (or string) greater than this one.",
             "examples": [
              0,
              300
             ]
            },
            "ge": {
             "type": [
              "number",
              "string"
             ],
             "description": "Holds for a number (or string) at least this one.",
             "examples": [
              1
             ]
            },
            "length": {
             "description": "Holds when the string, array or object has this many characters, elements or members: a whole number (at least 0) or a matcher.",
             "anyOf": [
              {
               "type": "number",
               "minimum": 0,
               "multipleOf": 1
              },
              {
               "type": "object",
               "$ref": "#/$defs/matcher"
              }
             ],
             "examples": [
              2,
              {
               "ge": 1
              }
             ]
            },
            "oneOf": {
             "type": "array",
             "items": {
              "$ref": "#/$defs/jsonValue"
             },
             "description": "Holds when the value equals one of the listed values.",
             "examples": [
              [
               "Succeeded",
               "Updating"
              ]
             ]
            },
            "not": {
             "$ref": "#/$defs/matcher",
             "description": "Holds when the value does not satisfy the inner matcher."
            },
            "each": {
             "$ref": "#/$defs/matcher",
             "description": "Holds for an array whose every element satisfies the inner matcher (true for an empty array)."
            },
            "has": {
             "description": "Holds for an object that has all these members: one name or a non-empty list of names.",
             "anyOf": [
              {
               "type": [
                "string",
                "number",
                "boolean"
               ]
              },
              {
               "type": "array",
               "minItems": 1,
               "items": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "A member name."
               }
              }
             ],
             "examples": [
              "location",
              [
               "location",
               "tags"
              ]
             ]
            },
            "unordered": {
             "type": "array",
             "items": {
              "$ref": "#/$defs/jsonValue"
             },
             "description": "Holds for an array with the same elements in any order (counted: [a, a] is not [a]).",
             "examples": [
              [
               "rg-a",
               "rg-b"
              ]
             ]
            },
            "jwt": {
             "$ref": "#/$defs/claims",
             "description": "Holds for a JWT (or 'Bearer <JWT>') whose decoded claims satisfy a matcher each; the signature is not checked."
            }
           },
           "if": {
            "type": "object",
            "not": {
             "propertyNames": {
              "not": {
               "enum": [
                "equals",
                "notEquals",
                "exists",
                "type",
                "contains",
                "matches",
                "lt",
                "le",
                "gt",
                "ge",
                "length",
                "oneOf",
                "not",
                "each",
                "has",
                "unordered",
                "jwt"
               ]
              }
             }
            }
           },
           "then": {
            "properties": {
             "equals": {
              "description": "Holds when the value equals this one (JSON equality: 1 equals 1.0, \"1\" does not equal 1)."
             },
             "notEquals": {
              "description": "Holds when the value exists and differs from this one."
             },
             "exists": {
              "description": "true: the value is there; false: it is not."
             },
             "type": {
              "description": "Holds when the value is of this JSON type (integer: a number with no fraction)."
             },
             "contains": {
              "description": "Holds for a string containing this text, an array containing this element, or an object with this member."
             },
             "matches": {
              "description": "Holds for a string matching this regular expression (searched; anchor with ^…$); not empty."
             },
             "lt": {
              "description": "Holds for a number (or string) less than this one."
             },
             "le": {
              "description": "Holds for a number (or string) at most this one."
             },
             "gt": {
              "description": "Holds for a number (or string) greater than this one."
             },
             "ge": {
              "description": "Holds for a number (or string) at least this one."
             },
             "length": {
              "description": "Holds when the string, array or object has this many characters, elements or members: a whole number (at least 0) or a matcher."
             },
             "oneOf": {
              "description": "Holds when the value equals one of the listed values."
             },
             "not": {
              "description": "Holds when the value does not satisfy the inner matcher."
             },
             "each": {
              "description": "Holds for an array whose every element satisfies the inner matcher (true for an empty array)."
             },
             "has": {
              "description": "Holds for an object that has all these members: one name or a non-empty list of names."
             },
             "unordered": {
              "description": "Holds for an array with the same elements in any order (counted: [a, a] is not [a])."
             },
             "jwt": {
              "description": "Holds for a JWT (or 'Bearer <JWT>') whose decoded claims satisfy a matcher each; the signature is not checked."
             }
            },
            "additionalProperties": false
           },
           "else": {
            "additionalProperties": {
             "$ref": "#/$defs/jsonValue"
            },
            "propertyNames": {
             "description": "A key of an object compared for equality; one this close to a matcher name is taken for a misspelt matcher (write equals: {…} to compare such an object).",
             "not": {
              "pattern": "^(?:(?:(?:[eE][qQ][uU])(?:(?:[aA](?:(?:[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[lL](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[lL][sS]|[sS]))?))?))?|[lL](?:(?:[sS][\\s\\S]|[\\s\\S]))?|[sS]|[\\s\\S](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[lL][sS]|[sS]))|[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[aA][lL][sS]|[lL][sS]|[sS]))))|(?:(?:[eE](?:[qQ](?:(?:[uU][\\s\\S]|[\\s\\S](?:[uU])?))?|[uU]|[\\s\\S](?:[qQ][uU]|[uU]))|[qQ][uU]|[\\s\\S](?:[eE][qQ][uU]|[qQ][uU])))(?:(?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[lL][sS]|[\\s\\S](?:[aA][lL][sS]|[lL][sS])))|(?:(?:[eE](?:(?:[qQ](?:[uU][\\s\\S][\\s\\S]|[\\s\\S](?:[uU][\\s\\S]|[\\s\\S](?:[uU])?))|[\\s\\S](?:(?:[qQ](?:[uU][\\s\\S]|[\\s\\S](?:[uU])?)|[uU][\\s\\S]|[\\s\\S](?:(?:[qQ][uU]|[uU]))?))?))?|[qQ](?:(?:[uU][\\s\\S]|[\\s\\S]))?|[uU]|[\\s\\S](?:[eE](?:[qQ](?:(?:[uU][\\s\\S]|[\\s\\S](?:[uU])?))?|[\\s\\S](?:[qQ][uU]|[uU]))|[qQ](?:(?:[uU][\\s\\S]|[\\s\\S](?:[uU])?))?|[uU]|[\\s\\S](?:[eE][qQ][uU]|[qQ][uU]|[uU]))))(?:[aA][lL][sS]))|(?:(?:[nN][oO][tT][eE])(?:(?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S][sS])|[lL][sS]|[qQ](?:[aA](?:(?:[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[sS][\\s\\S]|[\\s\\S]))?))?|[lL](?:(?:[sS][\\s\\S]|[\\s\\S]))?|[sS]|[uU](?:(?:[aA](?:[lL](?:[sS][\\s\\S][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)))|[\\s\\S](?:[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[lL](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[lL][sS]|[sS]))?)))|[lL][sS][\\s\\S][\\s\\S]|[\\s\\S](?:(?:[aA](?:[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:[lL](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[lL][sS]|[sS]))?))|[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[lL][sS]|[sS]))|[lL](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[aA][lL][sS]|[lL][sS]|[sS]))?))?))?))?|[\\s\\S](?:[aA](?:(?:[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[lL](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[lL][sS]|[sS]))?))?))?|[lL](?:(?:[sS][\\s\\S]|[\\s\\S]))?|[sS]|[uU](?:[aA](?:(?:[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[lL](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[lL][sS]|[sS]))?))?))?|[\\s\\S](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[lL][sS]|[sS]))|[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[aA][lL][sS]|[lL][sS]|[sS])))|[\\s\\S](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[lL][sS]|[sS]))|[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[uU](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[\\s\\S](?:[aA][lL][sS]|[lL][sS]))|[\\s\\S](?:[aA][lL][sS]|[lL][sS]|[sS]|[uU][aA][lL][sS]))))|[uU](?:[aA](?:(?:[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[lL](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[lL][sS]|[sS]))?))?))?|[lL](?:(?:[sS][\\s\\S]|[\\s\\S]))?|[sS]|[\\s\\S](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S][sS]))|[\\s\\S](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S][sS])|[lL][sS]|[qQ](?:[uU](?:[aA](?:(?:[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[lL](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[lL][sS]|[sS]))?))?))?|[lL](?:(?:[sS][\\s\\S]|[\\s\\S]))?|[sS]|[\\s\\S](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[lL][sS]|[sS]))|[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[aA][lL][sS]|[lL][sS]|[sS])))|[\\s\\S](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[uU](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[\\s\\S](?:[aA][lL][sS]|[lL][sS]))|[\\s\\S](?:[aA][lL][sS]|[lL][sS]|[uU][aA][lL][sS])))|[uU](?:[aA](?:(?:[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[lL](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[lL][sS]|[sS]))?))?))?|[lL](?:(?:[sS][\\s\\S]|[\\s\\S]))?|[sS]|[\\s\\S](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[lL][sS]|[sS]))|[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[aA][lL][sS]|[lL][sS]|[sS])))|[\\s\\S](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[lL][sS]|[qQ](?:[uU](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[lL][sS]|[\\s\\S](?:[aA][lL][sS]|[lL][sS]))|[\\s\\S](?:[aA][lL][sS]|[uU][aA][lL][sS]))|[uU](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[\\s\\S](?:[aA][lL][sS]|[lL][sS]))|[\\s\\S](?:[aA][lL][sS]|[lL][sS]|[qQ][uU][aA][lL][sS]|[uU][aA][lL][sS])))))|(?:(?:[nN](?:[oO](?:[eE]|[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[tT][eE]))|[tT][eE]|[\\s\\S](?:[oO][tT][eE]|[tT][eE]))|[oO][tT][eE]|[\\s\\S](?:[nN][oO][tT][eE]|[oO][tT][eE])))(?:(?:[aA][lL][sS]|[qQ](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S][sS])|[lL][sS]|[uU](?:[aA](?:(?:[lL](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[lL](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[lL][sS]|[sS]))?))?))?|[lL](?:(?:[sS][\\s\\S]|[\\s\\S]))?|[sS]|[\\s\\S](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[lL][sS]|[sS]))|[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[aA][lL][sS]|[lL][sS]|[sS])))|[\\s\\S](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[lL][sS]|[uU](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[\\s\\S](?:[aA][lL][sS]|[lL][sS]))|[\\s\\S](?:[aA][lL][sS]|[lL][sS]|[uU][aA][lL][sS])))|[uU](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[lL][sS]|[\\s\\S][lL][sS])|[\\s\\S](?:[aA][lL][sS]|[qQ](?:[uU](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[lL][sS]|[\\s\\S](?:[aA][lL][sS]|[lL][sS]))|[\\s\\S](?:[aA][lL][sS]|[uU][aA][lL][sS]))|[uU](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[lL][sS]|[\\s\\S](?:[aA][lL][sS]|[lL][sS]))|[\\s\\S](?:[aA][lL][sS]|[qQ][uU][aA][lL][sS]|[uU][aA][lL][sS]))))|(?:(?:[nN](?:[eE]|[oO](?:(?:[tT](?:[eE][\\s\\S][\\s\\S]|[\\s\\S](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))|[\\s\\S](?:(?:[eE][\\s\\S]|[tT](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?)|[\\s\\S](?:(?:[eE]|[tT][eE]))?))?))?|[tT](?:(?:[eE][\\s\\S]|[\\s\\S]))?|[\\s\\S](?:[eE]|[oO](?:[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[tT][eE]))|[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[oO][tT][eE]|[tT][eE])))|[oO](?:[eE]|[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S][eE])|[tT][eE]|[\\s\\S](?:[nN](?:[oO](?:[eE]|[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[tT][eE]))|[\\s\\S](?:[oO][tT][eE]|[tT][eE]))|[oO](?:[eE]|[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[tT][eE]))|[tT][eE]|[\\s\\S](?:[nN][oO][tT][eE]|[oO][tT][eE]|[tT][eE]))))(?:(?:[qQ](?:[aA][lL][sS]|[uU](?:[aA](?:[lL](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[lL][sS]|[sS]))|[lL][sS]|[\\s\\S](?:[aA][lL][sS]|[lL][sS]))|[\\s\\S](?:[aA][lL][sS]|[uU][aA][lL][sS]))|[uU][aA][lL][sS]|[\\s\\S](?:[qQ][uU][aA][lL][sS]|[uU][aA][lL][sS])))|(?:(?:[eE]|[nN](?:(?:[oO](?:[tT](?:[eE][\\s\\S][\\s\\S][\\s\\S]|[\\s\\S](?:[eE][\\s\\S][\\s\\S]|[\\s\\S](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?)))|[\\s\\S](?:[eE][\\s\\S][\\s\\S]|[tT](?:[eE][\\s\\S][\\s\\S]|[\\s\\S](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))|[\\s\\S](?:[eE][\\s\\S]|[tT](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?)|[\\s\\S](?:(?:[eE]|[tT][eE]))?)))|[tT][eE][\\s\\S][\\s\\S]|[\\s\\S](?:(?:[oO](?:[tT](?:[eE][\\s\\S][\\s\\S]|[\\s\\S](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))|[\\s\\S](?:[eE][\\s\\S]|[tT](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?)|[\\s\\S](?:(?:[eE]|[tT][eE]))?))|[tT](?:[eE][\\s\\S][\\s\\S]|[\\s\\S](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))|[\\s\\S](?:(?:[eE][\\s\\S]|[oO](?:[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[tT][eE]))|[tT](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?)|[\\s\\S](?:(?:[eE]|[oO][tT][eE]|[tT][eE]))?))?))?))?|[oO](?:(?:[tT](?:[eE][\\s\\S][\\s\\S]|[\\s\\S](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))|[\\s\\S](?:(?:[eE][\\s\\S]|[\\s\\S]))?))?|[tT](?:(?:[eE][\\s\\S]|[\\s\\S]))?|[\\s\\S](?:[eE]|[nN](?:[oO](?:(?:[tT](?:[eE][\\s\\S][\\s\\S]|[\\s\\S](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))|[\\s\\S](?:(?:[eE][\\s\\S]|[tT](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?)|[\\s\\S](?:(?:[eE]|[tT][eE]))?))?))?|[\\s\\S](?:[oO](?:[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[tT][eE]))|[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[oO][tT][eE]|[tT][eE])))|[oO](?:(?:[tT](?:[eE][\\s\\S][\\s\\S]|[\\s\\S](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))|[\\s\\S](?:(?:[eE][\\s\\S]|[tT](?:[eE][\\s\\S]|[\\s\\S](?:[eE])?)|[\\s\\S](?:(?:[eE]|[tT][eE]))?))?))?|[tT](?:(?:[eE][\\s\\S]|[\\s\\S]))?|[\\s\\S](?:[eE]|[nN](?:[oO](?:[eE]|[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[tT][eE]))|[\\s\\S](?:[oO][tT][eE]|[tT][eE]))|[oO](?:[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[tT][eE]))|[tT](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[nN][oO][tT][eE]|[oO][tT][eE]|[tT][eE])))))(?:[qQ][uU][aA][lL][sS]))|(?:(?:[eE][xX][iI])(?:(?:[sS](?:(?:[tT](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[sS][\\s\\S]|[tT](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[\\s\\S](?:(?:[sS]|[tT][sS]))?))?))?|[tT](?:(?:[sS][\\s\\S]|[\\s\\S]))?|[\\s\\S](?:[sS](?:(?:[tT](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[sS]|[tT][sS])))?|[tT](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[sS](?:[tT][sS])?|[tT][sS]))))|(?:(?:[eE](?:[iI]|[xX](?:(?:[iI][\\s\\S]|[\\s\\S](?:[iI])?))?|[\\s\\S](?:[iI]|[xX][iI]))|[xX][iI]|[\\s\\S](?:[eE][xX][iI]|[xX][iI])))(?:(?:[sS](?:[sS]|[tT](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[sS]|[tT][sS]))|[tT][sS]|[\\s\\S](?:[sS][tT][sS]|[tT][sS])))|(?:(?:[eE](?:(?:[xX](?:[iI][\\s\\S][\\s\\S]|[\\s\\S](?:[iI][\\s\\S]|[\\s\\S](?:[iI])?))|[\\s\\S](?:(?:[iI][\\s\\S]|[xX](?:[iI][\\s\\S]|[\\s\\S](?:[iI])?)|[\\s\\S](?:(?:[iI]|[xX][iI]))?))?))?|[iI]|[xX](?:(?:[iI][\\s\\S]|[\\s\\S]))?|[\\s\\S](?:[eE](?:[xX](?:(?:[iI][\\s\\S]|[\\s\\S](?:[iI])?))?|[\\s\\S](?:[iI]|[xX][iI]))|[iI]|[xX](?:(?:[iI][\\s\\S]|[\\s\\S](?:[iI])?))?|[\\s\\S](?:[eE][xX][iI]|[iI]|[xX][iI]))))(?:[sS][tT][sS]))|(?:[tT](?:[pP][eE]|[yY](?:[eE]|[pP](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[pP][eE]))|[\\s\\S](?:[pP][eE]|[yY][pP][eE]))|[yY][pP][eE]|[\\s\\S](?:[tT][yY][pP][eE]|[yY][pP][eE]))|(?:(?:[cC][oO][nN][tT])(?:(?:[aA](?:[iI](?:(?:[nN](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[nN](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[nN][sS]|[sS]))?))?))?|[nN](?:(?:[sS][\\s\\S]|[\\s\\S]))?|[sS]|[\\s\\S](?:[iI](?:[nN](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[nN][sS]|[sS]))|[nN](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[iI][nN][sS]|[nN][sS]|[sS])))|[iI](?:[nN](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S][sS])|[nN][sS]|[\\s\\S](?:[aA](?:[iI](?:[nN](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[nN][sS]|[sS]))|[\\s\\S](?:[iI][nN][sS]|[nN][sS]))|[iI](?:[nN](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[nN][sS]|[sS]))|[nN][sS]|[\\s\\S](?:[aA][iI][nN][sS]|[iI][nN][sS]|[nN][sS]))))|(?:(?:[cC](?:[nN][tT]|[oO](?:[nN](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[tT]|[\\s\\S](?:[nN][tT]|[tT]))|[\\s\\S](?:[nN][tT]|[oO][nN][tT]))|[oO][nN][tT]|[\\s\\S](?:[cC][oO][nN][tT]|[oO][nN][tT])))(?:(?:[aA](?:[iI](?:[nN](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[nN][sS]|[sS]))|[nN][sS]|[\\s\\S](?:[iI][nN][sS]|[nN][sS]))|[iI][nN][sS]|[\\s\\S](?:[aA][iI][nN][sS]|[iI][nN][sS])))|(?:(?:[cC](?:[nN](?:(?:[tT][\\s\\S]|[\\s\\S]))?|[oO](?:(?:[nN](?:[tT][\\s\\S][\\s\\S]|[\\s\\S](?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))|[\\s\\S](?:(?:[nN](?:[tT][\\s\\S]|[\\s\\S](?:[tT])?)|[tT][\\s\\S]|[\\s\\S](?:(?:[nN][tT]|[tT]))?))?))?|[tT]|[\\s\\S](?:[nN](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[oO](?:[nN](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[\\s\\S](?:[nN][tT]|[tT]))|[tT]|[\\s\\S](?:[nN][tT]|[oO][nN][tT]|[tT])))|[nN][tT]|[oO](?:[nN](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[tT]|[\\s\\S][tT])|[\\s\\S](?:[cC](?:[oO](?:[nN](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[tT]|[\\s\\S](?:[nN][tT]|[tT]))|[\\s\\S](?:[nN][tT]|[oO][nN][tT]))|[nN][tT]|[oO](?:[nN](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[tT]|[\\s\\S](?:[nN][tT]|[tT]))|[\\s\\S](?:[cC][oO][nN][tT]|[nN][tT]|[oO][nN][tT]))))(?:[aA][iI][nN][sS]))|(?:(?:[mM][aA][tT])(?:(?:[cC](?:[eE](?:(?:[sS][\\s\\S]|[\\s\\S]))?|[hH](?:(?:[eE](?:[sS][\\s\\S][\\s\\S]|[\\s\\S](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))|[\\s\\S](?:(?:[eE](?:[sS][\\s\\S]|[\\s\\S](?:[sS])?)|[sS][\\s\\S]|[\\s\\S](?:(?:[eE][sS]|[sS]))?))?))?|[sS]|[\\s\\S](?:[eE](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[hH](?:[eE](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[\\s\\S](?:[eE][sS]|[sS]))|[sS]|[\\s\\S](?:[eE][sS]|[hH][eE][sS]|[sS])))|[eE][sS]|[hH](?:[eE](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S][sS])|[\\s\\S](?:[cC](?:[hH](?:[eE](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[eE][sS]|[sS]))|[\\s\\S](?:[eE][sS]|[hH][eE][sS]))|[eE][sS]|[hH](?:[eE](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[eE][sS]|[sS]))|[\\s\\S](?:[cC][hH][eE][sS]|[eE][sS]|[hH][eE][sS]))))|(?:(?:[aA][tT]|[mM](?:[aA](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[tT]|[\\s\\S](?:[aA][tT]|[tT]))|[\\s\\S](?:[aA][tT]|[mM][aA][tT])))(?:(?:[cC](?:[eE][sS]|[hH](?:[eE](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[eE][sS]|[sS]))|[\\s\\S](?:[eE][sS]|[hH][eE][sS]))|[hH][eE][sS]|[\\s\\S](?:[cC][hH][eE][sS]|[hH][eE][sS])))|(?:(?:[aA](?:(?:[tT][\\s\\S]|[\\s\\S]))?|[mM](?:(?:[aA](?:[tT][\\s\\S][\\s\\S]|[\\s\\S](?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))|[\\s\\S](?:(?:[aA](?:[tT][\\s\\S]|[\\s\\S](?:[tT])?)|[tT][\\s\\S]|[\\s\\S](?:(?:[aA][tT]|[tT]))?))?))?|[tT]|[\\s\\S](?:[aA](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[mM](?:[aA](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[\\s\\S](?:[aA][tT]|[tT]))|[tT]|[\\s\\S](?:[aA][tT]|[mM][aA][tT]|[tT]))))(?:[cC][hH][eE][sS]))|(?:[lL](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[tT]|[\\s\\S](?:[lL][tT]|[tT]))|(?:[eE]|[lL](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[lL][eE]))|(?:[gG](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[tT]|[\\s\\S](?:[gG][tT]|[tT]))|(?:[eE]|[gG](?:(?:[eE][\\s\\S]|[\\s\\S](?:[eE])?))?|[\\s\\S](?:[eE]|[gG][eE]))|(?:(?:[lL][eE][nN])(?:(?:[gG](?:(?:[tT](?:[hH][\\s\\S][\\s\\S]|[\\s\\S](?:[hH][\\s\\S]|[\\s\\S](?:[hH])?))|[\\s\\S](?:(?:[hH][\\s\\S]|[tT](?:[hH][\\s\\S]|[\\s\\S](?:[hH])?)|[\\s\\S](?:(?:[hH]|[tT][hH]))?))?))?|[hH]|[tT](?:(?:[hH][\\s\\S]|[\\s\\S]))?|[\\s\\S](?:[gG](?:[tT](?:(?:[hH][\\s\\S]|[\\s\\S](?:[hH])?))?|[\\s\\S](?:[hH]|[tT][hH]))|[hH]|[tT](?:(?:[hH][\\s\\S]|[\\s\\S](?:[hH])?))?|[\\s\\S](?:[gG][tT][hH]|[hH]|[tT][hH]))))|(?:(?:[eE][nN]|[lL](?:[eE](?:(?:[nN][\\s\\S]|[\\s\\S](?:[nN])?))?|[nN]|[\\s\\S](?:[eE][nN]|[nN]))|[\\s\\S](?:[eE][nN]|[lL][eE][nN])))(?:(?:[gG](?:[hH]|[tT](?:(?:[hH][\\s\\S]|[\\s\\S](?:[hH])?))?|[\\s\\S](?:[hH]|[tT][hH]))|[tT][hH]|[\\s\\S](?:[gG][tT][hH]|[tT][hH])))|(?:(?:[eE](?:(?:[nN][\\s\\S]|[\\s\\S]))?|[lL](?:(?:[eE](?:[nN][\\s\\S][\\s\\S]|[\\s\\S](?:[nN][\\s\\S]|[\\s\\S](?:[nN])?))|[\\s\\S](?:(?:[eE](?:[nN][\\s\\S]|[\\s\\S](?:[nN])?)|[nN][\\s\\S]|[\\s\\S](?:(?:[eE][nN]|[nN]))?))?))?|[nN]|[\\s\\S](?:[eE](?:(?:[nN][\\s\\S]|[\\s\\S](?:[nN])?))?|[lL](?:[eE](?:(?:[nN][\\s\\S]|[\\s\\S](?:[nN])?))?|[\\s\\S](?:[eE][nN]|[nN]))|[nN]|[\\s\\S](?:[eE][nN]|[lL][eE][nN]|[nN]))))(?:[gG][tT][hH]))|(?:[nN][eE][oO][fF]|[oO](?:[eE][oO][fF]|[nN](?:[eE](?:[fF]|[oO](?:(?:[fF][\\s\\S]|[\\s\\S](?:[fF])?))?|[\\s\\S](?:[fF]|[oO][fF]))|[oO][fF]|[\\s\\S](?:[eE][oO][fF]|[oO][fF]))|[\\s\\S](?:[eE][oO][fF]|[nN][eE][oO][fF]))|[\\s\\S](?:[nN][eE][oO][fF]|[oO][nN][eE][oO][fF]))|(?:[nN](?:[oO](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[tT]|[\\s\\S](?:[oO][tT]|[tT]))|[oO][tT]|[\\s\\S](?:[nN][oO][tT]|[oO][tT]))|(?:[aA][cC][hH]|[eE](?:[aA](?:[cC](?:(?:[hH][\\s\\S]|[\\s\\S](?:[hH])?))?|[hH]|[\\s\\S](?:[cC][hH]|[hH]))|[cC][hH]|[\\s\\S](?:[aA][cC][hH]|[cC][hH]))|[\\s\\S](?:[aA][cC][hH]|[eE][aA][cC][hH]))|(?:[aA][sS]|[hH](?:[aA](?:(?:[sS][\\s\\S]|[\\s\\S](?:[sS])?))?|[sS]|[\\s\\S](?:[aA][sS]|[sS]))|[\\s\\S](?:[aA][sS]|[hH][aA][sS]))|(?:(?:[uU][nN][oO][rR])(?:(?:[dD](?:[dD]|[eE](?:(?:[eE][dD][\\s\\S][\\s\\S]|[rR](?:[eE](?:[dD][\\s\\S][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?)))|[\\s\\S](?:[dD][\\s\\S][\\s\\S]|[eE](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))|[\\s\\S](?:[dD][\\s\\S]|[eE](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?)|[\\s\\S](?:(?:[dD]|[eE][dD]))?)))|[\\s\\S](?:(?:[eE](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))|[rR](?:[eE](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))|[\\s\\S](?:[dD][\\s\\S]|[eE](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?)|[\\s\\S](?:(?:[dD]|[eE][dD]))?))|[\\s\\S](?:(?:[dD][\\s\\S]|[eE](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?)|[rR](?:[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:(?:[dD]|[eE][dD]|[rR][eE][dD]))?))?))?))?|[rR](?:(?:[eE](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S]))|[\\s\\S](?:(?:[dD][\\s\\S]|[\\s\\S]))?))?|[\\s\\S](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[rR](?:[eE](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))|[\\s\\S](?:(?:[dD][\\s\\S]|[eE](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?)|[\\s\\S](?:(?:[dD]|[eE][dD]))?))?)|[\\s\\S](?:(?:[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[rR](?:[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[dD]|[eE][dD]|[rR][eE][dD])))?))?|[rR](?:(?:[eE](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))|[\\s\\S](?:(?:[dD][\\s\\S]|[eE](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?)|[\\s\\S](?:(?:[dD]|[eE][dD]))?))?))?|[\\s\\S](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[rR](?:[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:(?:[dD]|[eE][dD]|[rR][eE][dD]))?))?|[rR](?:[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[dD]|[eE](?:[dD]|[rR][eE][dD])|[rR][eE][dD]))))|[eE](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S]))?|[rR](?:(?:[eE](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))|[\\s\\S](?:(?:[dD][\\s\\S]|[eE](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?)|[\\s\\S](?:(?:[dD]|[eE][dD]))?))?))?|[\\s\\S](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S][dD]))|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S]))?|[\\s\\S][dD])|[\\s\\S](?:[dD](?:[eE](?:[eE](?:(?:[dD][\\s\\S]|[\\s\\S]))?|[rR](?:(?:[eE](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))|[\\s\\S](?:(?:[dD][\\s\\S]|[eE](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?)|[\\s\\S](?:(?:[dD]|[eE][dD]))?))?))?|[\\s\\S](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[rR](?:[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[dD]|[eE][dD]|[rR][eE][dD])))|[\\s\\S](?:[eE](?:[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[eE][dD]|[rR][eE][dD]))|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[eE](?:[dD]|[rR][eE][dD])|[rR][eE][dD])))|[eE](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S]))?|[rR](?:(?:[eE](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))|[\\s\\S](?:(?:[dD][\\s\\S]|[eE](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?)|[\\s\\S](?:(?:[dD]|[eE][dD]))?))?))?|[\\s\\S](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[rR](?:[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[dD]|[eE][dD]|[rR][eE][dD])))|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S][dD])|[\\s\\S](?:[dD](?:[eE](?:[eE][dD]|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[eE][dD]|[rR][eE][dD]))|[\\s\\S](?:[eE][rR][eE][dD]|[rR][eE][dD]))|[eE](?:[dD]|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[eE][dD]|[rR][eE][dD]))|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[dD][eE][rR][eE][dD]|[eE](?:[dD]|[rR][eE][dD])|[rR][eE][dD])))))|(?:(?:[nN][oO][rR]|[uU](?:[nN](?:[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[rR]|[\\s\\S](?:[oO][rR]|[rR]))|[oO][rR]|[\\s\\S](?:[nN][oO][rR]|[oO][rR]))|[\\s\\S](?:[nN][oO][rR]|[uU][nN][oO][rR])))(?:(?:[dD](?:[eE](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S]))?|[rR](?:(?:[eE](?:[dD][\\s\\S][\\s\\S]|[\\s\\S](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))|[\\s\\S](?:(?:[dD][\\s\\S]|[eE](?:[dD][\\s\\S]|[\\s\\S](?:[dD])?)|[\\s\\S](?:(?:[dD]|[eE][dD]))?))?))?|[\\s\\S](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[rR](?:[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[dD]|[eE][dD]|[rR][eE][dD])))|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S][dD])|[\\s\\S](?:[eE](?:[dD]|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[eE][dD]|[rR][eE][dD]))|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[eE](?:[dD]|[rR][eE][dD])|[rR][eE][dD])))|[eE](?:[eE][dD]|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S][eE][dD])|[rR][eE][dD]|[\\s\\S](?:[dD](?:[eE](?:[eE][dD]|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[eE][dD]|[rR][eE][dD]))|[\\s\\S](?:[eE][rR][eE][dD]|[rR][eE][dD]))|[eE](?:[eE][dD]|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[eE][dD]|[rR][eE][dD]))|[rR][eE][dD]|[\\s\\S](?:[dD][eE][rR][eE][dD]|[eE][rR][eE][dD]|[rR][eE][dD]))))|(?:(?:[nN](?:[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[rR]|[\\s\\S][rR])|[oO][rR]|[uU](?:[nN](?:(?:[oO](?:[rR][\\s\\S][\\s\\S]|[\\s\\S](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))|[\\s\\S](?:(?:[oO](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?)|[rR][\\s\\S]|[\\s\\S](?:(?:[oO][rR]|[rR]))?))?))?|[oO](?:(?:[rR][\\s\\S]|[\\s\\S]))?|[rR]|[\\s\\S](?:[nN](?:[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[\\s\\S](?:[oO][rR]|[rR]))|[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[rR]|[\\s\\S](?:[nN][oO][rR]|[oO][rR]|[rR])))|[\\s\\S](?:[nN](?:[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[rR]|[\\s\\S](?:[oO][rR]|[rR]))|[oO][rR]|[uU](?:[nN](?:[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[rR]|[\\s\\S](?:[oO][rR]|[rR]))|[\\s\\S](?:[nN][oO][rR]|[oO][rR]))|[\\s\\S](?:[nN][oO][rR]|[oO][rR]|[uU][nN][oO][rR]))))(?:(?:[dD](?:[eE](?:[eE][dD]|[rR](?:[dD]|[eE](?:(?:[dD][\\s\\S]|[\\s\\S](?:[dD])?))?|[\\s\\S](?:[dD]|[eE][dD]))|[\\s\\S](?:[eE][dD]|[rR][eE][dD]))|[rR][eE][dD]|[\\s\\S](?:[eE][rR][eE][dD]|[rR][eE][dD]))|[eE][rR][eE][dD]|[\\s\\S](?:[dD][eE][rR][eE][dD]|[eE][rR][eE][dD])))|(?:(?:[nN](?:(?:[oO](?:[rR][\\s\\S][\\s\\S]|[\\s\\S](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))|[\\s\\S](?:(?:[rR][\\s\\S]|[\\s\\S]))?))?|[oO](?:(?:[rR][\\s\\S]|[\\s\\S]))?|[rR]|[uU](?:(?:[nN](?:[oO](?:[rR][\\s\\S][\\s\\S][\\s\\S]|[\\s\\S](?:[rR][\\s\\S][\\s\\S]|[\\s\\S](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?)))|[\\s\\S](?:[oO](?:[rR][\\s\\S][\\s\\S]|[\\s\\S](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))|[rR][\\s\\S][\\s\\S]|[\\s\\S](?:[oO](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?)|[rR][\\s\\S]|[\\s\\S](?:(?:[oO][rR]|[rR]))?)))|[oO][rR][\\s\\S][\\s\\S]|[\\s\\S](?:(?:[nN](?:[oO](?:[rR][\\s\\S][\\s\\S]|[\\s\\S](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))|[\\s\\S](?:[oO](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?)|[rR][\\s\\S]|[\\s\\S](?:(?:[oO][rR]|[rR]))?))|[oO](?:[rR][\\s\\S][\\s\\S]|[\\s\\S](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))|[\\s\\S](?:(?:[nN](?:[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[\\s\\S](?:[oO][rR]|[rR]))|[oO](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?)|[rR][\\s\\S]|[\\s\\S](?:(?:[nN][oO][rR]|[oO][rR]|[rR]))?))?))?))?|[\\s\\S](?:[nN](?:(?:[oO](?:[rR][\\s\\S][\\s\\S]|[\\s\\S](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))|[\\s\\S](?:(?:[oO](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?)|[rR][\\s\\S]|[\\s\\S](?:(?:[oO][rR]|[rR]))?))?))?|[oO](?:(?:[rR][\\s\\S]|[\\s\\S]))?|[rR]|[uU](?:[nN](?:(?:[oO](?:[rR][\\s\\S][\\s\\S]|[\\s\\S](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))|[\\s\\S](?:(?:[oO](?:[rR][\\s\\S]|[\\s\\S](?:[rR])?)|[rR][\\s\\S]|[\\s\\S](?:(?:[oO][rR]|[rR]))?))?))?|[\\s\\S](?:[nN](?:[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[\\s\\S](?:[oO][rR]|[rR]))|[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[\\s\\S](?:[nN][oO][rR]|[oO][rR]|[rR])))|[\\s\\S](?:[nN](?:[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[\\s\\S](?:[oO][rR]|[rR]))|[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[rR]|[uU](?:[nN](?:[oO](?:(?:[rR][\\s\\S]|[\\s\\S](?:[rR])?))?|[rR]|[\\s\\S](?:[oO][rR]|[rR]))|[\\s\\S](?:[nN][oO][rR]|[oO][rR]))|[\\s\\S](?:[nN][oO][rR]|[oO][rR]|[rR]|[uU][nN][oO][rR])))))(?:[dD][eE][rR][eE][dD]))|(?:[jJ](?:[tT]|[wW](?:(?:[tT][\\s\\S]|[\\s\\S](?:[tT])?))?|[\\s\\S](?:[tT]|[wW][tT]))|[wW][tT]|[\\s\\S](?:[jJ][wW][tT]|[wW][tT])))(?![\\s\\S])"
             }
            }
           },
           "examples": [
            {
             "exists": true
            },
            {
             "type": "array",
             "length": {
              "ge": 1
             }
            },
            {
             "contains": "rg-smoke"
            },
            {
             "matches": "^eyJ"
            }
           ]
          },
          "claims": {
           "type": "object",
           "description": "Claim name → a value (equals) or a matcher, checked on a decoded JWT.",
           "additionalProperties": {
            "$ref": "#/$defs/matcher",
            "description": "What the claim must hold."
           },
           "examples": [
            {
             "roles": {
              "contains": "Reader.All"
             },
             "tid": "{{env.AZURE_TENANT_ID}}"
            }
           ]
          },
          "status": {
           "description": "An HTTP status: a code from 100 to 599, a class such as 2xx, a non-empty list of them, or { not: … } for any status but these.",
           "anyOf": [
            {
             "anyOf": [
              {
               "type": "integer",
               "minimum": 100,
               "maximum": 599
              },
              {
               "type": "string",
               "pattern": "^(?:\\+?0*[1-5][0-9]{2}|[1-5][xX]{2})(?![\\s\\S])",
               "patternErrorMessage": "An HTTP status: a code from 100 to 599 or a class such as 2xx."
              }
             ]
            },
            {
             "type": "array",
             "minItems": 1,
             "items": {
              "anyOf": [
               {
                "type": "integer",
                "minimum": 100,
                "maximum": 599
               },
               {
                "type": "string",
                "pattern": "^(?:\\+?0*[1-5][0-9]{2}|[1-5][xX]{2})(?![\\s\\S])",
                "patternErrorMessage": "An HTTP status: a code from 100 to 599 or a class such as 2xx."
               }
              ]
             }
            },
            {
             "type": "object",
             "description": "Any status but these.",
             "properties": {
              "not": {
               "description": "The codes or classes the status must not be (a code, a class or a list of them).",
               "anyOf": [
                {
                 "anyOf": [
                  {
                   "type": "integer",
                   "minimum": 100,
                   "maximum": 599
                  },
                  {
                   "type": "string",
                   "pattern": "^(?:\\+?0*[1-5][0-9]{2}|[1-5][xX]{2})(?![\\s\\S])",
                   "patternErrorMessage": "An HTTP status: a code from 100 to 599 or a class such as 2xx."
                  }
                 ]
                },
                {
                 "type": "array",
                 "minItems": 1,
                 "items": {
                  "anyOf": [
                   {
                    "type": "integer",
                    "minimum": 100,
                    "maximum": 599
                   },
                   {
                    "type": "string",
                    "pattern": "^(?:\\+?0*[1-5][0-9]{2}|[1-5][xX]{2})(?![\\s\\S])",
                    "patternErrorMessage": "An HTTP status: a code from 100 to 599 or a class such as 2xx."
                   }
                  ]
                 }
                }
               ]
              }
             },
             "additionalProperties": false,
             "required": [
              "not"
             ]
            }
           ],
           "examples": [
            200,
            [
             200,
             201
            ],
            "2xx",
            202,
            {
             "not": "5xx"
            }
           ]
          },
          "identity": {
           "type": "object",
           "description": "A declared way to get a bearer token; the keys allowed besides kind, hosts and resource depend on the kind.",
           "properties": {
            "kind": {
             "enum": [
              "clientSecret",
              "clientCertificate",
              "workloadIdentity",
              "managedIdentity",
              "azureCli",
              "token",
              "environment"
             ],
             "description": "How the identity gets its token."
            },
            "hosts": {
             "type": "array",
             "items": {
              "type": [
               "string",
               "number",
               "boolean"
              ],
              "description": "Where the token may also go: an origin (https://api.example.com, http://127.0.0.1:8080), a host with or without a port (https on that port, 443 when none; a loopback host also over http), or *.suffix (https on 443)."
             },
             "description": "Hosts besides the cloud's Resource Manager (or the resource's own hosts) that may receive this identity's token.",
             "examples": [
              [
               "api.partner.example"
              ]
             ]
            },
            "resource": {
             "$ref": "#/$defs/resource",
             "description": "The resource the identity's tokens are for (default arm)."
            },
            "tenant": {
             "$ref": "#/$defs/template",
             "description": "The tenant (directory) id or domain (default {{env.AZURE_TENANT_ID}}).",
             "examples": [
              "{{env.AZURE_TENANT_ID}}"
             ]
            },
            "clientId": {
             "$ref": "#/$defs/template",
             "description": "The application (client) id; for a managed identity, the user-assigned identity's client id (default {{env.AZURE_CLIENT_ID}} for the client kinds).",
             "examples": [
              "{{env.AZURE_CLIENT_ID}}"
             ]
            },
            "secret": {
             "$ref": "#/$defs/template",
             "description": "The client secret (default {{env.AZURE_CLIENT_SECRET}}).",
             "examples": [
              "{{env.READER_CLIENT_SECRET}}"
             ]
            },
            "certificate": {
             "$ref": "#/$defs/template",
             "description": "Path of one PEM file with the certificate and its RSA key (default {{env.AZURE_CLIENT_CERTIFICATE_PATH}}).",
             "examples": [
              "{{env.HOME}}/certs/ci.pem"
             ]
            },
            "password": {
             "$ref": "#/$defs/template",
             "description": "The password of an encrypted key in the certificate file."
            },
            "tokenFile": {
             "$ref": "#/$defs/template",
             "description": "Path of the federated token file (default AZURE_FEDERATED_TOKEN_FILE, else GitHub Actions' OIDC endpoint).",
             "examples": [
              "/var/run/secrets/azure/tokens/azure-identity-token"
             ]
            },
            "audience": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The audience of the federated token asked from GitHub Actions (default api://AzureADTokenExchange).",
             "examples": [
              "api://AzureADTokenExchange"
             ]
            },
            "objectId": {
             "$ref": "#/$defs/template",
             "description": "The managed identity's object (principal) id."
            },
            "resourceId": {
             "$ref": "#/$defs/template",
             "description": "The managed identity's ARM resource id."
            },
            "endpoint": {
             "$ref": "#/$defs/template",
             "description": "clientSecret/clientCertificate: v2 (scope, the default) or v1 (resource); managedIdentity: the IMDS token endpoint URL.",
             "examples": [
              "v1",
              "v2"
             ]
            },
            "command": {
             "description": "The Azure CLI command that prints a token (default [az, account, get-access-token]); a string is split at spaces.",
             "anyOf": [
              {
               "type": "string",
               "pattern": "[^ ]"
              },
              {
               "type": [
                "number",
                "boolean",
                "null"
               ]
              },
              {
               "type": "array",
               "minItems": 1,
               "items": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "A word of the command."
               }
              }
             ],
             "examples": [
              [
               "az",
               "account",
               "get-access-token"
              ]
             ]
            },
            "variable": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The environment variable that holds the bearer token.",
             "examples": [
              "ARM_TOKEN"
             ]
            }
           },
           "required": [
            "kind"
           ],
           "additionalProperties": false,
           "allOf": [
            {
             "if": {
              "properties": {
               "kind": {
                "const": "clientSecret",
                "description": "How the identity gets its token."
               }
              },
              "required": [
               "kind"
              ]
             },
             "then": {
              "properties": {
               "audience": {
                "not": {},
                "description": "A clientSecret identity takes no 'audience'."
               },
               "certificate": {
                "not": {},
                "description": "A clientSecret identity takes no 'certificate'."
               },
               "command": {
                "not": {},
                "description": "A clientSecret identity takes no 'command'."
               },
               "objectId": {
                "not": {},
                "description": "A clientSecret identity takes no 'objectId'."
               },
               "password": {
                "not": {},
                "description": "A clientSecret identity takes no 'password'."
               },
               "resourceId": {
                "not": {},
                "description": "A clientSecret identity takes no 'resourceId'."
               },
               "tokenFile": {
                "not": {},
                "description": "A clientSecret identity takes no 'tokenFile'."
               },
               "variable": {
                "not": {},
                "description": "A clientSecret identity takes no 'variable'."
               },
               "endpoint": {
                "type": "string",
                "pattern": "^[vV][12](?![\\s\\S])",
                "description": "v2 (scope, the default) or v1 (resource)."
               }
              }
             }
            },
            {
             "if": {
              "properties": {
               "kind": {
                "const": "clientCertificate",
                "description": "How the identity gets its token."
               }
              },
              "required": [
               "kind"
              ]
             },
             "then": {
              "properties": {
               "audience": {
                "not": {},
                "description": "A clientCertificate identity takes no 'audience'."
               },
               "command": {
                "not": {},
                "description": "A clientCertificate identity takes no 'command'."
               },
               "objectId": {
                "not": {},
                "description": "A clientCertificate identity takes no 'objectId'."
               },
               "resourceId": {
                "not": {},
                "description": "A clientCertificate identity takes no 'resourceId'."
               },
               "secret": {
                "not": {},
                "description": "A clientCertificate identity takes no 'secret'."
               },
               "tokenFile": {
                "not": {},
                "description": "A clientCertificate identity takes no 'tokenFile'."
               },
               "variable": {
                "not": {},
                "description": "A clientCertificate identity takes no 'variable'."
               },
               "endpoint": {
                "type": "string",
                "pattern": "^[vV][12](?![\\s\\S])",
                "description": "v2 (scope, the default) or v1 (resource)."
               }
              }
             }
            },
            {
             "if": {
              "properties": {
               "kind": {
                "const": "workloadIdentity",
                "description": "How the identity gets its token."
               }
              },
              "required": [
               "kind"
              ]
             },
             "then": {
              "properties": {
               "certificate": {
                "not": {},
                "description": "A workloadIdentity identity takes no 'certificate'."
               },
               "command": {
                "not": {},
                "description": "A workloadIdentity identity takes no 'command'."
               },
               "endpoint": {
                "not": {},
                "description": "A workloadIdentity identity takes no 'endpoint'."
               },
               "objectId": {
                "not": {},
                "description": "A workloadIdentity identity takes no 'objectId'."
               },
               "password": {
                "not": {},
                "description": "A workloadIdentity identity takes no 'password'."
               },
               "resourceId": {
                "not": {},
                "description": "A workloadIdentity identity takes no 'resourceId'."
               },
               "secret": {
                "not": {},
                "description": "A workloadIdentity identity takes no 'secret'."
               },
               "variable": {
                "not": {},
                "description": "A workloadIdentity identity takes no 'variable'."
               }
              }
             }
            },
            {
             "if": {
              "properties": {
               "kind": {
                "const": "managedIdentity",
                "description": "How the identity gets its token."
               }
              },
              "required": [
               "kind"
              ]
             },
             "then": {
              "properties": {
               "audience": {
                "not": {},
                "description": "A managedIdentity identity takes no 'audience'."
               },
               "certificate": {
                "not": {},
                "description": "A managedIdentity identity takes no 'certificate'."
               },
               "command": {
                "not": {},
                "description": "A managedIdentity identity takes no 'command'."
               },
               "password": {
                "not": {},
                "description": "A managedIdentity identity takes no 'password'."
               },
               "secret": {
                "not": {},
                "description": "A managedIdentity identity takes no 'secret'."
               },
               "tenant": {
                "not": {},
                "description": "A managedIdentity identity takes no 'tenant'."
               },
               "tokenFile": {
                "not": {},
                "description": "A managedIdentity identity takes no 'tokenFile'."
               },
               "variable": {
                "not": {},
                "description": "A managedIdentity identity takes no 'variable'."
               }
              },
              "not": {
               "anyOf": [
                {
                 "required": [
                  "clientId",
                  "objectId"
                 ]
                },
                {
                 "required": [
                  "clientId",
                  "resourceId"
                 ]
                },
                {
                 "required": [
                  "objectId",
                  "resourceId"
                 ]
                }
               ]
              }
             }
            },
            {
             "if": {
              "properties": {
               "kind": {
                "const": "azureCli",
                "description": "How the identity gets its token."
               }
              },
              "required": [
               "kind"
              ]
             },
             "then": {
              "properties": {
               "audience": {
                "not": {},
                "description": "A azureCli identity takes no 'audience'."
               },
               "certificate": {
                "not": {},
                "description": "A azureCli identity takes no 'certificate'."
               },
               "clientId": {
                "not": {},
                "description": "A azureCli identity takes no 'clientId'."
               },
               "endpoint": {
                "not": {},
                "description": "A azureCli identity takes no 'endpoint'."
               },
               "objectId": {
                "not": {},
                "description": "A azureCli identity takes no 'objectId'."
               },
               "password": {
                "not": {},
                "description": "A azureCli identity takes no 'password'."
               },
               "resourceId": {
                "not": {},
                "description": "A azureCli identity takes no 'resourceId'."
               },
               "secret": {
                "not": {},
                "description": "A azureCli identity takes no 'secret'."
               },
               "tenant": {
                "not": {},
                "description": "A azureCli identity takes no 'tenant'."
               },
               "tokenFile": {
                "not": {},
                "description": "A azureCli identity takes no 'tokenFile'."
               },
               "variable": {
                "not": {},
                "description": "A azureCli identity takes no 'variable'."
               }
              }
             }
            },
            {
             "if": {
              "properties": {
               "kind": {
                "const": "token",
                "description": "How the identity gets its token."
               }
              },
              "required": [
               "kind"
              ]
             },
             "then": {
              "properties": {
               "audience": {
                "not": {},
                "description": "A token identity takes no 'audience'."
               },
               "certificate": {
                "not": {},
                "description": "A token identity takes no 'certificate'."
               },
               "clientId": {
                "not": {},
                "description": "A token identity takes no 'clientId'."
               },
               "command": {
                "not": {},
                "description": "A token identity takes no 'command'."
               },
               "endpoint": {
                "not": {},
                "description": "A token identity takes no 'endpoint'."
               },
               "objectId": {
                "not": {},
                "description": "A token identity takes no 'objectId'."
               },
               "password": {
                "not": {},
                "description": "A token identity takes no 'password'."
               },
               "resourceId": {
                "not": {},
                "description": "A token identity takes no 'resourceId'."
               },
               "secret": {
                "not": {},
                "description": "A token identity takes no 'secret'."
               },
               "tenant": {
                "not": {},
                "description": "A token identity takes no 'tenant'."
               },
               "tokenFile": {
                "not": {},
                "description": "A token identity takes no 'tokenFile'."
               }
              },
              "required": [
               "variable"
              ]
             }
            },
            {
             "if": {
              "properties": {
               "kind": {
                "const": "environment",
                "description": "How the identity gets its token."
               }
              },
              "required": [
               "kind"
              ]
             },
             "then": {
              "properties": {
               "audience": {
                "not": {},
                "description": "A environment identity takes no 'audience'."
               },
               "certificate": {
                "not": {},
                "description": "A environment identity takes no 'certificate'."
               },
               "clientId": {
                "not": {},
                "description": "A environment identity takes no 'clientId'."
               },
               "command": {
                "not": {},
                "description": "A environment identity takes no 'command'."
               },
               "endpoint": {
                "not": {},
                "description": "A environment identity takes no 'endpoint'."
               },
               "objectId": {
                "not": {},
                "description": "A environment identity takes no 'objectId'."
               },
               "password": {
                "not": {},
                "description": "A environment identity takes no 'password'."
               },
               "resourceId": {
                "not": {},
                "description": "A environment identity takes no 'resourceId'."
               },
               "secret": {
                "not": {},
                "description": "A environment identity takes no 'secret'."
               },
               "tenant": {
                "not": {},
                "description": "A environment identity takes no 'tenant'."
               },
               "tokenFile": {
                "not": {},
                "description": "A environment identity takes no 'tokenFile'."
               },
               "variable": {
                "not": {},
                "description": "A environment identity takes no 'variable'."
               }
              }
             }
            }
           ],
           "examples": [
            {
             "kind": "clientSecret"
            },
            {
             "kind": "workloadIdentity"
            },
            {
             "kind": "managedIdentity",
             "clientId": "{{env.MI_CLIENT_ID}}"
            },
            {
             "kind": "azureCli"
            },
            {
             "kind": "token",
             "variable": "ARM_TOKEN"
            }
           ]
          },
          "identities": {
           "type": "object",
           "description": "Identities by name (letters, digits, '-' and '_').",
           "propertyNames": {
            "$ref": "#/$defs/identifier"
           },
           "additionalProperties": {
            "$ref": "#/$defs/identity",
            "description": "An identity."
           }
          },
          "request": {
           "type": "object",
           "description": "The HTTP request the test sends.",
           "properties": {
            "method": {
             "type": "string",
             "pattern": "^(?:[gG][eE][tT]|[hH][eE][aA][dD]|[pP][oO][sS][tT]|[pP][uU][tT]|[pP][aA][tT][cC][hH]|[dD][eE][lL][eE][tT][eE]|[oO][pP][tT][iI][oO][nN][sS])(?![\\s\\S])",
             "patternErrorMessage": "GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS.",
             "description": "The HTTP method (any case; default GET).",
             "examples": [
              "GET",
              "POST",
              "PUT",
              "PATCH",
              "DELETE",
              "HEAD",
              "OPTIONS"
             ]
            },
            "url": {
             "type": "string",
             "description": "https://…, a URL starting with {{cloud.arm}} or {{cloud.login}}, or /… (a path on the cloud's Resource Manager); no white space or control characters.",
             "allOf": [
              {
               "pattern": "^(?:[^{\\x00-\\x20\\x7F-\\x9F]|\\{(?!\\{)|\\{\\{[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*[^{}\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*\\}\\})*(?![\\s\\S])",
               "patternErrorMessage": "A URL holds no white space or control characters (percent-encode them, or use query:), and every '{{' needs its '}}'."
              },
              {
               "pattern": "^(?:https?://|/)|\\{\\{",
               "patternErrorMessage": "A URL starts with https:// (or {{cloud.arm}} / {{cloud.login}}, or / for a path on Resource Manager)."
              }
             ],
             "examples": [
              "{{cloud.arm}}/subscriptions/{{subscriptionId}}/resourcegroups",
              "/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}",
              "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/v2.0/token"
             ]
            },
            "query": {
             "$ref": "#/$defs/templateMap",
             "description": "Name → value pairs appended to the URL, percent-encoded.",
             "examples": [
              {
               "api-version": "2021-04-01"
              }
             ]
            },
            "headers": {
             "$ref": "#/$defs/headerMap",
             "description": "Request headers: name → value."
            },
            "form": {
             "$ref": "#/$defs/templateMap",
             "description": "Fields sent as application/x-www-form-urlencoded (token requests).",
             "examples": [
              {
               "grant_type": "client_credentials",
               "client_id": "{{env.AZURE_CLIENT_ID}}"
              }
             ]
            },
            "json": {
             "$ref": "#/$defs/jsonValue",
             "description": "Any YAML value, sent as JSON with Content-Type: application/json.",
             "examples": [
              {
               "location": "westeurope"
              }
             ]
            },
            "body": {
             "$ref": "#/$defs/template",
             "description": "The raw body as text."
            },
            "timeout": {
             "$ref": "#/$defs/timeout",
             "description": "Seconds the whole exchange may take (0.001 to 3600; default --timeout, 30)."
            },
            "paginate": {
             "description": "Follow nextLink and assert on every page's items: true (up to 100 pages) or the most pages to read (1 to 1000); GET only.",
             "anyOf": [
              {
               "type": "boolean"
              },
              {
               "type": "integer",
               "minimum": 1,
               "maximum": 1000
              }
             ],
             "examples": [
              true,
              10
             ]
            },
            "poll": {
             "description": "Follow a long-running operation to its end: true (600 s at most) or { timeout: SECONDS }.",
             "anyOf": [
              {
               "type": "boolean"
              },
              {
               "type": "object",
               "description": "How long to follow the operation.",
               "properties": {
                "timeout": {
                 "type": "number",
                 "minimum": 1,
                 "maximum": 7200,
                 "description": "Seconds to wait for the operation at most (1 to 7200).",
                 "examples": [
                  120
                 ]
                }
               },
               "additionalProperties": false,
               "required": [
                "timeout"
               ]
              }
             ],
             "examples": [
              true,
              {
               "timeout": 120
              }
             ]
            }
           },
           "required": [
            "url"
           ],
           "additionalProperties": false,
           "allOf": [
            {
             "if": {
              "required": [
               "form"
              ]
             },
             "then": {
              "properties": {
               "json": {
                "not": {},
                "description": "A request takes one of form, json or body."
               },
               "body": {
                "not": {},
                "description": "A request takes one of form, json or body."
               }
              }
             }
            },
            {
             "if": {
              "required": [
               "json"
              ]
             },
             "then": {
              "properties": {
               "body": {
                "not": {},
                "description": "A request takes one of form, json or body."
               }
              }
             }
            },
            {
             "if": {
              "required": [
               "paginate"
              ],
              "properties": {
               "paginate": {
                "not": {
                 "const": false
                },
                "description": "Follow nextLink and assert on every page's items: true (up to 100 pages) or the most pages to read (1 to 1000); GET only."
               }
              }
             },
             "then": {
              "properties": {
               "method": {
                "pattern": "^[Gg][Ee][Tt](?![\\s\\S])",
                "patternErrorMessage": "paginate follows nextLink of a list, which is a GET.",
                "description": "The HTTP method (any case; default GET)."
               }
              }
             }
            }
           ]
          },
          "expect": {
           "type": "object",
           "description": "What the response must hold; every mismatch is reported, the status first.",
           "properties": {
            "status": {
             "$ref": "#/$defs/status",
             "description": "The status of the (final) response: a code, a class such as 2xx, or a list of them."
            },
            "initialStatus": {
             "$ref": "#/$defs/status",
             "description": "With poll: the status of the first answer (e.g. 202); status checks the final one."
            },
            "denied": {
             "const": true,
             "description": "true: ARM refused the request for want of permission (403 AuthorizationFailed or LinkedAuthorizationFailed); not with status."
            },
            "headers": {
             "type": "object",
             "description": "Header name (any case) → a value (equals) or a matcher; several values of one header are joined with ', '.",
             "additionalProperties": {
              "$ref": "#/$defs/matcher",
              "description": "What the header must hold."
             },
             "examples": [
              {
               "content-type": {
                "contains": "application/json"
               }
              }
             ]
            },
            "json": {
             "type": "object",
             "description": "JSONPath → a value (equals) or a matcher.",
             "propertyNames": {
              "$ref": "#/$defs/jsonPath"
             },
             "additionalProperties": {
              "$ref": "#/$defs/matcher",
              "description": "What the nodes the path selects must hold."
             },
             "examples": [
              {
               "$.value": {
                "type": "array"
               },
               "$.value[*].name": {
                "contains": "rg-smoke"
               }
              }
             ]
            },
            "body": {
             "$ref": "#/$defs/matcher",
             "description": "The raw body as text → a value or a matcher.",
             "examples": [
              {
               "contains": "Sign in"
              }
             ]
            },
            "token": {
             "$ref": "#/$defs/claims",
             "description": "Claim name → a value or a matcher, checked on the decoded token of the test's identity."
            }
           },
           "additionalProperties": false,
           "if": {
            "required": [
             "denied"
            ]
           },
           "then": {
            "properties": {
             "status": {
              "not": {},
              "description": "'denied: true' already expects 403; remove status or denied."
             }
            }
           }
          },
          "capture": {
           "type": "object",
           "description": "Values kept from a passing test's response for the tests after it: name → a JSONPath, or { json | header, secret }.",
           "propertyNames": {
            "$ref": "#/$defs/identifier"
           },
           "additionalProperties": {
            "description": "A JSONPath (a non-singular path captures the array), or { json: PATH } / { header: NAME } with an optional secret.",
            "anyOf": [
             {
              "$ref": "#/$defs/jsonPath"
             },
             {
              "type": "object",
              "properties": {
               "json": {
                "$ref": "#/$defs/jsonPath",
                "description": "The JSONPath whose value is captured."
               },
               "header": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "The response header whose value is captured.",
                "examples": [
                 "Location"
                ]
               },
               "secret": {
                "type": "boolean",
                "description": "true: redact the value everywhere it would be shown."
               }
              },
              "additionalProperties": false,
              "oneOf": [
               {
                "required": [
                 "json"
                ]
               },
               {
                "required": [
                 "header"
                ]
               }
              ]
             }
            ]
           },
           "examples": [
            {
             "token": "$.access_token",
             "location": {
              "header": "Location"
             },
             "groupId": {
              "json": "$.id",
              "secret": true
             }
            }
           ]
          },
          "permissions": {
           "type": "object",
           "description": "A declared permission check (instead of a request): what Azure RBAC lets the test's identity do at a scope.",
           "properties": {
            "scope": {
             "type": "string",
             "description": "The ARM scope: /subscriptions/{id}, …/resourceGroups/{name}, or …/providers/{Namespace}/{type}/{name}.",
             "allOf": [
              {
               "pattern": "^(?:[^{]|\\{(?!\\{)|\\{\\{[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*[^{}\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*\\}\\})*(?![\\s\\S])",
               "patternErrorMessage": "Every '{{' needs a closing '}}' around a name."
              },
              {
               "pattern": "\\{\\{|^/[sS][uU][bB][sS][cC][rR][iI][pP][tT][iI][oO][nN][sS]/[^/]+(?:/[rR][eE][sS][oO][uU][rR][cC][eE][gG][rR][oO][uU][pP][sS]/[^/]+(?:/[pP][rR][oO][vV][iI][dD][eE][rR][sS]/[^/]*\\.[^/]*/[^/]+/[^/]+(?:/[^/]+/[^/]+)*)?)?/?(?![\\s\\S])",
               "patternErrorMessage": "An ARM scope: /subscriptions/{id}, …/resourceGroups/{name} or …/resourceGroups/{name}/providers/{Namespace}/{type}/{name}."
              }
             ],
             "examples": [
              "/subscriptions/{{subscriptionId}}/resourceGroups/rg-app"
             ]
            },
            "allow": {
             "type": "array",
             "description": "Actions that must be allowed; a wildcard must be granted as written by some role.",
             "items": {
              "type": "string",
              "pattern": "^(?![\\s\\S]*\\*[\\s\\S]*\\*)(?:\\*|(?:\\*|[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/])(?:/[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+)(?![\\s\\S])",
              "description": "An action or a pattern with one '*'.",
              "patternErrorMessage": "An action reads Provider.Namespace/resourceType/…/verb, e.g. Microsoft.Storage/storageAccounts/read; at most one '*'."
             }
            },
            "deny": {
             "type": "array",
             "description": "Actions that must be denied; no wildcards.",
             "items": {
              "type": "string",
              "pattern": "^[^.*\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^*\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^*\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.*\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/](?:/[^*\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+(?![\\s\\S])",
              "description": "An action (no wildcard).",
              "patternErrorMessage": "An action reads Provider.Namespace/resourceType/…/verb, e.g. Microsoft.Storage/storageAccounts/read; no wildcard in a deny list."
             }
            },
            "dataActions": {
             "type": "object",
             "description": "Data actions that must be allowed or denied (decided by dataActions/notDataActions alone).",
             "properties": {
              "allow": {
               "type": "array",
               "description": "Data actions that must be allowed.",
               "items": {
                "type": "string",
                "pattern": "^(?![\\s\\S]*\\*[\\s\\S]*\\*)(?:\\*|(?:\\*|[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/])(?:/[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+)(?![\\s\\S])",
                "description": "A data action or a pattern with one '*'.",
                "patternErrorMessage": "An action reads Provider.Namespace/resourceType/…/verb, e.g. Microsoft.Storage/storageAccounts/read; at most one '*'."
               }
              },
              "deny": {
               "type": "array",
               "description": "Data actions that must be denied; no wildcards.",
               "items": {
                "type": "string",
                "pattern": "^[^.*\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^*\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^*\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.*\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/](?:/[^*\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+(?![\\s\\S])",
                "description": "A data action (no wildcard).",
                "patternErrorMessage": "An action reads Provider.Namespace/resourceType/…/verb, e.g. Microsoft.Storage/storageAccounts/read; no wildcard in a deny list."
               }
              }
             },
             "additionalProperties": false
            },
            "exactly": {
             "type": "boolean",
             "description": "true: fail on any action or wildcard granted beyond the allow lists (drift)."
            }
           },
           "required": [
            "scope"
           ],
           "additionalProperties": false,
           "anyOf": [
            {
             "required": [
              "exactly"
             ],
             "properties": {
              "exactly": {
               "const": true,
               "description": "true: fail on any action or wildcard granted beyond the allow lists (drift)."
              }
             }
            },
            {
             "required": [
              "allow"
             ],
             "properties": {
              "allow": {
               "minItems": 1,
               "description": "Actions that must be allowed; a wildcard must be granted as written by some role."
              }
             }
            },
            {
             "required": [
              "deny"
             ],
             "properties": {
              "deny": {
               "minItems": 1,
               "description": "Actions that must be denied; no wildcards."
              }
             }
            },
            {
             "required": [
              "dataActions"
             ],
             "properties": {
              "dataActions": {
               "anyOf": [
                {
                 "required": [
                  "allow"
                 ],
                 "properties": {
                  "allow": {
                   "minItems": 1,
                   "description": "Data actions that must be allowed."
                  }
                 }
                },
                {
                 "required": [
                  "deny"
                 ],
                 "properties": {
                  "deny": {
                   "minItems": 1,
                   "description": "Data actions that must be denied; no wildcards."
                  }
                 }
                }
               ],
               "description": "Data actions that must be allowed or denied (decided by dataActions/notDataActions alone)."
              }
             }
            }
           ]
          },
          "test": {
           "type": "object",
           "description": "One test: a request (or a declared permission check, or a token check) and what must hold.",
           "properties": {
            "name": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The test's name (the JUnit testcase name), unique within the file."
            },
            "description": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "Free text."
            },
            "tags": {
             "$ref": "#/$defs/tags",
             "description": "The test's tags (its suite's come on top), for --tag and --skip-tag."
            },
            "identity": {
             "$ref": "#/$defs/identityChoice",
             "description": "The identity whose token the test sends: a name, true for the default, or false to turn the suite's off."
            },
            "resource": {
             "$ref": "#/$defs/resource",
             "description": "The resource the test's token is for, over the identity's own."
            },
            "request": {
             "$ref": "#/$defs/request",
             "description": "The HTTP request to send."
            },
            "permissions": {
             "$ref": "#/$defs/permissions",
             "description": "A declared permission check, instead of a request."
            },
            "expect": {
             "$ref": "#/$defs/expect",
             "description": "What the response must hold."
            },
            "capture": {
             "$ref": "#/$defs/capture",
             "description": "Values to keep for the tests after this one."
            },
            "retry": {
             "$ref": "#/$defs/retry",
             "description": "The test's retry policy (over the suite's and azspec.yaml's)."
            },
            "always": {
             "type": "boolean",
             "description": "true: a cleanup, run even when the run is interrupted."
            },
            "skip": {
             "type": [
              "boolean",
              "string"
             ],
             "description": "true, or a reason: report the test as skipped and send nothing.",
             "examples": [
              true,
              "waiting for the quota increase"
             ]
            }
           },
           "required": [
            "name"
           ],
           "additionalProperties": false,
           "allOf": [
            {
             "anyOf": [
              {
               "required": [
                "request"
               ]
              },
              {
               "required": [
                "permissions"
               ]
              },
              {
               "required": [
                "expect"
               ],
               "properties": {
                "expect": {
                 "required": [
                  "token"
                 ],
                 "properties": {
                  "token": {
                   "minProperties": 1,
                   "description": "Claim name → a value or a matcher, checked on the decoded token of the test's identity."
                  }
                 },
                 "description": "What the response must hold."
                }
               }
              }
             ]
            },
            {
             "if": {
              "required": [
               "permissions"
              ]
             },
             "then": {
              "properties": {
               "request": {
                "not": {},
                "description": "A test has either request or permissions: a permission check sends its own reads."
               },
               "capture": {
                "not": {},
                "description": "A permission check captures nothing."
               },
               "resource": {
                "not": {},
                "description": "A permission check reads Resource Manager with a Resource Manager token."
               },
               "expect": {
                "properties": {
                 "status": {
                  "not": {},
                  "description": "A permission check's expect may only hold token."
                 },
                 "initialStatus": {
                  "not": {},
                  "description": "A permission check's expect may only hold token."
                 },
                 "denied": {
                  "not": {},
                  "description": "A permission check's expect may only hold token."
                 },
                 "body": {
                  "not": {},
                  "description": "A permission check's expect may only hold token."
                 },
                 "json": {
                  "maxProperties": 0,
                  "description": "JSONPath → a value (equals) or a matcher."
                 },
                 "headers": {
                  "maxProperties": 0,
                  "description": "Header name (any case) → a value (equals) or a matcher; several values of one header are joined with ', '."
                 }
                },
                "description": "What the response must hold."
               }
              }
             }
            },
            {
             "if": {
              "required": [
               "expect"
              ],
              "properties": {
               "expect": {
                "required": [
                 "initialStatus"
                ],
                "description": "What the response must hold."
               }
              }
             },
             "then": {
              "required": [
               "request"
              ],
              "properties": {
               "request": {
                "required": [
                 "poll"
                ],
                "properties": {
                 "poll": {
                  "not": {
                   "const": false
                  },
                  "description": "Follow a long-running operation to its end: true (600 s at most) or { timeout: SECONDS }."
                 }
                },
                "description": "The HTTP request to send."
               }
              }
             }
            }
           ]
          },
          "spec": {
           "type": "object",
           "description": "An azspec spec file: one suite of tests run in order.",
           "properties": {
            "name": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The suite's name (the JUnit testsuite name)."
            },
            "description": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "Free text."
            },
            "tags": {
             "$ref": "#/$defs/tags",
             "description": "Tags every test of the suite carries, for --tag and --skip-tag."
            },
            "vars": {
             "type": "object",
             "description": "Suite variables: name → template, which may use the environment, the cloud and earlier variables.",
             "propertyNames": {
              "pattern": "^[A-Za-z_][A-Za-z0-9_-]*(?![\\s\\S])",
              "patternErrorMessage": "Letters, digits, '_' and '-', starting with a letter or '_'.",
              "not": {
               "enum": [
                "env",
                "cloud",
                "run"
               ]
              },
              "description": "A variable name: letters, digits, '_' and '-', starting with a letter or '_'; not env, cloud or run."
             },
             "additionalProperties": {
              "$ref": "#/$defs/template",
              "description": "The variable's value."
             },
             "examples": [
              {
               "subscriptionId": "{{env.AZURE_SUBSCRIPTION_ID}}"
              }
             ]
            },
            "identity": {
             "$ref": "#/$defs/identityChoice",
             "description": "The identity the suite's tests use: a name, or true for the default one."
            },
            "identities": {
             "$ref": "#/$defs/identities",
             "description": "Identities declared for this suite only (over azspec.yaml's)."
            },
            "retry": {
             "$ref": "#/$defs/retry",
             "description": "The suite's retry policy (over azspec.yaml's)."
            },
            "tests": {
             "type": "array",
             "minItems": 1,
             "items": {
              "$ref": "#/$defs/test"
             },
             "description": "The tests, run in order; names must be unique within the file."
            }
           },
           "required": [
            "name",
            "tests"
           ],
           "additionalProperties": false,
           "if": {
            "required": [
             "identity"
            ],
            "properties": {
             "identity": {
              "anyOf": [
               {
                "const": true
               },
               {
                "type": "string"
               }
              ],
              "description": "The identity the suite's tests use: a name, or true for the default one."
             }
            }
           },
           "else": {
            "properties": {
             "tests": {
              "items": {
               "if": {
                "type": "object",
                "not": {
                 "required": [
                  "request"
                 ]
                }
               },
               "then": {
                "required": [
                 "identity"
                ],
                "properties": {
                 "identity": {
                  "anyOf": [
                   {
                    "const": true
                   },
                   {
                    "type": "string"
                   }
                  ],
                  "description": "The identity the suite's tests use: a name, or true for the default one."
                 }
                }
               }
              },
              "description": "The tests, run in order; names must be unique within the file."
             }
            }
           }
          },
          "project": {
           "type": "object",
           "description": "azspec.yaml: settings shared by every spec in its folder and below.",
           "properties": {
            "cloud": {
             "description": "AzureCloud, AzureChinaCloud, AzureUSGovernment, or a custom cloud { login, arm, audience }.",
             "anyOf": [
              {
               "type": "string",
               "pattern": "^(?:[aA][zZ][uU][rR][eE][cC][lL][oO][uU][dD]|[aA][zZ][uU][rR][eE][cC][hH][iI][nN][aA][cC][lL][oO][uU][dD]|[aA][zZ][uU][rR][eE][uU][sS][gG][oO][vV][eE][rR][nN][mM][eE][nN][tT])(?![\\s\\S])",
               "patternErrorMessage": "AzureCloud, AzureChinaCloud or AzureUSGovernment (any case), or { login, arm }."
              },
              {
               "type": "object",
               "description": "A custom cloud's endpoints.",
               "properties": {
                "login": {
                 "type": "string",
                 "pattern": "^https?://",
                 "description": "The Entra ID authority, e.g. https://login.microsoftonline.com."
                },
                "arm": {
                 "type": "string",
                 "pattern": "^https?://",
                 "description": "The Resource Manager endpoint, e.g. https://management.azure.com."
                },
                "audience": {
                 "type": "string",
                 "pattern": "^https?://",
                 "description": "The Resource Manager audience tokens are asked for (default: arm with a trailing slash)."
                }
               },
               "additionalProperties": false,
               "required": [
                "login",
                "arm"
               ]
              }
             ],
             "examples": [
              "AzureCloud",
              "AzureChinaCloud",
              "AzureUSGovernment",
              {
               "login": "https://login.example.com",
               "arm": "https://management.example.com"
              }
             ]
            },
            "identities": {
             "$ref": "#/$defs/identities",
             "description": "Identities every spec below may name."
            },
            "defaultIdentity": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The identity identity: true means (default: the built-in environment identity).",
             "examples": [
              "deployer"
             ]
            },
            "retry": {
             "$ref": "#/$defs/retry",
             "description": "The default retry policy of every test below."
            },
            "apiVersion": {
             "type": "string",
             "allOf": [
              {
               "pattern": "^-*[^-]{4}-+[^-]{2}-+[^-]{2}",
               "patternErrorMessage": "An ARM api-version such as 2021-04-01 or 2022-05-01-preview."
              },
              {
               "pattern": "^(?:[^\\x00-\\x2C\\x2E\\x2F\\x3A-\\x7F]{10}|[^\\x00-\\x2C\\x2E\\x2F\\x3A-\\x7F]{0,9}(?![\\s\\S]))",
               "patternErrorMessage": "An ARM api-version such as 2021-04-01 or 2022-05-01-preview."
              }
             ],
             "description": "The api-version for Resource Manager requests that name none, such as 2021-04-01 or 2022-05-01-preview.",
             "examples": [
              "2021-04-01"
             ]
            },
            "apiVersions": {
             "type": [
              "object",
              "null"
             ],
             "description": "api-version per resource provider namespace (a path's last providers/{namespace}).",
             "additionalProperties": {
              "type": [
               "string",
               "number",
               "boolean",
               "null"
              ],
              "description": "The provider's api-version."
             },
             "examples": [
              {
               "Microsoft.Storage": "2023-01-01"
              }
             ]
            },
            "headers": {
             "$ref": "#/$defs/headerMap",
             "description": "Headers sent with every request that does not set the header itself."
            },
            "timeout": {
             "$ref": "#/$defs/timeout",
             "description": "Seconds per request for every spec below, over --timeout (a request's own timeout wins)."
            },
            "exclude": {
             "type": [
              "array",
              "null"
             ],
             "description": "Glob patterns (relative to this file's folder) of spec files to leave out.",
             "items": {
              "type": [
               "string",
               "number",
               "boolean"
              ],
              "description": "A glob: ? one character, * any run within a folder, ** across folders.",
              "examples": [
               "drafts/**",
               "**/wip-*.yaml"
              ]
             }
            },
            "rateLimit": {
             "description": "Keep the run inside ARM's token buckets per subscription and principal: true (the default, ARM's reads 250 + 25/s, writes and deletes 200 + 10/s), false, or other sizes.",
             "examples": [
              false,
              {
               "reads": {
                "burst": 250,
                "refill": 25
               },
               "margin": 10
              }
             ],
             "anyOf": [
              {
               "type": "boolean"
              },
              {
               "type": "object",
               "additionalProperties": false,
               "properties": {
                "reads": {
                 "description": "GET and HEAD requests.",
                 "anyOf": [
                  {
                   "type": "boolean",
                   "const": false
                  },
                  {
                   "type": "object",
                   "additionalProperties": false,
                   "required": [
                    "burst",
                    "refill"
                   ],
                   "properties": {
                    "burst": {
                     "type": "integer",
                     "minimum": 1,
                     "maximum": 1000000,
                     "description": "Tokens the bucket holds when full.",
                     "examples": [
                      250
                     ]
                    },
                    "refill": {
                     "type": "number",
                     "minimum": 0.01,
                     "maximum": 1000000,
                     "description": "Tokens it regains a second.",
                     "examples": [
                      25
                     ]
                    }
                   }
                  }
                 ]
                },
                "writes": {
                 "description": "PUT, PATCH and POST requests.",
                 "anyOf": [
                  {
                   "type": "boolean",
                   "const": false
                  },
                  {
                   "type": "object",
                   "additionalProperties": false,
                   "required": [
                    "burst",
                    "refill"
                   ],
                   "properties": {
                    "burst": {
                     "type": "integer",
                     "minimum": 1,
                     "maximum": 1000000,
                     "description": "Tokens the bucket holds when full.",
                     "examples": [
                      250
                     ]
                    },
                    "refill": {
                     "type": "number",
                     "minimum": 0.01,
                     "maximum": 1000000,
                     "description": "Tokens it regains a second.",
                     "examples": [
                      25
                     ]
                    }
                   }
                  }
                 ]
                },
                "deletes": {
                 "description": "DELETE requests.",
                 "anyOf": [
                  {
                   "type": "boolean",
                   "const": false
                  },
                  {
                   "type": "object",
                   "additionalProperties": false,
                   "required": [
                    "burst",
                    "refill"
                   ],
                   "properties": {
                    "burst": {
                     "type": "integer",
                     "minimum": 1,
                     "maximum": 1000000,
                     "description": "Tokens the bucket holds when full.",
                     "examples": [
                      250
                     ]
                    },
                    "refill": {
                     "type": "number",
                     "minimum": 0.01,
                     "maximum": 1000000,
                     "description": "Tokens it regains a second.",
                     "examples": [
                      25
                     ]
                    }
                   }
                  }
                 ]
                },
                "margin": {
                 "type": "integer",
                 "minimum": 0,
                 "maximum": 1000000,
                 "description": "Tokens kept back in every bucket for other clients of the same principal.",
                 "examples": [
                  10
                 ]
                }
               }
              }
             ]
            }
           },
           "additionalProperties": false
          },
          "emulatorServicePrincipal": {
           "type": "object",
           "description": "An application's service principal.",
           "properties": {
            "name": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "minLength": 1,
             "description": "The principal's name (role assignments may name it)."
            },
            "clientId": {
             "type": "string",
             "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\\s\\S])",
             "patternErrorMessage": "A GUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.",
             "description": "The application (client) id, a GUID."
            },
            "objectId": {
             "type": "string",
             "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\\s\\S])",
             "patternErrorMessage": "A GUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.",
             "description": "The service principal's object id, a GUID."
            },
            "secrets": {
             "type": [
              "array",
              "null"
             ],
             "description": "Client secrets.",
             "items": {
              "description": "A client secret: its value, or { value, expires }.",
              "anyOf": [
               {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "minLength": 1,
                "description": "The secret's value."
               },
               {
                "type": "object",
                "description": "A secret with an optional expiry.",
                "properties": {
                 "value": {
                  "type": [
                   "string",
                   "number",
                   "boolean"
                  ],
                  "minLength": 1,
                  "description": "The secret's value."
                 },
                 "expires": {
                  "type": "string",
                  "pattern": "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::(?:[0-5][0-9]|60)(?:\\.[0-9]*)?)?(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})?)?(?![\\s\\S])",
                  "patternErrorMessage": "An ISO 8601 date such as 2030-01-01T00:00:00Z.",
                  "description": "When it expires (ISO 8601, e.g. 2030-01-01T00:00:00Z); after it Entra answers AADSTS7000222.",
                  "examples": [
                   "2030-01-01T00:00:00Z"
                  ]
                 }
                },
                "additionalProperties": false,
                "required": [
                 "value"
                ]
               }
              ]
             }
            },
            "certificates": {
             "type": [
              "array",
              "null"
             ],
             "description": "Certificates whose keys may sign client assertions.",
             "items": {
              "type": "object",
              "description": "A certificate.",
              "properties": {
               "pem": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "PEM text, or the path of a PEM file (relative to the configuration), holding the certificate."
               }
              },
              "additionalProperties": false,
              "required": [
               "pem"
              ]
             }
            },
            "federatedCredentials": {
             "type": [
              "array",
              "null"
             ],
             "description": "Federated credentials (workload identity federation).",
             "items": {
              "type": "object",
              "description": "A federated credential.",
              "properties": {
               "name": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "The credential's name."
               },
               "issuer": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "minLength": 1,
                "description": "The issuer: the built-in test issuer {baseURL}/_azspec/oidc, or one of federatedIssuers.",
                "examples": [
                 "{baseURL}/_azspec/oidc"
                ]
               },
               "subject": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "minLength": 1,
                "description": "The subject (sub claim) the token must carry.",
                "examples": [
                 "repo:contoso/infra:environment:prod"
                ]
               },
               "audiences": {
                "type": "array",
                "minItems": 1,
                "items": {
                 "type": [
                  "string",
                  "number",
                  "boolean"
                 ],
                 "minLength": 1,
                 "description": "An audience."
                },
                "description": "Accepted audiences (default [api://AzureADTokenExchange]).",
                "examples": [
                 [
                  "api://AzureADTokenExchange"
                 ]
                ]
               }
              },
              "additionalProperties": false,
              "required": [
               "issuer",
               "subject"
              ]
             }
            },
            "appRoles": {
             "type": [
              "array",
              "null"
             ],
             "description": "App roles granted, copied into the token's roles claim.",
             "items": {
              "type": [
               "string",
               "number",
               "boolean"
              ],
              "description": "An app role."
             },
             "examples": [
              [
               "Reader.All"
              ]
             ]
            }
           },
           "additionalProperties": false,
           "required": [
            "name",
            "clientId",
            "objectId"
           ],
           "anyOf": [
            {
             "required": [
              "secrets"
             ],
             "properties": {
              "secrets": {
               "type": "array",
               "minItems": 1,
               "description": "Client secrets."
              }
             }
            },
            {
             "required": [
              "certificates"
             ],
             "properties": {
              "certificates": {
               "type": "array",
               "minItems": 1,
               "description": "Certificates whose keys may sign client assertions."
              }
             }
            },
            {
             "required": [
              "federatedCredentials"
             ],
             "properties": {
              "federatedCredentials": {
               "type": "array",
               "minItems": 1,
               "description": "Federated credentials (workload identity federation)."
              }
             }
            }
           ]
          },
          "emulatorSubscription": {
           "type": "object",
           "description": "A subscription.",
           "properties": {
            "id": {
             "type": "string",
             "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\\s\\S])",
             "patternErrorMessage": "A GUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.",
             "description": "The subscription id, a GUID."
            },
            "displayName": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The display name (default: the id)."
            },
            "state": {
             "enum": [
              "Enabled",
              "Disabled",
              "Warned",
              "PastDue",
              "Deleted"
             ],
             "description": "The subscription's state (default Enabled)."
            },
            "tags": {
             "type": [
              "object",
              "null"
             ],
             "description": "The subscription's tags.",
             "additionalProperties": {
              "type": [
               "string",
               "number",
               "boolean",
               "null"
              ],
              "description": "The value (empty: an empty string)."
             }
            },
            "resourceGroups": {
             "type": [
              "array",
              "null"
             ],
             "description": "Resource groups in the subscription.",
             "items": {
              "type": "object",
              "description": "A resource group.",
              "properties": {
               "name": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "minLength": 1,
                "maxLength": 90,
                "pattern": "^(?:[A-Za-z0-9._()\\-]|[^\\x00-\\x7F])*(?:[A-Za-z0-9_()\\-]|[^\\x00-\\x7F])(?![\\s\\S])",
                "description": "The name: 1 to 90 letters, digits, '-', '.', '(', ')' or '_', not ending with '.'."
               },
               "location": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "minLength": 1,
                "description": "The Azure region.",
                "examples": [
                 "westeurope"
                ]
               },
               "tags": {
                "type": [
                 "object",
                 "null"
                ],
                "description": "The resource group's tags.",
                "additionalProperties": {
                 "type": [
                  "string",
                  "number",
                  "boolean",
                  "null"
                 ],
                 "description": "The value (empty: an empty string)."
                }
               },
               "managedBy": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "The managedBy resource id."
               }
              },
              "additionalProperties": false,
              "required": [
               "name",
               "location"
              ]
             }
            }
           },
           "additionalProperties": false,
           "required": [
            "id"
           ]
          },
          "emulatorTenant": {
           "type": "object",
           "description": "A Microsoft Entra tenant (directory).",
           "properties": {
            "id": {
             "type": "string",
             "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\\s\\S])",
             "patternErrorMessage": "A GUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.",
             "description": "The tenant id, a GUID; the token URL accepts it or any of the domains."
            },
            "displayName": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The tenant's display name, used in error texts."
            },
            "domains": {
             "type": [
              "array",
              "null"
             ],
             "description": "Domain names accepted in place of the id.",
             "items": {
              "type": [
               "string",
               "number",
               "boolean"
              ],
              "pattern": "^[^/ ]+(?![\\s\\S])",
              "minLength": 1,
              "description": "A domain name."
             },
             "examples": [
              [
               "contoso.onmicrosoft.com"
              ]
             ]
            },
            "servicePrincipals": {
             "type": [
              "array",
              "null"
             ],
             "description": "Service principals.",
             "items": {
              "$ref": "#/$defs/emulatorServicePrincipal"
             }
            },
            "subscriptions": {
             "type": [
              "array",
              "null"
             ],
             "description": "Subscriptions.",
             "items": {
              "$ref": "#/$defs/emulatorSubscription"
             }
            },
            "roleDefinitions": {
             "type": [
              "array",
              "null"
             ],
             "description": "Custom roles: one permission block each.",
             "items": {
              "type": "object",
              "description": "A custom role.",
              "properties": {
               "name": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "The role's name (assignments name it); not a built-in role's."
               },
               "id": {
                "type": "string",
                "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\\s\\S])",
                "patternErrorMessage": "A GUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.",
                "description": "The role definition id (default: derived from the name)."
               },
               "actions": {
                "type": [
                 "array",
                 "null"
                ],
                "description": "Allowed actions.",
                "items": {
                 "type": "string",
                 "pattern": "^(?![\\s\\S]*\\*[\\s\\S]*\\*)(?:\\*|(?:\\*|[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/])(?:/[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+)(?![\\s\\S])",
                 "description": "An action or a pattern with one '*'."
                }
               },
               "notActions": {
                "type": [
                 "array",
                 "null"
                ],
                "description": "Actions taken out of actions.",
                "items": {
                 "type": "string",
                 "pattern": "^(?![\\s\\S]*\\*[\\s\\S]*\\*)(?:\\*|(?:\\*|[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/])(?:/[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+)(?![\\s\\S])",
                 "description": "An action or a pattern with one '*'."
                }
               },
               "dataActions": {
                "type": [
                 "array",
                 "null"
                ],
                "description": "Allowed data actions.",
                "items": {
                 "type": "string",
                 "pattern": "^(?![\\s\\S]*\\*[\\s\\S]*\\*)(?:\\*|(?:\\*|[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/])(?:/[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+)(?![\\s\\S])",
                 "description": "An action or a pattern with one '*'."
                }
               },
               "notDataActions": {
                "type": [
                 "array",
                 "null"
                ],
                "description": "Data actions taken out of dataActions.",
                "items": {
                 "type": "string",
                 "pattern": "^(?![\\s\\S]*\\*[\\s\\S]*\\*)(?:\\*|(?:\\*|[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/])(?:/[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+)(?![\\s\\S])",
                 "description": "An action or a pattern with one '*'."
                }
               }
              },
              "additionalProperties": false,
              "required": [
               "name"
              ],
              "anyOf": [
               {
                "required": [
                 "actions"
                ],
                "properties": {
                 "actions": {
                  "type": "array",
                  "minItems": 1,
                  "description": "Allowed actions."
                 }
                }
               },
               {
                "required": [
                 "dataActions"
                ],
                "properties": {
                 "dataActions": {
                  "type": "array",
                  "minItems": 1,
                  "description": "Allowed data actions."
                 }
                }
               }
              ]
             }
            },
            "roleAssignments": {
             "type": [
              "array",
              "null"
             ],
             "description": "Role assignments, inherited below their scope.",
             "items": {
              "type": "object",
              "description": "A role assignment.",
              "properties": {
               "principal": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "The service principal or managed identity: its name or objectId."
               },
               "role": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "A built-in role (Reader, Contributor, Owner, User Access Administrator, Storage Account Contributor, Storage Blob Data Reader) or a custom one, by name or id."
               },
               "scope": {
                "type": "string",
                "pattern": "^/[sS][uU][bB][sS][cC][rR][iI][pP][tT][iI][oO][nN][sS]/[^/]+(?:/[rR][eE][sS][oO][uU][rR][cC][eE][gG][rR][oO][uU][pP][sS]/[^/]+(?:/[pP][rR][oO][vV][iI][dD][eE][rR][sS]/[^/]*\\.[^/]*/[^/]+/[^/]+(?:/[^/]+/[^/]+)*)?)?/?(?![\\s\\S])",
                "patternErrorMessage": "An ARM scope: /subscriptions/{id}[/resourceGroups/{name}[/providers/{Namespace}/{type}/{name}]].",
                "description": "An ARM scope in one of the tenant's subscriptions: /subscriptions/{id}[/resourceGroups/{name}[/providers/…]]."
               },
               "condition": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "An ABAC condition (listed, not evaluated)."
               }
              },
              "additionalProperties": false,
              "required": [
               "principal",
               "role",
               "scope"
              ]
             }
            },
            "denyAssignments": {
             "type": [
              "array",
              "null"
             ],
             "description": "Deny assignments: they win over any grant.",
             "items": {
              "type": "object",
              "description": "A deny assignment.",
              "properties": {
               "name": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "The deny assignment's name."
               },
               "scope": {
                "type": "string",
                "pattern": "^/[sS][uU][bB][sS][cC][rR][iI][pP][tT][iI][oO][nN][sS]/[^/]+(?:/[rR][eE][sS][oO][uU][rR][cC][eE][gG][rR][oO][uU][pP][sS]/[^/]+(?:/[pP][rR][oO][vV][iI][dD][eE][rR][sS]/[^/]*\\.[^/]*/[^/]+/[^/]+(?:/[^/]+/[^/]+)*)?)?/?(?![\\s\\S])",
                "patternErrorMessage": "An ARM scope: /subscriptions/{id}[/resourceGroups/{name}[/providers/{Namespace}/{type}/{name}]].",
                "description": "An ARM scope in one of the tenant's subscriptions: /subscriptions/{id}[/resourceGroups/{name}[/providers/…]]."
               },
               "actions": {
                "type": [
                 "array",
                 "null"
                ],
                "description": "Denied actions.",
                "items": {
                 "type": "string",
                 "pattern": "^(?![\\s\\S]*\\*[\\s\\S]*\\*)(?:\\*|(?:\\*|[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/])(?:/[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+)(?![\\s\\S])",
                 "description": "An action or a pattern with one '*'."
                }
               },
               "notActions": {
                "type": [
                 "array",
                 "null"
                ],
                "description": "Actions excepted from actions.",
                "items": {
                 "type": "string",
                 "pattern": "^(?![\\s\\S]*\\*[\\s\\S]*\\*)(?:\\*|(?:\\*|[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/])(?:/[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+)(?![\\s\\S])",
                 "description": "An action or a pattern with one '*'."
                }
               },
               "dataActions": {
                "type": [
                 "array",
                 "null"
                ],
                "description": "Denied data actions.",
                "items": {
                 "type": "string",
                 "pattern": "^(?![\\s\\S]*\\*[\\s\\S]*\\*)(?:\\*|(?:\\*|[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/])(?:/[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+)(?![\\s\\S])",
                 "description": "An action or a pattern with one '*'."
                }
               },
               "notDataActions": {
                "type": [
                 "array",
                 "null"
                ],
                "description": "Data actions excepted from dataActions.",
                "items": {
                 "type": "string",
                 "pattern": "^(?![\\s\\S]*\\*[\\s\\S]*\\*)(?:\\*|(?:\\*|[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/][^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*\\.[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]*[^.\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/])(?:/[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000/]+)+)(?![\\s\\S])",
                 "description": "An action or a pattern with one '*'."
                }
               },
               "principals": {
                "type": [
                 "array",
                 "null"
                ],
                "description": "Principals denied: names, objectIds or everyone.",
                "items": {
                 "type": [
                  "string",
                  "number",
                  "boolean"
                 ],
                 "description": "A principal's name or objectId, or everyone."
                },
                "examples": [
                 [
                  "everyone"
                 ]
                ]
               },
               "excludePrincipals": {
                "type": [
                 "array",
                 "null"
                ],
                "description": "Principals excepted.",
                "items": {
                 "type": [
                  "string",
                  "number",
                  "boolean"
                 ],
                 "description": "A principal's name or objectId."
                }
               },
               "doNotApplyToChildScopes": {
                "type": "boolean",
                "description": "true: the deny applies at the scope only, not below it."
               }
              },
              "additionalProperties": false,
              "required": [
               "name",
               "scope",
               "principals"
              ],
              "anyOf": [
               {
                "required": [
                 "actions"
                ],
                "properties": {
                 "actions": {
                  "type": "array",
                  "minItems": 1,
                  "description": "Denied actions."
                 }
                }
               },
               {
                "required": [
                 "dataActions"
                ],
                "properties": {
                 "dataActions": {
                  "type": "array",
                  "minItems": 1,
                  "description": "Denied data actions."
                 }
                }
               }
              ]
             }
            }
           },
           "additionalProperties": false,
           "required": [
            "id"
           ]
          },
          "emulatorConfiguration": {
           "type": "object",
           "description": "The emulator's configuration (azspec emulator --config, azspec run --emulator-config): what it seeds instead of the default.",
           "properties": {
            "tokenLifetime": {
             "type": "integer",
             "minimum": 0,
             "maximum": 31536000,
             "description": "Seconds an access token lives (0: already expired when issued; default 3599).",
             "examples": [
              3599
             ]
            },
            "environment": {
             "type": [
              "object",
              "null"
             ],
             "description": "The variables --emulator gives the specs; {baseURL} in a value stands for the emulator's address.",
             "additionalProperties": {
              "type": [
               "string",
               "number",
               "boolean",
               "null"
              ],
              "description": "The value (empty: an empty string)."
             }
            },
            "tenants": {
             "type": "array",
             "minItems": 1,
             "items": {
              "$ref": "#/$defs/emulatorTenant"
             },
             "description": "The tenants (at least one)."
            },
            "federatedIssuers": {
             "type": [
              "array",
              "null"
             ],
             "description": "External OIDC issuers whose RS256 tokens are trusted.",
             "items": {
              "type": "object",
              "description": "A trusted issuer.",
              "properties": {
               "issuer": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "minLength": 1,
                "description": "The tokens' iss, exactly.",
                "examples": [
                 "https://oidc.cluster.example"
                ]
               },
               "publicKey": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "PEM text or file: PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE.",
                "examples": [
                 "keys/cluster.pem"
                ]
               }
              },
              "additionalProperties": false,
              "required": [
               "issuer",
               "publicKey"
              ]
             }
            },
            "managedIdentities": {
             "type": [
              "array",
              "null"
             ],
             "description": "Identities served by the managed identity endpoints.",
             "items": {
              "type": "object",
              "description": "A managed identity.",
              "properties": {
               "name": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "minLength": 1,
                "description": "The identity's name (role assignments may name it)."
               },
               "clientId": {
                "type": "string",
                "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\\s\\S])",
                "patternErrorMessage": "A GUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.",
                "description": "The client id, a GUID."
               },
               "objectId": {
                "type": "string",
                "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\\s\\S])",
                "patternErrorMessage": "A GUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.",
                "description": "The object (principal) id, a GUID."
               },
               "resourceId": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "The ARM resource id of the user-assigned identity."
               },
               "tenant": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "The tenant: its id or one of its domains."
               }
              },
              "additionalProperties": false,
              "required": [
               "name",
               "clientId",
               "objectId",
               "tenant"
              ]
             }
            },
            "defaultManagedIdentity": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The managed identity a request that names none gets; one of managedIdentities."
            },
            "githubRequestToken": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The bearer token the GitHub-style OIDC endpoint wants (ACTIONS_ID_TOKEN_REQUEST_TOKEN)."
            },
            "githubSubject": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The sub claim of the GitHub-style OIDC endpoint's tokens.",
             "examples": [
              "repo:azspec/example:ref:refs/heads/main"
             ]
            },
            "identityHeader": {
             "type": [
              "string",
              "number",
              "boolean"
             ],
             "description": "The X-IDENTITY-HEADER value the App Service managed identity endpoint requires."
            },
            "operations": {
             "type": "object",
             "description": "How long asynchronous operations stay in progress.",
             "properties": {
              "polls": {
               "type": "integer",
               "minimum": 0,
               "maximum": 100,
               "description": "Polls that answer 202 before the operation is done (0 to 100)."
              },
              "seconds": {
               "type": "number",
               "minimum": 0,
               "maximum": 3600,
               "description": "Seconds the operation stays in progress besides the polls (0 to 3600)."
              },
              "retryAfter": {
               "type": "integer",
               "minimum": 0,
               "maximum": 600,
               "description": "The Retry-After seconds of those answers (0 to 600; ARM sends 15)."
              }
             },
             "additionalProperties": false
            },
            "throttling": {
             "type": [
              "array",
              "null"
             ],
             "description": "429s on purpose: the first times requests matching a path are throttled.",
             "items": {
              "type": "object",
              "description": "A throttling rule.",
              "properties": {
               "path": {
                "type": "string",
                "pattern": "^/",
                "description": "The ARM path; * stands for one segment; names compare case-insensitively.",
                "examples": [
                 "/subscriptions/*/resourcegroups"
                ]
               },
               "times": {
                "type": "integer",
                "minimum": 1,
                "maximum": 100000,
                "description": "How many matching requests are throttled (1 to 100000)."
               },
               "retryAfter": {
                "type": "integer",
                "minimum": 0,
                "maximum": 86400,
                "description": "The Retry-After seconds (0 to 86400, default 1)."
               },
               "status": {
                "type": "integer",
                "minimum": 400,
                "maximum": 599,
                "description": "The status answered (400 to 599, default 429)."
               },
               "method": {
                "type": [
                 "string",
                 "number",
                 "boolean"
                ],
                "description": "Only requests with this method (default: any).",
                "examples": [
                 "GET"
                ]
               }
              },
              "additionalProperties": false,
              "required": [
               "path",
               "times"
              ]
             }
            },
            "pageSize": {
             "type": "integer",
             "minimum": 0,
             "maximum": 1000,
             "description": "Items per page of the Microsoft.Authorization, subscription and storage account lists (0: one page)."
            },
            "tokenBucket": {
             "type": "object",
             "description": "ARM's token buckets per subscription and principal (none: no bucket).",
             "properties": {
              "reads": {
               "type": "object",
               "description": "The bucket of read requests.",
               "properties": {
                "burst": {
                 "type": "integer",
                 "minimum": 1,
                 "maximum": 100000,
                 "description": "How many requests the full bucket holds (1 to 100000)."
                },
                "refill": {
                 "type": "number",
                 "exclusiveMinimum": 0,
                 "maximum": 100000,
                 "description": "Tokens added a second (more than 0, at most 100000)."
                }
               },
               "additionalProperties": false,
               "required": [
                "burst",
                "refill"
               ]
              },
              "writes": {
               "type": "object",
               "description": "The bucket of write requests.",
               "properties": {
                "burst": {
                 "type": "integer",
                 "minimum": 1,
                 "maximum": 100000,
                 "description": "How many requests the full bucket holds (1 to 100000)."
                },
                "refill": {
                 "type": "number",
                 "exclusiveMinimum": 0,
                 "maximum": 100000,
                 "description": "Tokens added a second (more than 0, at most 100000)."
                }
               },
               "additionalProperties": false,
               "required": [
                "burst",
                "refill"
               ]
              },
              "deletes": {
               "type": "object",
               "description": "The bucket of delete requests.",
               "properties": {
                "burst": {
                 "type": "integer",
                 "minimum": 1,
                 "maximum": 100000,
                 "description": "How many requests the full bucket holds (1 to 100000)."
                },
                "refill": {
                 "type": "number",
                 "exclusiveMinimum": 0,
                 "maximum": 100000,
                 "description": "Tokens added a second (more than 0, at most 100000)."
                }
               },
               "additionalProperties": false,
               "required": [
                "burst",
                "refill"
               ]
              }
             },
             "additionalProperties": false
            }
           },
           "additionalProperties": false,
           "required": [
            "tenants"
           ],
           "if": {
            "required": [
             "defaultManagedIdentity"
            ]
           },
           "then": {
            "required": [
             "managedIdentities"
            ],
            "properties": {
             "managedIdentities": {
              "type": "array",
              "minItems": 1,
              "description": "Identities served by the managed identity endpoints."
             }
            }
           }
          }
         }
        }
        """#
}
