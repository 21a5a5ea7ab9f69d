import Foundation

/// An origin as RFC 6454 §4 defines it: scheme, host and port, the port being the scheme's default when a URL gives
/// none (`https://management.azure.com` and `https://management.azure.com:443` are one origin; `…:8443` and
/// `http://management.azure.com` are others). The one comparison behind every decision about where a token or a
/// hand-written `Authorization` header may go and which links may be followed (``TokenRouting``).
struct Origin: Hashable, Sendable, CustomStringConvertible {
    /// `http` or `https`, lowercased.
    let scheme: String
    /// Lowercased; an IPv6 address without its brackets.
    let host: String
    let port: Int

    init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// The origin of an absolute `http`/`https` URL with a host; nil for anything else (a relative URL, another
    /// scheme, a port out of range).
    init?(url: String) {
        guard let components = URLComponents(string: url) else { return nil }
        self.init(scheme: components.scheme, host: components.host, port: components.port)
    }

    /// The origin of a URL parsed already (the request builder's), without parsing it again.
    init?(_ url: URL) {
        self.init(scheme: url.scheme, host: url.host, port: url.port)
    }

    private init?(scheme: String?, host: String?, port: Int?) {
        guard let scheme = scheme?.lowercased(), let defaultPort = Self.defaultPort(of: scheme), var host = host?.lowercased(),
            !host.isEmpty
        else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = port ?? defaultPort
        guard (1...65535).contains(port) else { return nil }
        self.init(scheme: scheme, host: host, port: port)
    }

    /// 443 for `https`, 80 for `http`; nil for the schemes azspec does not send to.
    static func defaultPort(of scheme: String) -> Int? {
        switch scheme {
        case "https": 443
        case "http": 80
        default: nil
        }
    }

    /// `localhost`, `127.0.0.0/8` or `::1`: the only hosts a token may reach over plain `http`.
    var isLoopback: Bool { Self.isLoopback(host) }

    static func isLoopback(_ host: String) -> Bool {
        var bare = Substring(host.lowercased())
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = bare.dropFirst().dropLast() }
        if bare == "localhost" || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// `https://host`, with the port only when it is not the scheme's default (RFC 6454 §6.2's serialization).
    var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return Self.defaultPort(of: scheme) == port ? "\(scheme)://\(shownHost)" : "\(scheme)://\(shownHost):\(port)"
    }
}
