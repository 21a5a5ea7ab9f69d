import AzspecCore

/// Groups: names and object ids unique, members that exist, no nesting cycle.
extension ConfigurationChecker {
    mutating func checkGroups(_ tenant: EmulatorConfiguration.Tenant, objectIds: inout Set<String>) {
        var names: Set<String> = []
        for group in tenant.groups {
            let location = group.location ?? tenant.location
            let fields = group.fieldLocations
            let key = group.name.lowercased()
            if group.name.isEmpty {
                report(fields["name"] ?? location, "a group needs a name")
            } else if !names.insert(key).inserted || isPrincipal(group.name, of: tenant, groups: false) {
                report(
                    fields["name"] ?? location, "duplicate name '\(group.name)': a group's name must not be another group's or principal's")
            }
            if requireGUID(group.objectId, "objectId", fields["objectId"] ?? location),
                !objectIds.insert(group.objectId.lowercased()).inserted
            {
                report(fields["objectId"] ?? location, "duplicate objectId '\(group.objectId)'")
            }
            for member in group.members where !isPrincipal(member, of: tenant) {
                report(
                    fields["members"] ?? location,
                    "group '\(group.name)' names unknown member '\(member)' (use the name or objectId of a principal or group of this tenant)"
                )
            }
        }
        if let cycle = Self.groupCycle(in: tenant.groups) {
            let first = tenant.groups.first { $0.name == cycle[0] }
            report(
                first?.fieldLocations["members"] ?? first?.location ?? tenant.location,
                "groups nest in a cycle: " + (cycle + [cycle[0]]).map { "'\($0)'" }.joined(separator: " → "))
        }
    }

    /// The names of groups that contain themselves through their members, in order, if any do (a depth-first walk
    /// with its own stack: nesting depth is the configuration's to choose).
    static func groupCycle(in groups: [EmulatorConfiguration.Group]) -> [String]? {
        var index: [String: Int] = [:]
        for (position, group) in groups.enumerated() {
            index[group.name.lowercased()] = position
            index[group.objectId.lowercased()] = position
        }
        let children = groups.map { $0.members.compactMap { index[$0.lowercased()] } }
        var state = [UInt8](repeating: 0, count: groups.count)  // 0 unseen, 1 on the path, 2 done
        for root in groups.indices where state[root] == 0 {
            var stack: [(group: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                guard top.next < children[top.group].count else {
                    state[top.group] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let child = children[top.group][top.next]
                if state[child] == 1 {
                    let start = stack.firstIndex { $0.group == child } ?? 0
                    return stack[start...].map { groups[$0.group].name }
                }
                if state[child] == 0 {
                    state[child] = 1
                    stack.append((child, 0))
                }
            }
        }
        return nil
    }
}
