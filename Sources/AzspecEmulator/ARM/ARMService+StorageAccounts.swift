import AzspecCore
import Foundation
import Hummingbird
import NIOCore

/// Storage accounts, ARM's asynchronous second resource type (azure-protocol.md §8): PUT answers 202 with a
/// `Location` polled until the account exists, GET, list, DELETE, and `listKeys` (an action Reader lacks).
extension ARMService {
    func storage(
        _ request: ARMOperation, group: String, name: String?, listKeys: Bool, body: ByteBuffer?
    ) async throws(ARMError) -> ARMReply {
        let subscription = request.subscription.id
        await settleStorage(request)
        let scopePath = request.call.path
        // An account's own scope; for the list, the resource group's.
        let scopeText =
            name == nil
            ? "/subscriptions/\(request.pathSubscriptionId)/resourceGroups/\(group)"
            : listKeys ? String(scopePath.dropLast("/listKeys".count)) : scopePath
        guard let scope = ARMScope(scopeText) else {
            throw .unknownPath(scopePath, apiVersion: request.call.apiVersion)
        }
        let (groupRecord, _) = await state.resourceGroup(subscription: subscription, name: group, consuming: request.rateLimitKey)
        guard groupRecord != nil else { throw .resourceGroupNotFound(group) }
        guard let name else {
            guard request.call.method == .get else { throw .methodNotAllowed(request.call.method) }
            try authorize(request, .readStorageAccounts, at: scope)
            let (accounts, remaining) = await state.storageAccounts(
                subscription: subscription, group: group, consuming: request.rateLimitKey)
            return ARMReply(status: .ok, body: "{\"value\":[" + accounts.map(\.json).joined(separator: ",") + "]}", remaining: remaining)
        }
        if listKeys {
            guard request.call.method == .post else { throw .methodNotAllowed(request.call.method) }
            try authorize(request, .listStorageKeys, at: scope)
            let (account, remaining) = await state.storageAccount(
                subscription: subscription, group: group, name: name, consuming: request.rateLimitKey)
            guard let account else { throw ARMError.storageAccountNotFound(name, group: group).consumed(remaining) }
            return ARMReply(status: .ok, body: account.keysJSON, remaining: remaining)
        }
        switch request.call.method {
        case .get:
            try authorize(request, .readStorageAccounts, at: scope)
            let (account, remaining) = await state.storageAccount(
                subscription: subscription, group: group, name: name, consuming: request.rateLimitKey)
            guard let account else { throw ARMError.storageAccountNotFound(name, group: group).consumed(remaining) }
            return ARMReply(status: .ok, body: account.json, remaining: remaining)
        case .delete:
            try authorize(request, .deleteStorageAccounts, at: scope)
            let (deleted, remaining) = await state.deleteStorageAccount(
                subscription: subscription, group: group, name: name, consuming: request.rateLimitKey)
            return ARMReply(status: deleted == nil ? .noContent : .ok, body: nil, remaining: remaining)
        case .put:
            try authorize(request, .writeStorageAccounts, at: scope)
            if let problem = StorageAccountRecord.nameProblem(name) { throw .accountNameInvalid(problem) }
            let fields = try StorageAccountBody(body)
            let (existing, _) = await state.storageAccount(
                subscription: subscription, group: group, name: name, consuming: request.rateLimitKey)
            if let existing { return ARMReply(status: .ok, body: existing.json, remaining: 0) }
            let record = StorageAccountRecord(
                subscriptionId: subscription, resourceGroup: group, name: name,
                location: ResourceGroupRecord.normalizedLocation(fields.location), sku: fields.sku, kind: fields.kind, tags: fields.tags,
                keys: [StorageAccountRecord.newKey(), StorageAccountRecord.newKey()], created: Date())
            let operation = GUID.random()
            let remaining = await state.beginStorageAccount(record, operation: operation, consuming: request.rateLimitKey)
            _ = await state.age(of: operation, now: request.call.now)
            return ARMReply(
                status: .accepted, body: nil,
                extraHeaders: [(.location, operationURL(request, operation)), (.retryAfterHeader, String(directory.operationRetryAfter))],
                remaining: remaining)
        default:
            throw .methodNotAllowed(request.call.method)
        }
    }

    /// `…/providers/Microsoft.Storage/operations/{id}?monitor=true`: 202 for the configured polls, then 200 with the
    /// account.
    func storageOperation(_ request: ARMOperation, id: String) async throws(ARMError) -> ARMReply {
        guard await state.hasStorageOperation(id) else { throw .operationNotFound(id) }
        let remaining = await state.consume(request.rateLimitKey)
        let polls = await state.poll(operation: id)
        if directory.isInProgress(polls: polls, age: await state.age(of: id, now: request.call.now)) {
            return ARMReply(
                status: .accepted, body: nil,
                extraHeaders: [(.location, operationURL(request, id)), (.retryAfterHeader, String(directory.operationRetryAfter))],
                remaining: remaining)
        }
        guard let account = await state.finishStorageAccount(operation: id) else { throw .operationNotFound(id) }
        return ARMReply(status: .ok, body: account.json, remaining: remaining)
    }

    /// Finishes the creations whose time is up: as long as a client following each `Retry-After` would wait
    /// (`operations.seconds`, and `operations.polls` × `operations.retryAfter`), so that one that never polls sees the
    /// account too.
    func settleStorage(_ request: ARMOperation) async {
        let seconds = directory.operationSeconds + Double(directory.operationPolls * directory.operationRetryAfter)
        await state.settleStorageOperations(now: request.call.now, after: seconds)
    }

    private func operationURL(_ request: ARMOperation, _ id: String) -> String {
        "\(request.call.baseURL)/subscriptions/\(request.pathSubscriptionId)/providers/Microsoft.Storage/operations/\(id)"
            + "?monitor=true&api-version=\(PercentEncoding.encode(request.call.apiVersion ?? ""))"
    }
}

/// A storage account PUT body: `location` required, `sku.name` (default Standard_LRS), `kind` (default StorageV2), tags.
struct StorageAccountBody: Sendable {
    var location: String
    var sku = "Standard_LRS"
    var kind = "StorageV2"
    var tags: [(key: String, value: String)]?

    init(_ buffer: ByteBuffer?) throws(ARMError) {
        let groupFields = try ResourceGroupBody(buffer)
        guard let location = groupFields.location, !location.isEmpty else { throw .locationRequired }
        self.location = location
        tags = groupFields.tags ?? nil
        let bytes = buffer.map { Array($0.readableBytesView) } ?? []
        if let json = JSONValue.parsed(bytes) {
            if let name = json["sku"]?["name"]?.stringValue { sku = name }
            if let kind = json["kind"]?.stringValue { self.kind = kind }
        }
    }
}
