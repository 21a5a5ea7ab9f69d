import AzspecCore

/// A declared permission check.
extension SpecFormat {
    static let permissions = FormatObject(
        "permissions", pointer: "/$defs/permissions",
        description:
            "A declared permission check (instead of a request): what Azure RBAC lets the test's identity, or the principal it audits, do at a scope.",
        properties: [
            "principal": FormatSchema.ref(
                "template",
                "Audit this principal (an object id, client id, declared identity's name or display name, found in Microsoft Graph) instead of the test's identity, from its role, deny and eligible assignments, which the test's identity reads (Microsoft.Authorization/roleAssignments/read, denyAssignments/read; Directory.Read.All in Graph).",
                examples: ["{{env.PAYMENTS_MI_OBJECT_ID}}"]),
            "scope": [
                "type": "string",
                "description": "The ARM scope: /subscriptions/{id}, …/resourceGroups/{name}, or …/providers/{Namespace}/{type}/{name}.",
                "allOf": [
                    ["pattern": .string(FormatPattern.template), "patternErrorMessage": "Every '{{' needs a closing '}}' around a name."],
                    [
                        "pattern": .string(#"\{\{|"# + FormatPattern.armScope),
                        "patternErrorMessage":
                            "An ARM scope: /subscriptions/{id}, …/resourceGroups/{name} or …/resourceGroups/{name}/providers/{Namespace}/{type}/{name}.",
                    ],
                ], "examples": ["/subscriptions/{{subscriptionId}}/resourceGroups/rg-app"],
            ],
            "allow": FormatSchema.actions(
                "Actions that must be allowed; a wildcard must be granted as written by some role.", explained: true),
            "deny": FormatSchema.actions(
                "Actions that must be denied; no wildcards.", item: "An action (no wildcard).", exact: true, explained: true),
            "dataActions": dataActions.jsonSchema,
            "exactly": ["type": "boolean", "description": "true: fail on any action or wildcard granted beyond the allow lists (drift)."],
            "none": [
                "const": true,
                "description":
                    "true: the identity (or principal) holds nothing at the scope: no action and no data action, by any role, active or eligible.",
            ],
            "whoCan": whoCan.jsonSchema,
            "eligible": [
                "enum": ["separate", "allowed", "ignored"],
                "description":
                    "With principal: how an action only an eligible (PIM) role grants counts. separate (the default): its own verdict, which fails both allow and deny; allowed: as held; ignored: as not held.",
            ],
        ],
        required: ["scope"],
        rules: [
            "anyOf": [
                [
                    "required": ["exactly"],
                    "properties": [
                        "exactly": [
                            "const": true, "description": "true: fail on any action or wildcard granted beyond the allow lists (drift).",
                        ]
                    ],
                ],
                [
                    "required": ["allow"],
                    "properties": [
                        "allow": [
                            "minItems": 1,
                            "description": "Actions that must be allowed; a wildcard must be granted as written by some role.",
                        ]
                    ],
                ],
                [
                    "required": ["deny"],
                    "properties": ["deny": ["minItems": 1, "description": "Actions that must be denied; no wildcards."]],
                ],
                ["required": ["none"]],
                ["required": ["whoCan"]],
                [
                    "required": ["dataActions"],
                    "properties": [
                        "dataActions": [
                            "anyOf": [
                                [
                                    "required": ["allow"],
                                    "properties": ["allow": ["minItems": 1, "description": "Data actions that must be allowed."]],
                                ],
                                [
                                    "required": ["deny"],
                                    "properties": [
                                        "deny": ["minItems": 1, "description": "Data actions that must be denied; no wildcards."]
                                    ],
                                ],
                            ], "description": "Data actions that must be allowed or denied (decided by dataActions/notDataActions alone).",
                        ]
                    ],
                ],
            ]
        ])

    static let whoCan = FormatObject(
        "permissions.whoCan", pointer: "/$defs/permissions/properties/whoCan",
        description:
            "Who can take these actions at the scope: every principal (service principal, user, group, managed identity) a role assignment there or above grants them to, less the deny assignments; eligible (PIM) ones too unless eligible: ignored.",
        properties: [
            "actions": FormatSchema.actions("The actions (no wildcard).", item: "An action (no wildcard).", exact: true, explained: true),
            "dataActions": FormatSchema.actions(
                "The data actions (no wildcard).", item: "A data action (no wildcard).", exact: true, explained: true),
            "only": FormatSchema.list(
                of: FormatSchema.ref("template", "A principal: an object id, or a display name (found in Microsoft Graph)."),
                "Every principal that can is one of these (a group counts as itself, not its members)."),
            "exactly": FormatSchema.list(
                of: FormatSchema.ref("template", "A principal: an object id, or a display name (found in Microsoft Graph)."),
                "The principals that can are exactly these."),
            "none": ["const": true, "description": "true: no principal can."],
            "expand": [
                "type": "boolean",
                "description": "true: list each group's members (read from Microsoft Graph) under it in the report (default false).",
            ],
        ])

    static let dataActions = FormatObject(
        "permissions.dataActions", pointer: "/$defs/permissions/properties/dataActions",
        description: "Data actions that must be allowed or denied (decided by dataActions/notDataActions alone).",
        properties: [
            "allow": FormatSchema.actions(
                "Data actions that must be allowed.", item: "A data action or a pattern with one '*'.", explained: true),
            "deny": FormatSchema.actions(
                "Data actions that must be denied; no wildcards.", item: "A data action (no wildcard).", exact: true, explained: true),
        ])

    static let credentials = FormatObject(
        "credentials", pointer: "/$defs/credentials",
        description:
            "A check of a principal's credentials (its application's client secrets, certificates and federated credentials), read from Microsoft Graph by the test's identity (Application.Read.All). Never shows a secret.",
        properties: [
            "principal": FormatSchema.ref(
                "template", "The principal: an object id, client id, declared identity's name or display name.",
                examples: ["{{env.AZURE_CLIENT_ID}}"]),
            "noSecrets": ["const": true, "description": "true: it has no client secret (certificates and federation only)."],
            "minDaysLeft": [
                "type": "integer", "minimum": 0, "maximum": 36500,
                "description": "Every secret and certificate stays valid at least this many more days (an expired one fails).",
                "examples": [30],
            ],
            "maxDaysValid": [
                "type": "integer", "minimum": 1, "maximum": 36500,
                "description": "No secret or certificate is valid for longer than this many days in all.", "examples": [365],
            ],
            "federatedSubjects": FormatSchema.list(
                of: FormatSchema.ref("template", "A subject, e.g. repo:contoso/infra:environment:prod."),
                "Its federated credentials' subjects are exactly these.", optional: true),
        ],
        required: ["principal"])
}
