import Foundation

/// Where an identity's token may go: the cloud's Resource Manager host, or a host the identity lists. Checked at
/// validation for URLs whose host is known then, and before sending for every other.
enum TokenRouting {
    /// `host[:port]` of a URL, lowercased; nil when it has none.
    static func host(of url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased(), !host.isEmpty else { return nil }
        return components.port.map { "\(host):\($0)" } ?? host
    }

    /// `scheme://host[:port]` of a URL, lowercased: where a `nextLink` or an operation URL may lead.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), let host = host(of: url)
        else { return nil }
        return "\(scheme)://\(host)"
    }

    /// Whether `host` (host[:port]) may receive the identity's token.
    static func accepts(_ host: String, identity: IdentitySpec, cloud: CloudEndpoints) -> Bool {
        let lowered = host.lowercased()
        if TokenResource(audience: cloud.audience, hosts: cloud.tokenHosts).accepts(lowered) { return true }
        let bare = lowered.split(separator: ":").first.map(String.init) ?? lowered
        return identity.hosts.contains { $0 == lowered || $0 == bare }
    }

    /// The hosts the identity's token goes to, for messages.
    static func allowedHosts(of identity: IdentitySpec, cloud: CloudEndpoints) -> String {
        cloud.tokenHosts.joined(separator: ", ") + (identity.hosts.isEmpty ? "" : " and " + identity.hosts.joined(separator: ", "))
    }

    /// Loopback hosts, where plain http:// is fine.
    static func isLoopback(_ host: String) -> Bool {
        var bare = Substring(host.lowercased())
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = bare.dropFirst().dropLast() }
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}
