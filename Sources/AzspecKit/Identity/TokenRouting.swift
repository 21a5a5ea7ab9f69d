/// Where a credential may go, decided by one comparison of ``Origin``s (RFC 6454: scheme, host, effective port):
/// - an identity's token: to the origins of its cloud's resource (Resource Manager's, or the resource's hosts) and to
///   the identity's `hosts:` (``OriginPattern``);
/// - a hand-written `Authorization` header: to the origins the spec names itself (``SuitePlan/headerOrigins(in:)``);
/// - a `nextLink`, an operation URL or a permissions page: to the origin of the request it came from.
/// A credential never goes over plain `http` unless the origin it is sent to is loopback. Checked at validation for
/// URLs whose origin is known then, and before sending for every other: a mismatch is an error, nothing is sent.
enum TokenRouting {
    /// The origin patterns an identity's token may go to.
    static func patterns(of identity: IdentitySpec, cloud: CloudEndpoints) -> [OriginPattern] {
        (cloud.tokenHosts + identity.hosts).compactMap(OriginPattern.init)
    }

    /// Why the identity's token may not go to `url`, or nil when it may.
    static func problem(sending url: String, identity: IdentitySpec, cloud: CloudEndpoints) -> String? {
        problem(sending: url, origin: Origin(url: url), identity: identity, patterns: patterns(of: identity, cloud: cloud))
    }

    /// Why the identity's token may not go to `url` (at `origin`), given the identity's ``patterns(of:cloud:)``.
    static func problem(sending url: String, origin: Origin?, identity: IdentitySpec, patterns: [OriginPattern]) -> String? {
        problem(
            sending: url, origin: origin, credential: "identity '\(identity.name)' sends its token", to: patterns,
            hint: "list its origin under the identity's hosts: to allow it")
    }

    /// Why a credential (`credential` says whose, as the start of a sentence) may not go to `url`, whose origin is
    /// `origin` (nil: it has none), or nil when it may. The request path passes the origin of the URL it parsed once.
    static func problem(
        sending url: String, origin: Origin?, credential: String, to patterns: [OriginPattern], hint: String
    ) -> String? {
        guard let origin else { return "\(credential) only to an absolute http(s) URL; '\(url)' is not one" }
        if origin.scheme == "http", !origin.isLoopback {
            return "\(credential) only over https (or plain http to loopback); \(origin) is plain http"
        }
        guard patterns.contains(where: { $0.matches(origin) }) else {
            let allowed = patterns.map(\.description).joined(separator: ", ")
            return "\(credential) only to \(allowed.isEmpty ? "no origin" : allowed); \(origin) is none of them (\(hint))"
        }
        return nil
    }

    /// Whether `link` (a `nextLink`, an operation URL) is at the origin of `request`, the URL it came from.
    static func sameOrigin(_ link: String, as request: String) -> Bool {
        guard let origin = Origin(url: link) else { return false }
        return origin == Origin(url: request)
    }
}
