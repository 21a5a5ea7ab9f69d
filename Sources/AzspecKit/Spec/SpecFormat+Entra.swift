import AzspecCore

/// A check of a principal's power in Entra ID.
extension SpecFormat {
    static let entra = FormatObject(
        "entra", pointer: "/$defs/entra",
        description:
            "A check of what a principal may do in Entra ID (instead of a request), read from Microsoft Graph by the test's identity: application and delegated permissions, directory roles, owners.",
        properties: [
            "principal": FormatSchema.ref(
                "template", "The principal: an object id, client id, declared identity's name or display name.",
                examples: ["{{env.AZURE_CLIENT_ID}}"]),
            "applicationPermissions": FormatSchema.ref(
                "entraPermissions",
                "Its application permissions: app roles assigned to it (Graph appRoleAssignments, named through the API's appRoles). Needs Application.Read.All."
            ),
            "delegatedPermissions": FormatSchema.ref(
                "entraPermissions",
                "Delegated permissions consented to it, for every user or for one (Graph oauth2PermissionGrants). Needs Directory.Read.All."
            ),
            "directoryRoles": directoryRoles.jsonSchema,
            "owners": owners.jsonSchema,
        ],
        required: ["principal"],
        rules: [
            "anyOf": [
                ["required": ["applicationPermissions"]], ["required": ["delegatedPermissions"]], ["required": ["directoryRoles"]],
                ["required": ["owners"]],
            ]
        ])

    static let entraPermissions = FormatObject(
        "entra permissions", pointer: "/$defs/entraPermissions",
        description:
            "Permissions of APIs: 'API: Permission' (the API's display name or application id), or a Microsoft Graph permission alone.",
        properties: [
            "allow": FormatSchema.list(of: permissionItem, "Permissions it must hold."),
            "deny": FormatSchema.list(of: permissionItem, "Permissions it must not hold."),
            "exactly": ["type": "boolean", "description": "true: fail on any permission held beyond allow."],
        ],
        rules: ["anyOf": [["required": ["allow"]], ["required": ["deny"]], ["required": ["exactly"]]]])

    static let permissionItem: JSONValue = [
        "type": "string", "pattern": #"^(?:[^\s].*: )?[^\s:]+$"#,
        "patternErrorMessage": "A permission, e.g. Application.Read.All or 'Microsoft Graph: Application.Read.All'.",
        "description": "A permission: 'API: Permission', or a Microsoft Graph permission alone.",
        "examples": ["Application.Read.All", "Microsoft Graph: Directory.Read.All"],
    ]

    static let directoryRoles = FormatObject(
        "entra.directoryRoles", pointer: "/$defs/entra/properties/directoryRoles",
        description:
            "The Microsoft Entra directory roles it holds, directly or through groups, active or eligible (PIM). Needs RoleManagement.Read.Directory (and RoleEligibilitySchedule.Read.Directory for eligible roles).",
        properties: [
            "allow": FormatSchema.list(
                of: FormatSchema.text("A directory role: its display name or template id.", examples: ["Directory Readers"]),
                "Roles it must hold."),
            "deny": FormatSchema.list(
                of: FormatSchema.text("A directory role: its display name or template id.", examples: ["Global Administrator"]),
                "Roles it must not hold, nor be able to activate."),
            "noTier0": [
                "const": true,
                "description":
                    "true: no tier-0 role (Global Administrator, Privileged Role Administrator, Application Administrator, … as the docs list them), active or eligible.",
            ],
            "exactly": ["type": "boolean", "description": "true: fail on any role held beyond allow."],
            "eligible": [
                "enum": ["separate", "allowed", "ignored"],
                "description":
                    "How a role it may only activate (PIM) counts. separate (the default): it fails deny and noTier0 and does not satisfy allow; allowed: as held; ignored: as not held.",
            ],
        ],
        rules: ["anyOf": [["required": ["allow"]], ["required": ["deny"]], ["required": ["exactly"]], ["required": ["noTier0"]]]])

    static let owners = FormatObject(
        "entra.owners", pointer: "/$defs/entra/properties/owners",
        description:
            "Who owns its application and its service principal: an owner can add a credential and act as it. Needs Application.Read.All.",
        properties: [
            "only": FormatSchema.list(
                of: FormatSchema.ref("template", "An owner: an object id, display name or user principal name."),
                "Every owner is one of these."),
            "exactly": FormatSchema.list(
                of: FormatSchema.ref("template", "An owner: an object id, display name or user principal name."),
                "The owners are exactly these."),
            "none": ["const": true, "description": "true: it has no owner."],
        ],
        rules: ["oneOf": [["required": ["only"]], ["required": ["exactly"]], ["required": ["none"]]]])
}
