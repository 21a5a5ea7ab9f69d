/// An ARM operation name as it appears in AuthorizationFailed messages, with its lower-cased bytes for matching.
struct ARMAction: Sendable {
    let name: String
    let lowercased: [UInt8]

    init(_ name: String) {
        self.name = name
        lowercased = Array(name.lowercased().utf8)
    }

    static let readSubscription = ARMAction("Microsoft.Resources/subscriptions/read")
    static let readResourceGroups = ARMAction("Microsoft.Resources/subscriptions/resourcegroups/read")
    static let writeResourceGroup = ARMAction("Microsoft.Resources/subscriptions/resourcegroups/write")
    static let deleteResourceGroup = ARMAction("Microsoft.Resources/subscriptions/resourcegroups/delete")
    static let readPermissions = ARMAction("Microsoft.Authorization/permissions/read")
    static let readOperationResults = ARMAction("Microsoft.Resources/subscriptions/operationresults/read")
}
