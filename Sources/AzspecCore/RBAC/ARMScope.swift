/// An ARM scope: `/subscriptions/{id}`, a resource group in it, or a resource under a resource group
/// (`…/providers/{namespace}/{type}/{name}[/{type}/{name}…]`). Segment names compare case-insensitively, as in ARM.
public struct ARMScope: Sendable, Hashable, CustomStringConvertible {
    /// The scope as written, without a trailing slash.
    public let path: String
    public let subscriptionId: String
    public let resourceGroup: String?
    /// `Microsoft.Storage/storageAccounts/name` and deeper, for a resource scope.
    public let resource: String?
    private let key: String

    public init?(_ text: String) {
        var segments = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.first == "" else { return nil }
        segments.removeFirst()
        if segments.last == "" { segments.removeLast() }
        guard segments.count >= 2, segments.allSatisfy({ !$0.isEmpty }), segments[0].lowercased() == "subscriptions"
        else { return nil }
        subscriptionId = segments[1]
        var resourceGroup: String?
        var resource: String?
        if segments.count > 2 {
            guard segments.count >= 4, segments[2].lowercased() == "resourcegroups" else { return nil }
            resourceGroup = segments[3]
            if segments.count > 4 {
                // providers/{namespace}/{type}/{name}, then pairs of {type}/{name}
                guard segments.count >= 8, segments[4].lowercased() == "providers", segments[5].contains("."),
                    (segments.count - 6) % 2 == 0
                else { return nil }
                resource = segments[5...].joined(separator: "/")
            }
        }
        self.resourceGroup = resourceGroup
        self.resource = resource
        path = "/" + segments.joined(separator: "/")
        key = path.lowercased()
    }

    public var description: String { path }

    /// Why `text` is not a scope, in words.
    public static func problem(_ text: String) -> String? {
        ARMScope(text) == nil
            ? "'\(text)' is not an ARM scope; expected /subscriptions/{id}, …/resourceGroups/{name} or "
                + "…/resourceGroups/{name}/providers/{Namespace}/{type}/{name}"
            : nil
    }

    /// True when `other` is this scope or lies below it (where an assignment here applies).
    public func contains(_ other: ARMScope) -> Bool {
        other.key == key || other.key.hasPrefix(key + "/")
    }

    public static func == (a: ARMScope, b: ARMScope) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}
