import AzspecCore

/// A tenant's management-group tree: the root group (whose id is the tenant id) and the configured groups under it,
/// each subscription in one of them (the root when none names it). Role assignments at a group apply to every
/// subscription below it.
enum ManagementGroups {
    static let prefix = "/providers/microsoft.management/managementgroups/"

    /// The group id a management-group scope names (`/providers/Microsoft.Management/managementGroups/{id}`), if it
    /// is one.
    static func id(inScope scope: String) -> String? {
        var text = scope
        if text.hasSuffix("/") { text.removeLast() }
        guard text.lowercased().hasPrefix(prefix) else { return nil }
        let id = text.dropFirst(prefix.count)
        return id.isEmpty || id.contains("/") ? nil : String(id)
    }

    /// The tenant's group ids, lower-cased: the root (the tenant id) and the configured ones.
    static func names(of tenant: EmulatorConfiguration.Tenant) -> Set<String> {
        Set([tenant.id.lowercased()] + tenant.managementGroups.map { $0.name.lowercased() })
    }

    /// For each lower-cased group id, the lower-cased subscriptions below it, transitively (the root holds all the
    /// tenant's). A parent chain that loops (validation refuses it) stops where it meets itself.
    static func subscriptions(of tenant: EmulatorConfiguration.Tenant) -> [String: Set<String>] {
        let root = tenant.id.lowercased()
        var parent: [String: String] = [:]
        var placed: [String: String] = [:]
        for group in tenant.managementGroups {
            parent[group.name.lowercased()] = group.parent?.lowercased() ?? root
            for subscription in group.subscriptions { placed[subscription.lowercased()] = group.name.lowercased() }
        }
        var below: [String: Set<String>] = [root: []]
        for subscription in tenant.subscriptions.map({ $0.id.lowercased() }) {
            var group = placed[subscription] ?? root
            var seen: Set<String> = []
            while seen.insert(group).inserted {
                below[group, default: []].insert(subscription)
                guard group != root else { break }
                group = parent[group] ?? root
            }
            below[root, default: []].insert(subscription)
        }
        return below
    }
}

extension ConfigurationChecker {
    /// Group ids unique (and not the tenant id), parents that exist, no loop, subscriptions of the tenant placed once.
    mutating func checkManagementGroups(_ tenant: EmulatorConfiguration.Tenant) {
        let names = ManagementGroups.names(of: tenant)
        var seen: Set<String> = [tenant.id.lowercased()]
        var placed: Set<String> = []
        for group in tenant.managementGroups {
            let location = group.location ?? tenant.location
            let fields = group.fieldLocations
            if group.name.isEmpty || group.name.contains("/") {
                report(fields["name"] ?? location, "'\(group.name)' is not a management group id")
            } else if !seen.insert(group.name.lowercased()).inserted {
                report(fields["name"] ?? location, "duplicate management group '\(group.name)' (the root group's id is the tenant id)")
            }
            if let parent = group.parent, !names.contains(parent.lowercased()) {
                report(fields["parent"] ?? location, "management group '\(group.name)' names unknown parent '\(parent)'")
            }
            for subscription in group.subscriptions {
                if !tenant.subscriptions.contains(where: { $0.id.lowercased() == subscription.lowercased() }) {
                    report(
                        fields["subscriptions"] ?? location,
                        "management group '\(group.name)' names subscription '\(subscription)', which tenant '\(tenant.id)' does not have")
                } else if !placed.insert(subscription.lowercased()).inserted {
                    report(
                        fields["subscriptions"] ?? location, "subscription '\(subscription)' is placed in more than one management group")
                }
            }
        }
        // A parent chain that comes back to where it started.
        var parent: [String: String] = [:]
        for group in tenant.managementGroups { parent[group.name.lowercased()] = group.parent?.lowercased() }
        for group in tenant.managementGroups {
            var current = group.name.lowercased()
            var chain: [String] = [group.name]
            var visited: Set<String> = [current]
            while let next = parent[current] {
                guard visited.insert(next).inserted else {
                    // Reported once, by the cycle's first member in name order.
                    if next == group.name.lowercased(), chain.map({ $0.lowercased() }).min() == group.name.lowercased() {
                        report(
                            group.fieldLocations["parent"] ?? group.location ?? tenant.location,
                            "management groups nest in a cycle: " + (chain + [group.name]).map { "'\($0)'" }.joined(separator: " → "))
                    }
                    break
                }
                chain.append(tenant.managementGroups.first { $0.name.lowercased() == next }?.name ?? next)
                current = next
            }
        }
    }
}
