import AzspecCore
import Foundation

/// A storage account as the emulator keeps it: ARM's shape (azure-protocol.md §8) and its two keys.
struct StorageAccountRecord: Sendable {
    let subscriptionId: String
    let resourceGroup: String
    let name: String
    let location: String
    let sku: String
    let kind: String
    let tags: [(key: String, value: String)]?
    let keys: [String]
    let created: Date

    var id: String {
        "/subscriptions/\(subscriptionId)/resourceGroups/\(resourceGroup)/providers/Microsoft.Storage/storageAccounts/\(name)"
    }

    /// When it was created, with seven fraction digits as Azure writes it.
    var createdText: String { UTCTime.roundTripInstant(created.timeIntervalSince1970) }

    var json: String {
        var members: JSONObject = [
            "id": .string(id), "name": .string(name), "type": "Microsoft.Storage/storageAccounts", "location": .string(location),
        ]
        if let tags { members["tags"] = .object(JSONObject(tags.map { ($0.key, .string($0.value)) })) }
        members["sku"] = .object(["name": .string(sku), "tier": .string(sku.hasPrefix("Premium") ? "Premium" : "Standard")])
        members["kind"] = .string(kind)
        let time = JSONValue.string(createdText)
        let service: JSONValue = ["keyType": "Account", "enabled": true, "lastEnabledTime": time]
        var properties: JSONObject = [
            "keyCreationTime": ["key1": time, "key2": time],
            "allowCrossTenantReplication": false,
            "minimumTlsVersion": "TLS1_2",
            "allowBlobPublicAccess": false,
            "allowSharedKeyAccess": true,
            "networkAcls": ["bypass": "AzureServices", "virtualNetworkRules": [], "ipRules": [], "defaultAction": "Allow"],
            "supportsHttpsTrafficOnly": true,
            "encryption": ["services": ["file": service, "blob": service], "keySource": "Microsoft.Storage"],
            "provisioningState": "Succeeded",
            "creationTime": time,
            "primaryEndpoints": .object(
                JSONObject(
                    ["blob", "queue", "table", "file", "dfs", "web"].map { ($0, .string("https://\(name).\($0).core.windows.net/")) })),
            "primaryLocation": .string(location),
            "statusOfPrimary": "available",
        ]
        // Blob accounts and general-purpose v2 have an access tier (Hot unless set).
        if kind == "StorageV2" || kind == "BlobStorage" { properties["accessTier"] = "Hot" }
        members["properties"] = .object(properties)
        return JSONValue.object(members).serialized
    }

    var keysJSON: String {
        JSONValue.object([
            "keys": .array(
                keys.enumerated().map { index, value in
                    .object([
                        "creationTime": .string(createdText), "keyName": .string("key\(index + 1)"), "value": .string(value),
                        "permissions": "FULL",
                    ])
                })
        ]).serialized
    }

    /// `AccountNameInvalid` unless 3–24 lower-case letters and digits.
    static func nameProblem(_ name: String) -> String? {
        guard (3...24).contains(name.count), name.allSatisfy({ ($0.isLowercase && $0.isASCII) || ($0.isASCII && $0.isNumber) }) else {
            return "\(name) is not a valid storage account name. Storage account name must be between 3 and 24 characters in "
                + "length and use numbers and lower-case letters only."
        }
        return nil
    }

    /// A key as Azure prints one: 64 random bytes in base64.
    static func newKey() -> String {
        Data((0..<64).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
    }
}
