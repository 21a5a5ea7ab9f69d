import AzspecCore
import Foundation
import HTTPTypes
import NIOCore

/// What clients read on the way to what they came for (the Azure CLI before a storage account create, `az account
/// list-locations`, `az resource list`, `az provider show`): a storage name's availability, the locations, the
/// resource providers, the subscription's resources, and the caller's tenants.
extension ARMService {
    /// Regions the emulator names, as `GET /subscriptions/{id}/locations` lists them.
    static let locations: [(name: String, displayName: String, geography: String, group: String)] = [
        ("eastus", "East US", "United States", "US"), ("westus2", "West US 2", "United States", "US"),
        ("northeurope", "North Europe", "Europe", "Europe"), ("westeurope", "West Europe", "Europe", "Europe"),
        ("uksouth", "UK South", "United Kingdom", "Europe"), ("swedencentral", "Sweden Central", "Sweden", "Europe"),
        ("australiaeast", "Australia East", "Australia", "Asia Pacific"), ("japaneast", "Japan East", "Japan", "Asia Pacific"),
    ]

    /// The providers the emulator serves, with their resource types and api-versions (newest first: clients take the
    /// first that is not a preview).
    static let providers: [(namespace: String, types: [(name: String, versions: [String])])] = [
        (
            "Microsoft.Resources",
            [
                ("resourceGroups", ["2022-09-01", "2021-04-01", "2020-06-01"]), ("subscriptions", ["2022-12-01", "2021-01-01"]),
                ("locations", ["2022-12-01", "2021-01-01"]), ("tenants", ["2022-12-01", "2021-01-01"]),
            ]
        ),
        (
            "Microsoft.Storage",
            [("storageAccounts", ["2023-05-01", "2023-01-01", "2022-09-01"]), ("checkNameAvailability", ["2023-05-01", "2023-01-01"])]
        ),
        (
            "Microsoft.Authorization",
            [
                ("roleAssignments", ["2022-04-01", "2020-10-01"]), ("roleDefinitions", ["2022-04-01", "2018-01-01-preview"]),
                ("permissions", ["2022-04-01", "2015-07-01"]), ("denyAssignments", ["2022-04-01"]),
                ("roleEligibilityScheduleInstances", ["2020-10-01"]),
            ]
        ),
    ]

    /// `POST /subscriptions/{id}/providers/Microsoft.Storage/checkNameAvailability`: `{"name", "type"}` →
    /// `{"nameAvailable", "reason", "message"}` (a name is taken in any subscription: storage names are global).
    func checkStorageName(_ request: ARMOperation, body: ByteBuffer?) async throws(ARMError) -> ARMReply {
        try authorize(
            request, RBACAction("Microsoft.Storage/checknameavailability/read"), resourceGroup: nil,
            scope: "/subscriptions/\(request.pathSubscriptionId)")
        guard let body, let json = try? JSONValue(parsing: body.readableBytesView), let name = json["name"]?.stringValue else {
            throw .invalidRequestContent("The request content must be a JSON object with a 'name'.")
        }
        guard json["type"]?.stringValue?.lowercased() == "microsoft.storage/storageaccounts" else {
            throw .invalidRequestContent("The type must be 'Microsoft.Storage/storageAccounts'.")
        }
        await settleStorage(request)
        let answer: JSONValue
        if let problem = StorageAccountRecord.nameProblem(name) {
            answer = ["nameAvailable": false, "reason": "AccountNameInvalid", "message": .string(problem)]
        } else if await state.isStorageNameTaken(name) {
            answer = [
                "nameAvailable": false, "reason": "AlreadyExists",
                "message": .string("The storage account named \(name) is already taken."),
            ]
        } else {
            answer = ["nameAvailable": true]
        }
        return ARMReply(status: .ok, body: answer.serialized, remaining: await state.consume(request.rateLimitKey))
    }

    /// `GET /subscriptions/{id}/locations`.
    func listLocations(_ request: ARMOperation) async throws(ARMError) -> ARMReply {
        try authorizeSubscriptionRead(request)
        let items: [JSONValue] = Self.locations.map { location in
            .object([
                "id": .string("/subscriptions/\(request.subscription.id)/locations/\(location.name)"),
                "name": .string(location.name), "type": "Region", "displayName": .string(location.displayName),
                "regionalDisplayName": .string("(\(location.group)) \(location.displayName)"),
                "metadata": .object([
                    "regionType": "Physical", "regionCategory": "Recommended", "geographyGroup": .string(location.group),
                    "geography": .string(location.geography),
                ]),
            ])
        }
        return ARMReply(
            status: .ok, body: JSONValue.object(["value": .array(items)]).serialized, remaining: await state.consume(request.rateLimitKey))
    }

    /// `GET /subscriptions/{id}/providers[/{namespace}]`: every provider Registered.
    func provider(_ request: ARMOperation, namespace: String?) async throws(ARMError) -> ARMReply {
        try authorizeSubscriptionRead(request)
        func json(_ provider: (namespace: String, types: [(name: String, versions: [String])])) -> JSONValue {
            .object([
                "id": .string("/subscriptions/\(request.subscription.id)/providers/\(provider.namespace)"),
                "namespace": .string(provider.namespace), "registrationState": "Registered", "registrationPolicy": "RegistrationRequired",
                "resourceTypes": .array(
                    provider.types.map { type in
                        .object([
                            "resourceType": .string(type.name), "locations": .array(Self.locations.map { .string($0.displayName) }),
                            "apiVersions": .array(type.versions.map(JSONValue.string)),
                        ])
                    }),
            ])
        }
        let remaining = await state.consume(request.rateLimitKey)
        guard let namespace else {
            return ARMReply(
                status: .ok, body: JSONValue.object(["value": .array(Self.providers.map(json))]).serialized, remaining: remaining)
        }
        guard let found = Self.providers.first(where: { $0.namespace.lowercased() == namespace.lowercased() }) else {
            throw ARMError.providerNotFound(namespace).consumed(remaining)
        }
        return ARMReply(status: .ok, body: json(found).serialized, remaining: remaining)
    }

    /// `GET /subscriptions/{id}[/resourceGroups/{rg}]/resources`, with the `$filter` terms `az resource list` sends
    /// (`resourceGroup`, `name`, `location`, `resourceType` `eq '…'`, joined by `and`): the storage accounts, the
    /// emulator's only resources.
    func listResources(_ request: ARMOperation, group: String?) async throws(ARMError) -> ARMReply {
        try authorizeSubscriptionRead(request)
        var terms: [(field: String, value: String)] = group.map { [("resourcegroup", $0.lowercased())] } ?? []
        if let filter = request.call.query("$filter"), !filter.isEmpty {
            for clause in filter.components(separatedBy: " and ") {
                guard let match = clause.wholeMatch(of: #/\s*(resourceGroup|name|location|resourceType)\s+eq\s+'([^']*)'\s*/#.ignoresCase())
                else { throw .invalidFilter(filter) }
                terms.append((match.output.1.lowercased(), match.output.2.lowercased()))
            }
        }
        await settleStorage(request)
        let accounts = await state.storageAccounts(subscription: request.subscription.id).filter { account in
            terms.allSatisfy { term in
                switch term.field {
                case "resourcegroup": account.resourceGroup.lowercased() == term.value
                case "name": account.name.lowercased() == term.value
                case "location": account.location.lowercased() == term.value
                default: term.value == "microsoft.storage/storageaccounts"
                }
            }
        }
        let items = accounts.compactMap { try? JSONValue(parsing: $0.json) }.map { item -> JSONValue in
            // The resources list carries the generic part of each resource, not its properties.
            guard case .object(var fields) = item else { return item }
            fields["properties"] = nil
            return .object(fields)
        }
        return ARMReply(
            status: .ok, body: JSONValue.object(["value": .array(items)]).serialized, remaining: await state.consume(request.rateLimitKey))
    }

    /// `GET /tenants`: the caller's own tenant (a service principal sees its home tenant).
    func listTenants(token: AccessTokenClaims, call: ARMCall) -> ARMReply {
        let items: [JSONValue] = [directory.tenant(token.tenantId)].compactMap { $0 }.map { tenant in
            .object([
                "id": .string("/tenants/\(tenant.id)"), "tenantId": .string(tenant.id), "countryCode": "US",
                "displayName": .string(tenant.displayName ?? tenant.id), "domains": .array(tenant.domains.map(JSONValue.string)),
                "tenantCategory": "Home", "defaultDomain": .string(tenant.domains.first ?? "\(tenant.id).onmicrosoft.com"),
                "tenantType": "AAD",
            ])
        }
        return ARMReply(status: .ok, body: JSONValue.object(["value": .array(items)]).serialized, remaining: 11_999)
    }

    private func authorizeSubscriptionRead(_ request: ARMOperation) throws(ARMError) {
        guard directory.hasAnyAssignment(objectId: request.token.objectId, subscriptionKey: request.subscription.id) else {
            throw .authorizationFailed(
                appId: request.token.appId, objectId: request.token.objectId, action: RBACAction("Microsoft.Resources/subscriptions/read"),
                scope: "/subscriptions/\(request.pathSubscriptionId)")
        }
    }
}
