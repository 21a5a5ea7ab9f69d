/// The emulator's mutable state: resource groups, token request counters and ARM rate-limit counters.
actor EmulatorState {
    /// One ARM rate-limit class with its hourly budget (azure-protocol.md §5.5–5.6).
    enum RateLimitClass: Sendable {
        case subscriptionReads, subscriptionWrites, subscriptionDeletes, tenantReads

        var budget: Int {
            switch self {
            case .subscriptionReads, .tenantReads: 12_000
            case .subscriptionWrites: 1_200
            case .subscriptionDeletes: 15_000
            }
        }

        /// The token bucket this class draws from: `reads`, `writes` or `deletes`.
        var bucketName: String {
            switch self {
            case .subscriptionReads, .tenantReads: "reads"
            case .subscriptionWrites: "writes"
            case .subscriptionDeletes: "deletes"
            }
        }

        var headerName: HeaderName {
            switch self {
            case .subscriptionReads: .rateLimitSubscriptionReads
            case .subscriptionWrites: .rateLimitSubscriptionWrites
            case .subscriptionDeletes: .rateLimitSubscriptionDeletes
            case .tenantReads: .rateLimitTenantReads
            }
        }
    }

    /// A counter: the class and the subscription or tenant it counts for.
    struct RateLimitKey: Hashable, Sendable {
        var scope: String
        var limitClass: RateLimitClass
    }

    private var resourceGroups: [String: ResourceGroupStore] = [:]
    private var tokenRequests = 0
    private var tokenRequestsByClient: [String: Int] = [:]
    private var rateLimits: [RateLimitKey: Int] = [:]
    /// Client assertion ids already used, per lower-cased client id, with the assertion's expiry.
    private var usedAssertionIds: [String: [String: Double]] = [:]

    init(directory: Directory) {
        for subscription in directory.subscriptions {
            var store = ResourceGroupStore()
            for group in subscription.resourceGroups {
                store.upsert(
                    ResourceGroupRecord(
                        subscriptionId: subscription.id,
                        name: group.name,
                        location: ResourceGroupRecord.normalizedLocation(group.location),
                        tags: group.tags,
                        managedBy: group.managedBy
                    )
                )
            }
            resourceGroups[subscription.id] = store
        }
    }

    // MARK: Token endpoint counters

    private var operationPolls: [String: Int] = [:]
    private var buckets: [String: (tokens: Double, at: Double)] = [:]

    enum BucketTake {
        /// A token was taken; this many whole tokens are left.
        case taken(left: Int)
        /// The bucket is empty for this many whole seconds.
        case throttled(wait: Int)
    }

    /// Takes a token from bucket `key` (`burst` deep, `refill` a second).
    func take(bucket key: String, burst: Int, refill: Double, now: Double) -> BucketTake {
        let last = buckets[key] ?? (Double(burst), now)
        let tokens = min(Double(burst), last.tokens + max(0, now - last.at) * refill)
        guard tokens >= 1 else {
            buckets[key] = (tokens, now)
            return .throttled(wait: max(1, Int(((1 - tokens) / max(refill, 0.001)).rounded(.up))))
        }
        buckets[key] = (tokens - 1, now)
        return .taken(left: Int(tokens - 1))
    }
    private var throttled: [Int: Int] = [:]

    /// Counts a request matching throttling rule `index`; true while the rule still throttles it.
    func throttle(rule index: Int, times: Int) -> Bool {
        throttled[index, default: 0] += 1
        return (throttled[index] ?? 0) <= times
    }

    /// Counts a poll of the operation `id`; returns how many it has had, this one included.
    func poll(operation id: String) -> Int {
        operationPolls[id, default: 0] += 1
        return operationPolls[id] ?? 0
    }

    private var operationStarts: [String: Double] = [:]

    /// Seconds since operation `id` was first seen (now, on first sight).
    func age(of id: String, now: Double) -> Double {
        if operationStarts[id] == nil { operationStarts[id] = now }
        return now - (operationStarts[id] ?? now)
    }

    func recordTokenRequest(clientId: String?) {
        tokenRequests += 1
        if let clientId { tokenRequestsByClient[clientId.lowercased(), default: 0] += 1 }
    }

    func tokenRequestCount(clientId: String?) -> Int {
        guard let clientId else { return tokenRequests }
        return tokenRequestsByClient[clientId.lowercased()] ?? 0
    }

    /// Records a certificate assertion's `jti`; false when this client already used it before it expired.
    func claimAssertionId(_ jti: String, clientId: String, expires: Double, now: Double) -> Bool {
        let key = clientId.lowercased()
        var used = usedAssertionIds[key, default: [:]]
        if used.count > 1_000 { used = used.filter { $0.value > now } }
        if let previous = used[jti], previous > now { return false }
        used[jti] = expires
        usedAssertionIds[key] = used
        return true
    }

    // MARK: Rate limits

    /// Takes one request from the counter and returns what remains (refilled when it runs out).
    /// Without a token bucket nothing is throttled, so the count never reports a budget running low: at half of it, it
    /// starts again (as ARM's hourly budget would, an hour later), and a client that slows down as the count nears 0 —
    /// azspec's rate limit does — is not slowed by an emulator that will never throttle it.
    func consume(_ key: RateLimitKey) -> Int {
        var remaining = (rateLimits[key] ?? key.limitClass.budget) - 1
        if remaining < key.limitClass.budget / 2 { remaining = key.limitClass.budget - 1 }
        rateLimits[key] = remaining
        return remaining
    }

    // MARK: Resource groups (subscription keys are lower-cased ids)

    func resourceGroup(subscription: String, name: String, consuming key: RateLimitKey) -> (ResourceGroupRecord?, Int) {
        (resourceGroups[subscription]?[name], consume(key))
    }

    /// All groups of the subscription in creation order (paging and RBAC filtering happen in the caller).
    func resourceGroups(subscription: String, consuming key: RateLimitKey) -> ([ResourceGroupRecord], Int) {
        (resourceGroups[subscription]?.all ?? [], consume(key))
    }

    /// Outcome of a PUT: created, updated, or refused because the group lives elsewhere.
    enum PutOutcome: Sendable {
        case created(ResourceGroupRecord)
        case updated(ResourceGroupRecord)
        case locationConflict(existing: String)
    }

    func putResourceGroup(
        subscription: String,
        name: String,
        location: String,
        tags: [(key: String, value: String)]?,
        managedBy: String?,
        consuming key: RateLimitKey
    ) -> (PutOutcome, Int) {
        let remaining = consume(key)
        let existing = resourceGroups[subscription]?[name]
        if let existing, existing.location != location {
            return (.locationConflict(existing: existing.location), remaining)
        }
        let record = ResourceGroupRecord(
            subscriptionId: subscription,
            name: existing?.name ?? name,
            location: location,
            tags: tags,
            managedBy: managedBy
        )
        resourceGroups[subscription, default: ResourceGroupStore()].upsert(record)
        return (existing == nil ? .created(record) : .updated(record), remaining)
    }

    /// PATCH: replaces the fields that are given (`.some(nil)` clears them).
    func patchResourceGroup(
        subscription: String,
        name: String,
        tags: [(key: String, value: String)]??,
        managedBy: String??,
        consuming key: RateLimitKey
    ) -> (ResourceGroupRecord?, Int) {
        let remaining = consume(key)
        guard let existing = resourceGroups[subscription]?[name] else { return (nil, remaining) }
        let record = ResourceGroupRecord(
            subscriptionId: existing.subscriptionId,
            name: existing.name,
            location: existing.location,
            tags: tags ?? existing.tags,
            managedBy: managedBy ?? existing.managedBy
        )
        resourceGroups[subscription]?.upsert(record)
        return (record, remaining)
    }

    func deleteResourceGroup(
        subscription: String, name: String, consuming key: RateLimitKey
    ) -> (ResourceGroupRecord?, Int) {
        (resourceGroups[subscription]?.remove(name), consume(key))
    }

    // MARK: Storage accounts

    private var storageAccounts: [String: StorageAccountRecord] = [:]
    private var storageOperations: [String: (key: String, record: StorageAccountRecord)] = [:]

    private static func storageKey(_ subscription: String, _ group: String, _ name: String) -> String {
        "\(subscription)|\(group.lowercased())|\(name.lowercased())"
    }

    func storageAccount(subscription: String, group: String, name: String, consuming key: RateLimitKey) -> (StorageAccountRecord?, Int) {
        (storageAccounts[Self.storageKey(subscription, group, name)], consume(key))
    }

    func storageAccounts(subscription: String, group: String, consuming key: RateLimitKey) -> ([StorageAccountRecord], Int) {
        let prefix = "\(subscription)|\(group.lowercased())|"
        let accounts = storageAccounts.filter { $0.key.hasPrefix(prefix) }.map(\.value).sorted { $0.name < $1.name }
        return (accounts, consume(key))
    }

    /// Starts a creation: the account exists once operation `id` has been polled to its end.
    func beginStorageAccount(_ record: StorageAccountRecord, operation id: String, consuming key: RateLimitKey) -> Int {
        storageOperations[id] = (Self.storageKey(record.subscriptionId, record.resourceGroup, record.name), record)
        return consume(key)
    }

    /// Creations finished by time rather than by a poll: their operation still answers with the account.
    private var finishedStorageOperations: [String: String] = [:]

    /// Ends a creation: stores the account and returns it (again, for an operation already finished by time).
    func finishStorageAccount(operation id: String) -> StorageAccountRecord? {
        if let key = finishedStorageOperations[id] { return storageAccounts[key] }
        guard let pending = storageOperations.removeValue(forKey: id) else { return nil }
        storageAccounts[pending.key] = pending.record
        return pending.record
    }

    /// Finishes every creation at least `seconds` old, as Azure finishes them whether or not anyone polls.
    func settleStorageOperations(now: Double, after seconds: Double) {
        for (id, pending) in storageOperations where age(of: id, now: now) >= seconds {
            storageOperations[id] = nil
            storageAccounts[pending.key] = pending.record
            finishedStorageOperations[id] = pending.key
        }
    }

    func hasStorageOperation(_ id: String) -> Bool { storageOperations[id] != nil || finishedStorageOperations[id] != nil }

    /// Every storage account of a subscription (for the resources list), by name.
    func storageAccounts(subscription: String) -> [StorageAccountRecord] {
        storageAccounts.filter { $0.key.hasPrefix(subscription + "|") }.map(\.value).sorted { $0.name < $1.name }
    }

    /// Whether an account of this name exists, or is being created, anywhere (names are global in Azure).
    func isStorageNameTaken(_ name: String) -> Bool {
        let suffix = "|" + name.lowercased()
        return storageAccounts.keys.contains { $0.hasSuffix(suffix) } || storageOperations.values.contains { $0.key.hasSuffix(suffix) }
    }

    func deleteStorageAccount(
        subscription: String, group: String, name: String, consuming key: RateLimitKey
    ) -> (StorageAccountRecord?, Int) {
        (storageAccounts.removeValue(forKey: Self.storageKey(subscription, group, name)), consume(key))
    }
}
