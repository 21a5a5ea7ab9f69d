import AzspecCore

/// The ARM operations the emulator serves, recognised from the decoded path segments.
///
/// Segment names (`resourcegroups`, `providers`, `Microsoft.Authorization`) match case-insensitively, as in ARM.
enum ARMRoute: Sendable {
    /// `GET /subscriptions`
    case subscriptions
    /// `/subscriptions/{id}`
    case subscription(String)
    /// `/subscriptions/{id}/resourcegroups`
    case resourceGroups(String)
    /// `/subscriptions/{id}/resourcegroups/{name}`
    case resourceGroup(String, String)
    /// `{scope}/providers/Microsoft.Authorization/{permissions|roleAssignments|roleDefinitions|denyAssignments}[/{id}]`
    /// at a subscription, resource-group or resource scope
    case authorization(String, scope: ARMScope, kind: AuthorizationKind, id: String?)
    /// `/subscriptions/{id}/operationresults/{token}`
    case operationResult(String, String)
    /// `/subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts[/{name}[/listKeys]]`
    case storageAccounts(String, group: String, name: String?, listKeys: Bool)
    /// `/subscriptions/{id}/providers/Microsoft.Storage/operations/{id}`: a creation's Location
    case storageOperation(String, String)
    /// `POST /subscriptions/{id}/providers/Microsoft.Storage/checkNameAvailability`
    case checkStorageName(String)
    /// `/subscriptions/{id}/locations`
    case locations(String)
    /// `/subscriptions/{id}/providers[/{namespace}]`
    case providers(String, namespace: String?)
    /// `/subscriptions/{id}[/resourceGroups/{rg}]/resources`
    case resources(String, group: String?)
    /// `GET /tenants` (the path's first segment)
    case tenants
    /// Anything else under `/subscriptions/{id}/…`
    case unknown(String?)

    init(segments: [String]) {
        func lower(_ index: Int) -> String { segments[index].lowercased() }
        if let route = Self.authorization(segments) {
            self = route
            return
        }
        if segments.first?.lowercased() == "tenants", segments.count == 1 {
            self = .tenants
            return
        }
        switch segments.count {
        case 1:
            self = .subscriptions
        case 3 where lower(2) == "locations":
            self = .locations(segments[1])
        case 3 where lower(2) == "resources":
            self = .resources(segments[1], group: nil)
        case 5 where lower(2) == "resourcegroups" && lower(4) == "resources":
            self = .resources(segments[1], group: segments[3])
        case 3 where lower(2) == "providers":
            self = .providers(segments[1], namespace: nil)
        case 4 where lower(2) == "providers":
            self = .providers(segments[1], namespace: segments[3])
        case 5 where lower(2) == "providers" && lower(3) == "microsoft.storage" && lower(4) == "checknameavailability":
            self = .checkStorageName(segments[1])
        case 2:
            self = .subscription(segments[1])
        case 3 where lower(2) == "resourcegroups":
            self = .resourceGroups(segments[1])
        case 4 where lower(2) == "resourcegroups":
            self = .resourceGroup(segments[1], segments[3])
        case 4 where lower(2) == "operationresults":
            self = .operationResult(segments[1], segments[3])
        case 6 where lower(2) == "providers" && lower(3) == "microsoft.storage" && lower(4) == "operations":
            self = .storageOperation(segments[1], segments[5])
        case 7...9
        where lower(2) == "resourcegroups" && lower(4) == "providers" && lower(5) == "microsoft.storage"
            && lower(6) == "storageaccounts" && (segments.count < 9 || lower(8) == "listkeys"):
            self = .storageAccounts(
                segments[1], group: segments[3], name: segments.count > 7 ? segments[7] : nil, listKeys: segments.count == 9)
        default:
            self = .unknown(segments.count > 1 ? segments[1] : nil)
        }
    }

    /// The subscription id in the path, if any.
    var subscriptionId: String? {
        switch self {
        case .subscriptions: nil
        case .subscription(let id), .resourceGroups(let id), .resourceGroup(let id, _), .authorization(let id, _, _, _),
            .operationResult(let id, _), .storageAccounts(let id, _, _, _), .storageOperation(let id, _):
            id
        case .checkStorageName(let id), .locations(let id), .providers(let id, _), .resources(let id, _): id
        case .tenants: nil
        case .unknown(let id): id
        }
    }

    /// The Microsoft.Authorization collections the emulator serves.
    enum AuthorizationKind: String, Sendable, CaseIterable {
        case permissions
        case roleAssignments
        case roleDefinitions
        case denyAssignments
        /// PIM: eligible role assignments (`2020-10-01`), listed only.
        case roleEligibilityScheduleInstances
    }

    /// The last `providers/Microsoft.Authorization/{kind}[/{id}]` of the path, after an ARM scope.
    private static func authorization(_ segments: [String]) -> ARMRoute? {
        guard segments.count >= 5 else { return nil }
        for start in stride(from: segments.count - 3, through: 2, by: -1)
        where segments[start].lowercased() == "providers" && segments[start + 1].lowercased() == "microsoft.authorization" {
            let rest = segments[(start + 2)...]
            guard rest.count <= 2,
                let kind = AuthorizationKind.allCases.first(where: { $0.rawValue.lowercased() == rest.first?.lowercased() }),
                kind != .permissions || rest.count == 1,
                let scope = ARMScope("/" + segments[..<start].joined(separator: "/"))
            else { return nil }
            return .authorization(segments[1], scope: scope, kind: kind, id: rest.count == 2 ? rest.last : nil)
        }
        return nil
    }
}
