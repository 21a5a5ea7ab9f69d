/// An Azure role: a name, its GUID and its permission blocks. The built-in ones carry their definitions as
/// azure-protocol.md §6 and §8 cite them (Contributor as the 2022 role-definitions article lists it).
public struct RoleDefinition: Sendable {
    public let name: String
    /// The role definition GUID (built-in roles have the same one in every tenant).
    public let id: String
    public let permissions: [PermissionBlock]
    public let isCustom: Bool

    public init(name: String, id: String, permissions: [PermissionBlock], isCustom: Bool = true) {
        self.name = name
        self.id = id.lowercased()
        self.permissions = permissions
        self.isCustom = isCustom
    }

    /// The built-in role called `name` (case-insensitive) or whose GUID is `name`.
    public static func builtIn(named name: String) -> RoleDefinition? {
        let key = name.lowercased()
        return builtIn.first { $0.name.lowercased() == key || $0.id == key }
    }

    public static let reader = RoleDefinition(
        name: "Reader", id: "acdd72a7-3385-48ef-bd42-f606fba81ae7", permissions: [PermissionBlock(actions: ["*/read"])],
        isCustom: false)

    public static let contributor = RoleDefinition(
        name: "Contributor", id: "b24988ac-6180-42a0-ab88-20f7382dd24c",
        permissions: [
            PermissionBlock(
                actions: ["*"],
                notActions: [
                    "Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write",
                    "Microsoft.Authorization/elevateAccess/Action", "Microsoft.Blueprint/blueprintAssignments/write",
                    "Microsoft.Blueprint/blueprintAssignments/delete",
                ])
        ],
        isCustom: false)

    public static let owner = RoleDefinition(
        name: "Owner", id: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", permissions: [PermissionBlock(actions: ["*"])],
        isCustom: false)

    public static let userAccessAdministrator = RoleDefinition(
        name: "User Access Administrator", id: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
        permissions: [PermissionBlock(actions: ["*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"])],
        isCustom: false)

    public static let storageAccountContributor = RoleDefinition(
        name: "Storage Account Contributor", id: "17d1049b-9a84-46fb-8f53-869881c3d3ab",
        permissions: [
            PermissionBlock(actions: [
                "Microsoft.Authorization/*/read", "Microsoft.Insights/alertRules/*", "Microsoft.Insights/diagnosticSettings/*",
                "Microsoft.Network/virtualNetworks/subnets/joinViaServiceEndpoint/action",
                "Microsoft.ResourceHealth/availabilityStatuses/read", "Microsoft.Resources/deployments/*",
                "Microsoft.Resources/subscriptions/resourceGroups/read", "Microsoft.Storage/storageAccounts/*",
                "Microsoft.Support/*",
            ])
        ],
        isCustom: false)

    public static let storageBlobDataReader = RoleDefinition(
        name: "Storage Blob Data Reader", id: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
        permissions: [
            PermissionBlock(
                actions: [
                    "Microsoft.Storage/storageAccounts/blobServices/containers/read",
                    "Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action",
                ],
                dataActions: ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"])
        ],
        isCustom: false)

    /// The built-in roles the emulator knows, with their real permissions.
    public static let builtIn = [
        reader, contributor, owner, userAccessAdministrator, storageAccountContributor, storageBlobDataReader,
    ]
}
