import Foundation

/// How the emulator names itself: base URLs and the aliases a client may use for them.
enum EmulatorAddress {
    /// `http://host:port` (or `https://` when serving TLS) with IPv6 hosts in brackets and wildcard hosts replaced
    /// by loopback.
    static func baseURL(scheme: String = "http", host: String, port: Int) -> String {
        "\(scheme)://\(advertisedHost(host)):\(port)"
    }

    /// The host as URLs name it: loopback for wildcard binds, IPv6 literals in brackets.
    static func advertisedHost(_ host: String) -> String {
        switch host {
        case "0.0.0.0", "": "127.0.0.1"
        case "::", "[::]": "[::1]"
        default: host.utf8.contains(UInt8(ascii: ":")) && !host.hasPrefix("[") ? "[\(host)]" : host
        }
    }

    /// True when `url` is `baseURL` itself, with or without a trailing slash, or with its host replaced by
    /// `localhost`, `127.0.0.1` or `[::1]` (same scheme and port).
    /// Whether `url` is the emulator's Microsoft Graph address, `{baseURL}/graph` (with or without `/`): Graph's
    /// endpoint and resource id in the cloud metadata the Azure CLI registers, as a national cloud's Graph host is.
    static func isOwnGraphURL(_ url: some StringProtocol, baseURL: String) -> Bool {
        var candidate = Substring(url)
        if candidate.last == "/" { candidate.removeLast() }
        guard candidate.lowercased().hasSuffix("/graph") else { return false }
        return isOwnURL(candidate.dropLast(6), baseURL: baseURL)
    }

    static func isOwnURL(_ url: some StringProtocol, baseURL: String) -> Bool {
        var candidate = Substring(url)
        if candidate.last == "/" { candidate.removeLast() }
        if candidate == baseURL { return true }
        guard let schemeEnd = baseURL.range(of: "://"), let portStart = baseURL.lastIndex(of: ":"),
            portStart > schemeEnd.lowerBound
        else { return false }
        let scheme = baseURL[..<schemeEnd.upperBound]
        let portSuffix = baseURL[portStart...]
        return ["localhost", "127.0.0.1", "[::1]"].contains { candidate == scheme + $0 + portSuffix }
    }

    /// `text` with every `{baseURL}` placeholder replaced by `baseURL` (configuration values that name the
    /// emulator, whose port is known only once it listens).
    static func resolvingPlaceholder(_ text: String, baseURL: String) -> String {
        guard text.contains("{baseURL}") else { return text }
        return text.replacingOccurrences(of: "{baseURL}", with: baseURL)
    }
}
