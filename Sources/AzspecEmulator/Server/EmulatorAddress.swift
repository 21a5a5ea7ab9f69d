/// How the emulator names itself: base URLs and the aliases a client may use for them.
enum EmulatorAddress {
    /// `http://host:port` with IPv6 hosts in brackets and wildcard hosts replaced by loopback.
    static func baseURL(host: String, port: Int) -> String {
        "http://\(advertisedHost(host)):\(port)"
    }

    /// The host as URLs name it: loopback for wildcard binds, IPv6 literals in brackets.
    static func advertisedHost(_ host: String) -> String {
        switch host {
        case "0.0.0.0", "": "127.0.0.1"
        case "::", "[::]": "[::1]"
        default: host.utf8.contains(UInt8(ascii: ":")) && !host.hasPrefix("[") ? "[\(host)]" : host
        }
    }

    /// True when `url` is `baseURL` itself, with or without a trailing slash, or with `localhost` and
    /// `127.0.0.1` swapped.
    static func isOwnURL(_ url: String, baseURL: String) -> Bool {
        var candidate = Substring(url)
        if candidate.last == "/" { candidate.removeLast() }
        if candidate == baseURL { return true }
        guard let portStart = baseURL.lastIndex(of: ":") else { return false }
        let portSuffix = baseURL[portStart...]
        return candidate == "http://localhost" + portSuffix || candidate == "http://127.0.0.1" + portSuffix
            || candidate == "http://[::1]" + portSuffix
    }
}
