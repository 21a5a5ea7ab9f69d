import AzspecCore
import HTTPTypes

/// Subscriptions and operation results.
extension ARMService {
    static func subscriptionJSON(_ subscription: Directory.Subscription) -> JSONValue {
        var members: JSONObject = [
            "id": .string("/subscriptions/\(subscription.id)"),
            "authorizationSource": "RoleBased",
            "managedByTenants": [],
            "subscriptionId": .string(subscription.id),
            "tenantId": .string(subscription.tenantId),
            "displayName": .string(subscription.displayName),
            "state": .string(subscription.state),
            "subscriptionPolicies": .object([
                "locationPlacementId": "Public_2014-09-01",
                "quotaId": "PayAsYouGo_2014-09-01",
                "spendingLimit": "Off",
            ]),
        ]
        if let tags = subscription.tags {
            members["tags"] = .object(JSONObject(tags.map { ($0.key, .string($0.value)) }))
        }
        return .object(members)
    }

    /// `GET /subscriptions`: the subscriptions of the caller's tenant where it holds any role.
    func listSubscriptions(
        token: AccessTokenClaims, limitClass: EmulatorState.RateLimitClass, call: ARMCall
    ) async throws(ARMError) -> ARMReply {
        let visible = directory.subscriptions.filter {
            $0.tenantId == token.tenantId
                && directory.hasAnyAssignment(objectId: token.objectId, subscriptionKey: $0.id)
        }
        let items = visible.compactMap { subscriptionItems[$0.id] }
        var body =
            "{\"value\":[" + items.joined(separator: ",") + "],\"count\":{\"type\":\"Total\",\"value\":\(items.count)}}"
        if directory.pageSize > 0, case .object(var paged) = try page(items.compactMap { JSONValue.parsed(Array($0.utf8)) }, call) {
            paged["count"] = .object(["type": "Total", "value": .int(items.count)])
            body = JSONValue.object(paged).serialized
        }
        let remaining = await state.consume(.init(scope: token.tenantId, limitClass: limitClass))
        return ARMReply(status: .ok, body: body, remaining: remaining)
    }

    /// `GET /subscriptions/{id}`: visible to anyone holding a role anywhere in the subscription.
    func getSubscription(_ request: ARMOperation) async throws(ARMError) -> ARMReply {
        guard directory.hasAnyAssignment(objectId: request.token.objectId, subscriptionKey: request.subscription.id)
        else {
            throw .authorizationFailed(
                appId: request.token.appId,
                objectId: request.token.objectId,
                action: .readSubscription,
                scope: request.call.path
            )
        }
        let remaining = await state.consume(request.rateLimitKey)
        return ARMReply(status: .ok, body: subscriptionItems[request.subscription.id], remaining: remaining)
    }

    /// `GET /subscriptions/{id}/operationresults/{token}`: 202 with the same `Location` and `Retry-After` for the
    /// configured number of polls, then done: 200 with an empty body, as ARM's last poll.
    func operationResult(_ request: ARMOperation, id: String) async throws(ARMError) -> ARMReply {
        try authorize(request, .readOperationResults, resourceGroup: nil, scope: request.call.path)
        guard let bytes = Base64URL.decode(id), let job = JSONValue.parsed(bytes), job["jobId"] != nil else {
            throw .operationNotFound(id)
        }
        let remaining = await state.consume(request.rateLimitKey)
        let polls = await state.poll(operation: id)
        let age = await state.age(of: id, now: request.call.now)
        guard !directory.isInProgress(polls: polls, age: age) else {
            let apiVersion = PercentEncoding.encode(request.call.apiVersion ?? "")
            let location = "\(request.call.baseURL)\(request.call.path)?api-version=\(apiVersion)"
            return ARMReply(
                status: .accepted, body: nil,
                extraHeaders: [(.location, location), (.retryAfterHeader, String(directory.operationRetryAfter))],
                remaining: remaining)
        }
        return ARMReply(status: .ok, body: nil, remaining: remaining)
    }
}
