/// A built-in Microsoft Entra directory role: its display name and template id (the `roleDefinitionId` Graph's
/// `roleManagement/directory` lists for it), and whether azspec counts it as tier 0.
///
/// Tier 0 are the roles that control the tenant, or can make themselves another principal that does: assign any
/// role, reset any credential, add a credential to any application, change federation, synchronization or
/// Conditional Access. Microsoft publishes no tier-0 list; azspec's is a subset of the roles Microsoft labels
/// PRIVILEGED, and a `directoryRoles` check can deny it as one set (`noTier0: true`). Ids: Microsoft Entra built-in
/// roles reference.
public struct DirectoryRole: Sendable, Hashable {
    public let name: String
    public let templateId: String
    public let isTier0: Bool

    public init(_ name: String, _ templateId: String, tier0: Bool = false) {
        self.name = name
        self.templateId = templateId
        isTier0 = tier0
    }

    public static let builtIn: [DirectoryRole] = [
        DirectoryRole("Global Administrator", "62e90394-69f5-4237-9190-012177145e10", tier0: true),
        DirectoryRole("Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814", tier0: true),
        DirectoryRole("Privileged Authentication Administrator", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", tier0: true),
        DirectoryRole("Application Administrator", "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", tier0: true),
        DirectoryRole("Cloud Application Administrator", "158c047a-c907-4556-b7ef-446551a6b5f7", tier0: true),
        DirectoryRole("Hybrid Identity Administrator", "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", tier0: true),
        DirectoryRole("Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d", tier0: true),
        DirectoryRole("Conditional Access Administrator", "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", tier0: true),
        DirectoryRole("Partner Tier2 Support", "e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8", tier0: true),
        DirectoryRole("Domain Name Administrator", "8329153b-31d0-4727-b945-745eb3bc5f31", tier0: true),
        DirectoryRole("External Identity Provider Administrator", "be2f45a1-457d-42af-a067-6ec1fa63bc45", tier0: true),
        DirectoryRole("Directory Synchronization Accounts", "d29b2b05-8046-44ba-8758-1e26182fcf32", tier0: true),
        DirectoryRole("Password Administrator", "966707d0-3269-4727-9be2-8c3a10f19b9d"),
        DirectoryRole("Partner Tier1 Support", "4ba39ca4-527c-499a-b93d-d9b492c50246"),
        DirectoryRole("Authentication Administrator", "c4e39bd9-1100-46d3-8c65-fb160da0071f"),
        DirectoryRole("User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1"),
        DirectoryRole("Groups Administrator", "fdd7a751-b60b-444a-984c-02652fe8fa1c"),
        DirectoryRole("Helpdesk Administrator", "729827e3-9c14-49f7-bb1b-9608f156bbb8"),
        DirectoryRole("Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de"),
        DirectoryRole("Intune Administrator", "3a2c62db-5318-420d-8d74-23affee5d9d5"),
        DirectoryRole("Directory Writers", "9360feb5-f418-4baa-8175-e2a00bac4301"),
        DirectoryRole("Directory Readers", "88d8e3e3-8f55-4a1e-953a-9b9898b8876b"),
        DirectoryRole("Global Reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451"),
        DirectoryRole("Security Reader", "5d6b6bb7-de71-4623-b4af-96380a352509"),
        DirectoryRole("Application Developer", "cf1c38e5-3621-4004-a7cb-879624dced7c"),
    ]

    /// The built-in role `nameOrId` names: a display name (any case) or a template id.
    public static func named(_ nameOrId: String) -> DirectoryRole? {
        let key = nameOrId.lowercased()
        return builtIn.first { $0.name.lowercased() == key || $0.templateId == key }
    }

    /// The tier-0 roles.
    public static var tier0: [DirectoryRole] { builtIn.filter(\.isTier0) }
}
