/// A role assignment scope the emulator understands: a subscription or a resource group in it.
struct RoleAssignmentScope: Sendable, Equatable {
    var subscriptionId: String
    var resourceGroup: String?

    /// Parses `/subscriptions/{id}` or `/subscriptions/{id}/resourceGroups/{name}` (segment names case-insensitive,
    /// trailing slash allowed).
    init?(_ text: String) {
        var segments = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.first == "" else { return nil }
        segments.removeFirst()
        if segments.last == "" { segments.removeLast() }
        guard segments.count == 2 || segments.count == 4, segments[0].lowercased() == "subscriptions",
            !segments[1].isEmpty
        else { return nil }
        subscriptionId = segments[1]
        if segments.count == 4 {
            guard segments[2].lowercased() == "resourcegroups", !segments[3].isEmpty else { return nil }
            resourceGroup = segments[3]
        }
    }
}
