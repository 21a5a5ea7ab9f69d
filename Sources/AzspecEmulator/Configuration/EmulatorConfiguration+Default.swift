extension EmulatorConfiguration {
    /// Fixed identifiers of the default configuration (made up; they exist nowhere in Azure).
    enum Defaults {
        static let tenantId = "5f2b7c1e-4a3d-4e8f-9b6a-0c1d2e3f4a5b"
        static let tenantDomain = "azspec-emulator.onmicrosoft.com"
        static let subscriptionId = "2a7c9e4b-1d3f-4b5a-8c6e-9f0a1b2c3d4e"
        static let smokeClientId = "0e6b3f4a-7c2d-4e1b-9a8f-5d4c3b2a1f0e"
        static let smokeObjectId = "9c8b7a6f-5e4d-4c3b-8a2f-1e0d9c8b7a6f"
        static let smokeSecret = "emu8Q~Sm0keC0ntributorAzspecEmulat0rXy1z"
        static let readerClientId = "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a"
        static let readerObjectId = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"
        static let readerSecret = "emu3Q~Re4derAzspecEmulat0rOnlyReadsRgsK9"
        static let managedIdentityClientId = "7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"
        static let managedIdentityObjectId = "8f2a3b4c-5d6e-4f7a-9b0c-1d2e3f4a5b6c"
        static let opsGroupObjectId = "4b3c2d1e-0f9a-4b8c-8d7e-6f5a4b3c2d1e"
        static let platformAdminObjectId = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
        static let githubRequestToken = "azspec-github-request-token"
        static let githubSubject = "repo:azspec/example:ref:refs/heads/main"
        static let identityHeader = "azspec-identity-header"
        /// The built-in test issuer (see ``TestIssuer``), as configurations name it.
        static let testIssuer = "{baseURL}/_azspec/oidc"
    }

    /// One tenant with subscription `azspec-emulator` (resource groups `rg-smoke` in westeurope tagged
    /// `env: smoke`, and `rg-shared` in northeurope), principal `azspec-smoke` (Contributor on the subscription,
    /// exported as `AZURE_TENANT_ID`/`AZURE_CLIENT_ID`/`AZURE_CLIENT_SECRET`/`AZURE_SUBSCRIPTION_ID` and its object id as
    /// `AZSPEC_SMOKE_OBJECT_ID`, with a
    /// federated credential for the built-in issuer's GitHub-style subject `repo:azspec/example:ref:refs/heads/main`),
    /// principal `azspec-reader` (Reader, exported as `AZSPEC_READER_CLIENT_ID`/`AZSPEC_READER_CLIENT_SECRET`) and
    /// managed identity `azspec-mi` (Reader, the default identity, exported as `AZSPEC_MI_CLIENT_ID` and
    /// `AZSPEC_MI_OBJECT_ID`), a group `sg-ops` holding `azspec-mi` with Storage Blob Data Reader on `rg-shared`, and
    /// an eligible (PIM) Owner on `rg-shared` for `azspec-reader` (`AZSPEC_READER_OBJECT_ID`), for the audit example;
    /// in Entra ID, user `Platform Admin` owning `azspec-smoke`'s application and eligible for Application
    /// Administrator, and `azspec-reader` holding Directory Readers, for the entra example.
    ///
    /// The environment also points workload-identity and managed-identity clients at the emulator:
    /// `ACTIONS_ID_TOKEN_REQUEST_URL`/`ACTIONS_ID_TOKEN_REQUEST_TOKEN` (GitHub Actions' OIDC endpoint),
    /// `IDENTITY_ENDPOINT`/`IDENTITY_HEADER` (App Service) and `AZSPEC_IMDS_ENDPOINT` (the IMDS token URL).
    public static var `default`: EmulatorConfiguration {
        let subscriptionScope = "/subscriptions/\(Defaults.subscriptionId)"
        var tenant = Tenant(
            id: Defaults.tenantId,
            displayName: "azspec emulator",
            domains: [Defaults.tenantDomain],
            servicePrincipals: [
                ServicePrincipal(
                    name: "azspec-smoke",
                    clientId: Defaults.smokeClientId,
                    objectId: Defaults.smokeObjectId,
                    secrets: [Secret(value: Defaults.smokeSecret)],
                    federatedCredentials: [
                        FederatedCredential(
                            name: "github-main", issuer: Defaults.testIssuer, subject: Defaults.githubSubject)
                    ]
                ),
                ServicePrincipal(
                    name: "azspec-reader",
                    clientId: Defaults.readerClientId,
                    objectId: Defaults.readerObjectId,
                    secrets: [Secret(value: Defaults.readerSecret)],
                    // The auditor of the example specs: it reads principals, their groups, permissions, directory roles
                    // and owners in Microsoft Graph, and eligible directory roles.
                    appRoles: ["graph": ["Directory.Read.All", "RoleEligibilitySchedule.Read.Directory"]]
                ),
            ],
            subscriptions: [
                Subscription(
                    id: Defaults.subscriptionId,
                    displayName: "azspec-emulator",
                    resourceGroups: [
                        ResourceGroup(name: "rg-smoke", location: "westeurope", tags: [(key: "env", value: "smoke")]),
                        ResourceGroup(name: "rg-shared", location: "northeurope"),
                    ]
                )
            ],
            roleAssignments: [
                RoleAssignment(principal: "azspec-smoke", role: "Contributor", scope: subscriptionScope),
                RoleAssignment(principal: "azspec-reader", role: "Reader", scope: subscriptionScope),
                RoleAssignment(principal: "azspec-mi", role: "Reader", scope: subscriptionScope),
                RoleAssignment(
                    principal: "sg-ops", role: "Storage Blob Data Reader", scope: subscriptionScope + "/resourceGroups/rg-shared"),
            ]
        )
        tenant.groups = [Group(name: "sg-ops", objectId: Defaults.opsGroupObjectId, members: ["azspec-mi"])]
        // Entra ID for the entra example: a platform admin owns the smoke principal's application, the reader holds
        // Directory Readers, and the platform admin may activate Application Administrator.
        tenant.users = [User(name: "Platform Admin", objectId: Defaults.platformAdminObjectId)]
        tenant.servicePrincipals[0].owners = ["Platform Admin"]
        tenant.directoryRoleAssignments = [DirectoryRoleAssignment(principal: "azspec-reader", role: "Directory Readers")]
        tenant.eligibleDirectoryRoleAssignments = [DirectoryRoleAssignment(principal: "Platform Admin", role: "Application Administrator")]
        tenant.eligibleRoleAssignments = [
            RoleAssignment(principal: "azspec-reader", role: "Owner", scope: subscriptionScope + "/resourceGroups/rg-shared")
        ]
        let managedIdentity = ManagedIdentity(
            name: "azspec-mi",
            clientId: Defaults.managedIdentityClientId,
            objectId: Defaults.managedIdentityObjectId,
            resourceId: "\(subscriptionScope)/resourcegroups/rg-shared/providers/"
                + "Microsoft.ManagedIdentity/userAssignedIdentities/azspec-mi",
            tenant: Defaults.tenantId
        )
        var configuration = EmulatorConfiguration(
            tokenLifetime: 3599,
            environment: [
                "AZURE_TENANT_ID": Defaults.tenantId,
                "AZURE_CLIENT_ID": Defaults.smokeClientId,
                "AZURE_CLIENT_SECRET": Defaults.smokeSecret,
                "AZURE_SUBSCRIPTION_ID": Defaults.subscriptionId,
                "AZSPEC_READER_CLIENT_ID": Defaults.readerClientId,
                "AZSPEC_READER_CLIENT_SECRET": Defaults.readerSecret,
                "AZSPEC_MI_CLIENT_ID": Defaults.managedIdentityClientId,
                "AZSPEC_MI_OBJECT_ID": Defaults.managedIdentityObjectId,
                "AZSPEC_SMOKE_OBJECT_ID": Defaults.smokeObjectId,
                "AZSPEC_READER_OBJECT_ID": Defaults.readerObjectId,
                "ACTIONS_ID_TOKEN_REQUEST_URL": "{baseURL}/_azspec/oidc/github?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN": Defaults.githubRequestToken,
                "IDENTITY_ENDPOINT": "{baseURL}/msi/token",
                "IDENTITY_HEADER": Defaults.identityHeader,
                "AZSPEC_IMDS_ENDPOINT": "{baseURL}/metadata/identity/oauth2/token",
            ],
            tenants: [tenant],
            managedIdentities: [managedIdentity],
            defaultManagedIdentity: "azspec-mi",
            githubRequestToken: Defaults.githubRequestToken,
            githubSubject: Defaults.githubSubject,
            identityHeader: Defaults.identityHeader
        )
        // A deletion stays in progress for one poll (with every configuration's one-second Retry-After), so that the
        // example specs poll.
        configuration.operationPolls = 1
        // One 429 on one list, for the retry example (specs/09-throttling-and-retries.yaml); nothing else uses it.
        configuration.throttling = [
            ThrottlingRule(
                path: "/subscriptions/*/resourceGroups/rg-shared/providers/Microsoft.Storage/storageAccounts", times: 1,
                retryAfter: 1, method: "GET")
        ]
        return configuration
    }
}
