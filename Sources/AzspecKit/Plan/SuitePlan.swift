/// A suite with what it runs against: its cloud and the identities its tests may name.
public struct SuitePlan: Sendable {
    public internal(set) var suite: SuiteSpec
    /// Identities by name: azspec.yaml's, then the suite's own over them.
    let identities: [String: IdentitySpec]
    /// What `identity: true` means.
    let defaultIdentity: String
    let cloud: CloudEndpoints
    /// The suite's retry policy, else azspec.yaml's, else the Azure SDKs' default.
    let retry: RetryPolicy
    /// azspec.yaml's request defaults.
    let requestDefaults: RequestDefaults
    /// azspec.yaml's `rateLimit`, else ARM's buckets.
    let rateLimit: RateLimitPolicy

    init(suite: SuiteSpec, project: ProjectFile?, cloud: CloudEndpoints) {
        self.suite = suite
        var identities: [String: IdentitySpec] = ["environment": .environmentDefault]
        for identity in project?.identities ?? [] { identities[identity.name] = identity }
        for identity in suite.identities { identities[identity.name] = identity }
        self.identities = identities
        self.defaultIdentity = project?.defaultIdentity ?? "environment"
        self.cloud = cloud
        self.retry = suite.retry ?? project?.retry ?? .azureDefault
        self.requestDefaults = project?.requestDefaults ?? .none
        self.rateLimit = project?.rateLimit ?? .arm
    }

    /// Where a hand-written `Authorization` header may go: the origins the spec names itself — the cloud's Entra ID and
    /// Resource Manager, its Graph, Key Vault and Storage hosts, and the origins of the suite's URLs as its variables,
    /// the environment and the cloud make them (`scope`, before any capture) — never one a server or a capture chose
    /// at run time. Worked out once per suite.
    func headerOrigins(in scope: TemplateScope) -> [OriginPattern] {
        var origins = [cloud.login, cloud.arm]
        origins += TokenResource.names.compactMap { TokenResource.named($0, in: cloud)?.hosts }.joined()
        origins += suite.tests.compactMap { $0.request.flatMap { SpecValidator.staticOrigin(of: $0.url, cloud: cloud, scope: scope) } }
        var seen: Set<OriginPattern> = []
        return origins.compactMap(OriginPattern.init).filter { seen.insert($0).inserted }
    }

    /// The cloud as a test's token sees it: its audience and the hosts it may go to (`resource:` of the test, else of
    /// its identity; Resource Manager by default).
    func cloud(for test: TestSpec, identity: IdentitySpec) -> CloudEndpoints {
        guard let name = test.resource ?? identity.resource, let resource = TokenResource.named(name, in: cloud) else { return cloud }
        return cloud.forResource(resource)
    }

    /// The identity a test uses, if any (nil also when the name is unknown: validation reports that).
    func identity(for test: TestSpec) -> IdentitySpec? {
        switch test.identity ?? suite.identity {
        case .none: nil
        case .default: identities[defaultIdentity]
        case .named(let name, _): identities[name]
        }
    }

    /// The cloud a suite runs against: `--cloud` or `--emulator`, else `AZURE_AUTHORITY_HOST` /
    /// `AZURE_RESOURCE_MANAGER_ENDPOINT`, else azspec.yaml's `cloud`, else Azure's public cloud.
    static func cloud(override: CloudEndpoints?, environment: [String: String], project: ProjectFile?) -> CloudEndpoints {
        if let override { return override }
        return CloudEndpoints.from(environment: environment, over: project?.cloud ?? .azureCloud)
    }
}
