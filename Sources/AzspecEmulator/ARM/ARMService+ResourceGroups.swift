import AzspecCore
import Hummingbird
import NIOCore

/// Resource groups: list, get, head, create or update, patch, delete.
extension ARMService {
    /// `GET /subscriptions/{id}/resourcegroups[?$top=N][&$skiptoken=…]`.
    func listResourceGroups(_ request: ARMOperation) async throws(ARMError) -> ARMReply {
        let call = request.call
        let objectId = request.token.objectId
        let canReadAll = directory.isAllowed(
            .readResourceGroups,
            objectId: objectId,
            subscriptionKey: request.subscription.id,
            resourceGroupKey: nil
        )
        guard canReadAll || directory.hasAnyAssignment(objectId: objectId, subscriptionKey: request.subscription.id)
        else {
            throw .authorizationFailed(
                appId: request.token.appId,
                objectId: objectId,
                action: .readResourceGroups,
                scope: "/subscriptions/\(request.pathSubscriptionId)"
            )
        }
        let top = try call.query("$top").map { text throws(ARMError) in
            guard let value = Int(text), value > 0 else { throw .invalidQueryParameter("$top", text) }
            return min(value, 1000)
        }
        // The page continues after the group the last one ended with (its creation sequence), not at a count:
        // a group created or deleted meanwhile shifts no other one.
        let after =
            try call.query("$skiptoken").map { text throws(ARMError) in
                guard let sequence = Self.decodeSkipToken(text) else { throw .invalidQueryParameter("$skiptoken", text) }
                return sequence
            } ?? 0

        let (all, remaining) = await state.resourceGroups(
            subscription: request.subscription.id,
            consuming: request.rateLimitKey
        )
        let visible =
            canReadAll
            ? all
            : all.filter {
                directory.isAllowed(
                    .readResourceGroups,
                    objectId: objectId,
                    subscriptionKey: request.subscription.id,
                    resourceGroupKey: $0.name.lowercased()
                )
            }
        let rest = visible.filter { $0.sequence > after }
        let page = top.map { Array(rest.prefix($0)) } ?? rest
        var body = "{\"value\":[" + page.map(\.json).joined(separator: ",") + "]"
        if let top, let last = page.last, rest.count > page.count {
            let end = last.sequence
            let apiVersion = PercentEncoding.encode(call.apiVersion ?? "")
            let nextLink =
                "\(call.baseURL)/subscriptions/\(request.pathSubscriptionId)/resourcegroups?%24top=\(top)"
                + "&api-version=\(apiVersion)&%24skiptoken=\(Self.encodeSkipToken(end))"
            body += ",\"nextLink\":" + JSONValue.string(nextLink).serialized
        }
        body += "}"
        return ARMReply(status: .ok, body: body, remaining: remaining)
    }

    /// Dispatches GET, HEAD, PUT, PATCH and DELETE on `/subscriptions/{id}/resourcegroups/{name}`.
    func resourceGroup(_ request: ARMOperation, name: String, body: ByteBuffer?) async throws(ARMError) -> ARMReply {
        switch request.call.method {
        case .get, .head: return try await readResourceGroup(request, name: name)
        case .put: return try await putResourceGroup(request, name: name, body: body)
        case .patch: return try await patchResourceGroup(request, name: name, body: body)
        case .delete: return try await deleteResourceGroup(request, name: name)
        default: throw .methodNotAllowed(request.call.method)
        }
    }

    private func readResourceGroup(_ request: ARMOperation, name: String) async throws(ARMError) -> ARMReply {
        try authorize(request, .readResourceGroups, resourceGroup: name, scope: request.call.path)
        let (record, remaining) = await state.resourceGroup(
            subscription: request.subscription.id,
            name: name,
            consuming: request.rateLimitKey
        )
        guard let record else { throw ARMError.resourceGroupNotFound(name).consumed(remaining) }
        if request.call.isHead { return ARMReply(status: .noContent, body: nil, remaining: remaining) }
        return ARMReply(status: .ok, body: record.json, remaining: remaining)
    }

    private func putResourceGroup(
        _ request: ARMOperation, name: String, body: ByteBuffer?
    ) async throws(ARMError)
        -> ARMReply
    {
        try authorize(request, .writeResourceGroup, resourceGroup: name, scope: request.call.path)
        if let problem = ResourceGroupName.problem(with: name) { throw .invalidResourceGroupName(problem) }
        let fields = try ResourceGroupBody(body)
        guard let requestedLocation = fields.location, !requestedLocation.isEmpty else { throw .locationRequired }
        let location = ResourceGroupRecord.normalizedLocation(requestedLocation)
        let (outcome, remaining) = await state.putResourceGroup(
            subscription: request.subscription.id,
            name: name,
            location: location,
            tags: fields.tags ?? nil,
            managedBy: fields.managedBy ?? nil,
            consuming: request.rateLimitKey
        )
        switch outcome {
        case .created(let record): return ARMReply(status: .created, body: record.json, remaining: remaining)
        case .updated(let record): return ARMReply(status: .ok, body: record.json, remaining: remaining)
        case .locationConflict(let existing):
            throw ARMError.locationConflict(requested: requestedLocation, existing: existing).consumed(remaining)
        }
    }

    private func patchResourceGroup(
        _ request: ARMOperation, name: String, body: ByteBuffer?
    ) async throws(ARMError)
        -> ARMReply
    {
        try authorize(request, .writeResourceGroup, resourceGroup: name, scope: request.call.path)
        let fields = try ResourceGroupBody(body)
        let (record, remaining) = await state.patchResourceGroup(
            subscription: request.subscription.id,
            name: name,
            tags: fields.tags,
            managedBy: fields.managedBy,
            consuming: request.rateLimitKey
        )
        guard let record else { throw ARMError.resourceGroupNotFound(name).consumed(remaining) }
        return ARMReply(status: .ok, body: record.json, remaining: remaining)
    }

    /// Deletes at once and answers like ARM's long-running delete: 202, `Location` to poll, `Retry-After: 15` (or
    /// the configuration's `operations`).
    private func deleteResourceGroup(_ request: ARMOperation, name: String) async throws(ARMError) -> ARMReply {
        try authorize(request, .deleteResourceGroup, resourceGroup: name, scope: request.call.path)
        let (record, remaining) = await state.deleteResourceGroup(
            subscription: request.subscription.id,
            name: name,
            consuming: request.rateLimitKey
        )
        guard let record else { throw ARMError.resourceGroupNotFound(name).consumed(remaining) }
        let job: JSONValue = .object([
            "jobId": .string("RESOURCEGROUPDELETIONJOB-\(record.name.uppercased())-\(record.location.uppercased())-\(GUID.random())"),
            "jobLocation": .string(record.location),
        ])
        let apiVersion = PercentEncoding.encode(request.call.apiVersion ?? "")
        let operation = Base64URL.encode(job.serialized)
        _ = await state.age(of: operation, now: request.call.now)  // the operation's clock starts now
        let location =
            "\(request.call.baseURL)/subscriptions/\(request.pathSubscriptionId)/operationresults/"
            + "\(operation)?api-version=\(apiVersion)"
        return ARMReply(
            status: .accepted,
            body: nil,
            extraHeaders: [(.location, location), (.retryAfterHeader, String(directory.operationRetryAfter))],
            remaining: remaining
        )
    }

    static func encodeSkipToken(_ offset: Int) -> String {
        Base64URL.encode(JSONValue.object(["offset": .int(offset)]).serialized)
    }

    static func decodeSkipToken(_ token: String) -> Int? {
        guard let bytes = Base64URL.decode(token), let json = JSONValue.parsed(bytes),
            let offset = json["offset"]?.intValue, offset >= 0
        else { return nil }
        return offset
    }
}
