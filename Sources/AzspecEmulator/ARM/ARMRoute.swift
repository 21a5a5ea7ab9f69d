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
    /// `…/providers/Microsoft.Authorization/permissions` at subscription or resource-group scope
    case permissions(String, String?)
    /// `/subscriptions/{id}/operationresults/{token}`
    case operationResult(String, String)
    /// Anything else under `/subscriptions/{id}/…`
    case unknown(String?)

    init(segments: [String]) {
        func lower(_ index: Int) -> String { segments[index].lowercased() }
        func isPermissions(_ start: Int) -> Bool {
            segments.count == start + 3 && lower(start) == "providers" && lower(start + 1) == "microsoft.authorization"
                && lower(start + 2) == "permissions"
        }
        switch segments.count {
        case 1:
            self = .subscriptions
        case 2:
            self = .subscription(segments[1])
        case 3 where lower(2) == "resourcegroups":
            self = .resourceGroups(segments[1])
        case 4 where lower(2) == "resourcegroups":
            self = .resourceGroup(segments[1], segments[3])
        case 4 where lower(2) == "operationresults":
            self = .operationResult(segments[1], segments[3])
        case 5 where isPermissions(2):
            self = .permissions(segments[1], nil)
        case 7 where lower(2) == "resourcegroups" && isPermissions(4):
            self = .permissions(segments[1], segments[3])
        default:
            self = .unknown(segments.count > 1 ? segments[1] : nil)
        }
    }

    /// The subscription id in the path, if any.
    var subscriptionId: String? {
        switch self {
        case .subscriptions: nil
        case .subscription(let id), .resourceGroups(let id), .resourceGroup(let id, _), .permissions(let id, _),
            .operationResult(let id, _):
            id
        case .unknown(let id): id
        }
    }
}
