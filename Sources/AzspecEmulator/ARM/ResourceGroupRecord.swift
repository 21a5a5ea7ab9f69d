import AzspecCore

/// A resource group as the emulator stores it, with its JSON body rendered once per change.
struct ResourceGroupRecord: Sendable {
    let subscriptionId: String
    let name: String
    let location: String
    let tags: [(key: String, value: String)]?
    let managedBy: String?
    /// `{"id":…,"name":…,"type":"Microsoft.Resources/resourceGroups","location":…,"tags":…,"properties":…}`.
    let json: String
    /// Its place in the subscription's creation order (set by the store, kept across updates): pages continue after
    /// it, so a group created or deleted between two pages moves no other from one page to the next.
    var sequence = 0

    init(
        subscriptionId: String, name: String, location: String, tags: [(key: String, value: String)]?,
        managedBy: String?
    ) {
        self.subscriptionId = subscriptionId
        self.name = name
        self.location = location
        self.tags = tags
        self.managedBy = managedBy
        var members: JSONObject = [
            "id": .string("/subscriptions/\(subscriptionId)/resourceGroups/\(name)"),
            "name": .string(name),
            "type": "Microsoft.Resources/resourceGroups",
            "location": .string(location),
        ]
        if let managedBy { members["managedBy"] = .string(managedBy) }
        if let tags { members["tags"] = .object(JSONObject(tags.map { ($0.key, .string($0.value)) })) }
        members["properties"] = .object(["provisioningState": "Succeeded"])
        json = JSONValue.object(members).serialized
    }

    /// ARM stores locations in their short form: `West Europe` → `westeurope`.
    static func normalizedLocation(_ location: String) -> String {
        location.lowercased().filter { $0 != " " }
    }
}

/// The resource groups of one subscription, in creation order, looked up by lower-cased name.
struct ResourceGroupStore: Sendable {
    private var order: [String] = []
    private var records: [String: ResourceGroupRecord] = [:]
    private var created = 0

    var all: [ResourceGroupRecord] { order.compactMap { records[$0] } }

    subscript(name: String) -> ResourceGroupRecord? {
        records[name.lowercased()]
    }

    /// Inserts or replaces; true when the group is new.
    @discardableResult
    mutating func upsert(_ record: ResourceGroupRecord) -> Bool {
        let key = record.name.lowercased()
        var record = record
        if let existing = records[key] {
            record.sequence = existing.sequence
        } else {
            created += 1
            record.sequence = created
            order.append(key)
        }
        let isNew = records[key] == nil
        records[key] = record
        return isNew
    }

    mutating func remove(_ name: String) -> ResourceGroupRecord? {
        let key = name.lowercased()
        guard let record = records.removeValue(forKey: key) else { return nil }
        order.removeAll { $0 == key }
        return record
    }
}
