import AzspecCore

/// The operations the emulator authorizes, named as ARM names them in AuthorizationFailed messages.
extension RBACAction {
    static let readSubscription = RBACAction("Microsoft.Resources/subscriptions/read")
    static let readResourceGroups = RBACAction("Microsoft.Resources/subscriptions/resourcegroups/read")
    static let writeResourceGroup = RBACAction("Microsoft.Resources/subscriptions/resourcegroups/write")
    static let deleteResourceGroup = RBACAction("Microsoft.Resources/subscriptions/resourcegroups/delete")
    static let readPermissions = RBACAction("Microsoft.Authorization/permissions/read")
    static let readRoleAssignments = RBACAction("Microsoft.Authorization/roleAssignments/read")
    static let writeRoleAssignments = RBACAction("Microsoft.Authorization/roleAssignments/write")
    static let deleteRoleAssignments = RBACAction("Microsoft.Authorization/roleAssignments/delete")
    static let readRoleDefinitions = RBACAction("Microsoft.Authorization/roleDefinitions/read")
    static let readDenyAssignments = RBACAction("Microsoft.Authorization/denyAssignments/read")
    static let readStorageAccounts = RBACAction("Microsoft.Storage/storageAccounts/read")
    static let writeStorageAccounts = RBACAction("Microsoft.Storage/storageAccounts/write")
    static let deleteStorageAccounts = RBACAction("Microsoft.Storage/storageAccounts/delete")
    static let listStorageKeys = RBACAction("Microsoft.Storage/storageAccounts/listKeys/action")
    static let readOperationResults = RBACAction("Microsoft.Resources/subscriptions/operationresults/read")
}
