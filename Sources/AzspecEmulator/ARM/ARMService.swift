import AzspecCore
import Hummingbird

/// Azure Resource Manager: subscriptions, resource groups, Microsoft.Authorization (permissions, role and deny
/// assignments, role definitions) and delete-operation results.
///
/// Checks run in ARM's order: api-version, authentication, subscription existence (and token tenant),
/// authorization, resource existence.
struct ARMService: Sendable {
    let directory: Directory
    let state: EmulatorState
    let authenticator: Authenticator
    /// The subscription items of `GET /subscriptions`, serialized once, by lower-cased id.
    let subscriptionItems: [String: String]
    /// The tenant named in 401 challenges when the path has no known subscription.
    let defaultTenantId: String

    init(directory: Directory, state: EmulatorState, authenticator: Authenticator) {
        self.directory = directory
        self.state = state
        self.authenticator = authenticator
        var items: [String: String] = [:]
        for subscription in directory.subscriptions {
            items[subscription.id] = Self.subscriptionJSON(subscription).serialized
        }
        subscriptionItems = items
        defaultTenantId = directory.subscriptions.first?.tenantId ?? ""
    }

    func handle(_ call: ARMCall, body: ByteBuffer?) async -> Response {
        let route = ARMRoute(segments: call.segments)
        let subscription = route.subscriptionId.flatMap { directory.subscription($0) }
        let limitClass = Self.rateLimitClass(route: route, method: call.method)
        for (index, rule) in directory.throttling.enumerated() where rule.matches(segments: call.segments, method: call.method.rawValue) {
            guard await state.throttle(rule: index, times: rule.times) else { continue }
            let scope = route.subscriptionId ?? "tenant"
            var error = ARMError.throttled(subscription: scope, seconds: rule.retryAfter)
            error.status = HTTPResponse.Status(code: rule.status)
            return ARMResponse.error(
                error, call: call, challengeTenant: subscription?.tenantId ?? defaultTenantId, rateLimit: (limitClass, 0))
        }
        do {
            let reply = try await dispatch(
                route, call: call, subscription: subscription, limitClass: limitClass, body: body)
            return ARMResponse.make(
                status: reply.status,
                body: reply.body,
                call: call,
                rateLimit: (limitClass, reply.remaining),
                extraHeaders: reply.extraHeaders
            )
        } catch {
            let scope = route.subscriptionId?.lowercased() ?? subscription?.tenantId ?? defaultTenantId
            let remaining: Int
            if let consumed = error.remaining {
                remaining = consumed
            } else {
                remaining = await state.consume(.init(scope: scope, limitClass: limitClass))
            }
            return ARMResponse.error(
                error,
                call: call,
                challengeTenant: subscription?.tenantId ?? defaultTenantId,
                rateLimit: (limitClass, remaining)
            )
        }
    }

    private func dispatch(
        _ route: ARMRoute,
        call: ARMCall,
        subscription: Directory.Subscription?,
        limitClass: EmulatorState.RateLimitClass,
        body: ByteBuffer?
    ) async throws(ARMError) -> ARMReply {
        guard let apiVersion = call.apiVersion, !apiVersion.isEmpty else { throw .missingApiVersion }
        guard Self.isWellFormed(apiVersion: apiVersion) else { throw .invalidApiVersion(apiVersion) }
        let token = try authenticator.authenticate(
            authorization: call.authorization, baseURL: call.baseURL, now: call.now)
        guard let subscriptionId = route.subscriptionId else {
            guard call.method == .get else { throw .methodNotAllowed(call.method) }
            if case .tenants = route { return listTenants(token: token, call: call) }
            return try await listSubscriptions(token: token, limitClass: limitClass, call: call)
        }
        guard let subscription else { throw .subscriptionNotFound(subscriptionId) }
        guard token.tenantId == subscription.tenantId else {
            throw .wrongTenant(issuer: token.issuer, tenantId: subscription.tenantId)
        }
        // ARM's token bucket per subscription, principal and kind of operation (azure-protocol.md §5.6); its level is
        // what the rate-limit header then reports.
        var bucketLevel: Int?
        if let bucket = directory.tokenBucket[limitClass.bucketName] {
            let key = "\(subscription.id)|\(token.objectId)|\(limitClass.bucketName)"
            switch await state.take(bucket: key, burst: bucket.burst, refill: bucket.refill, now: call.now) {
            case .throttled(let wait):
                var error = ARMError.throttled(
                    subscription: subscription.id, seconds: wait, operation: limitClass.bucketName.dropLast(1).description,
                    actor: token.objectId)
                error.remaining = 0
                throw error
            case .taken(let left): bucketLevel = left
            }
        }
        let request = ARMOperation(
            call: call,
            token: token,
            subscription: subscription,
            pathSubscriptionId: subscriptionId,
            rateLimitKey: .init(scope: subscription.id, limitClass: limitClass)
        )
        var reply = try await serve(route, request, body: body, apiVersion: apiVersion)
        if let bucketLevel { reply.remaining = bucketLevel }
        return reply
    }

    private func serve(_ route: ARMRoute, _ request: ARMOperation, body: ByteBuffer?, apiVersion: String) async throws(ARMError) -> ARMReply
    {
        let call = request.call
        switch route {
        case .subscription:
            guard call.method == .get else { throw .methodNotAllowed(call.method) }
            return try await getSubscription(request)
        case .resourceGroups:
            guard call.method == .get else { throw .methodNotAllowed(call.method) }
            return try await listResourceGroups(request)
        case .resourceGroup(_, let name):
            return try await resourceGroup(request, name: name, body: body)
        case .authorization(_, let scope, .roleAssignments, let id?) where call.method == .put || call.method == .delete:
            return try await writeRoleAssignment(request, scope: scope, id: id, body: body)
        case .authorization(_, let scope, let kind, let id):
            guard call.method == .get else { throw .methodNotAllowed(call.method) }
            return try await authorization(request, scope: scope, kind: kind, id: id)
        case .storageAccounts(_, let group, let name, let listKeys):
            return try await storage(request, group: group, name: name, listKeys: listKeys, body: body)
        case .storageOperation(_, let id):
            guard call.method == .get else { throw .methodNotAllowed(call.method) }
            return try await storageOperation(request, id: id)
        case .operationResult(_, let id):
            guard call.method == .get else { throw .methodNotAllowed(call.method) }
            return try await operationResult(request, id: id)
        case .checkStorageName:
            guard call.method == .post else { throw .methodNotAllowed(call.method) }
            return try await checkStorageName(request, body: body)
        case .locations:
            guard call.method == .get else { throw .methodNotAllowed(call.method) }
            return try await listLocations(request)
        case .providers(_, let namespace):
            guard call.method == .get else { throw .methodNotAllowed(call.method) }
            return try await provider(request, namespace: namespace)
        case .resources(_, let group):
            guard call.method == .get else { throw .methodNotAllowed(call.method) }
            return try await listResources(request, group: group)
        case .subscriptions, .tenants, .unknown:
            throw .unknownPath(call.path, apiVersion: apiVersion)
        }
    }

    /// Throws AuthorizationFailed unless the caller holds a role that allows `action` at the scope.
    func authorize(_ request: ARMOperation, _ action: RBACAction, resourceGroup: String?, scope: String) throws(ARMError) {
        let allowed = directory.isAllowed(
            action,
            objectId: request.token.objectId,
            subscriptionKey: request.subscription.id,
            resourceGroupKey: resourceGroup?.lowercased()
        )
        try authorize(request, action, allowed: allowed, scope: scope)
    }

    /// Throws AuthorizationFailed unless the caller may perform `action` at `scope`.
    func authorize(_ request: ARMOperation, _ action: RBACAction, at scope: ARMScope) throws(ARMError) {
        let allowed = directory.isAllowed(action, objectId: request.token.objectId, at: scope)
        try authorize(request, action, allowed: allowed, scope: scope.path)
    }

    func authorize(_ request: ARMOperation, _ action: RBACAction, allowed: Bool, scope: String) throws(ARMError) {
        guard allowed else {
            throw .authorizationFailed(
                appId: request.token.appId,
                objectId: request.token.objectId,
                action: action,
                scope: scope
            )
        }
    }

    /// Dates like `2021-04-01` or `2015-07-01-preview`.
    static func isWellFormed(apiVersion: String) -> Bool {
        let utf8 = Array(apiVersion.utf8)
        guard utf8.count >= 10 else { return false }
        for (index, byte) in utf8.prefix(10).enumerated() {
            let isDigit = (0x30...0x39).contains(byte)
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !isDigit {
                return false
            }
        }
        return utf8.count == 10 || utf8[10] == UInt8(ascii: "-")
    }

    static func rateLimitClass(route: ARMRoute, method: HTTPRequest.Method) -> EmulatorState.RateLimitClass {
        if case .subscriptions = route { return .tenantReads }
        switch method {
        case .get, .head: return .subscriptionReads
        case .delete: return .subscriptionDeletes
        default: return .subscriptionWrites
        }
    }
}

/// An authenticated request against a known subscription.
struct ARMOperation: Sendable {
    let call: ARMCall
    let token: AccessTokenClaims
    let subscription: Directory.Subscription
    /// The subscription id as the client wrote it.
    let pathSubscriptionId: String
    let rateLimitKey: EmulatorState.RateLimitKey
}
