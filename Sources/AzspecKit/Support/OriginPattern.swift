import Foundation

/// Where a token may go, as written in a cloud, a resource or an identity's `hosts:`:
/// - an origin, `https://api.example.com` or `http://127.0.0.1:8080`: that origin only;
/// - `host` or `host:port` without a scheme: `https` on that port (443 when none); a loopback host also over `http`
///   (on port 80 when none is given);
/// - `*.suffix`: `https` on port 443 to any host under `suffix`.
struct OriginPattern: Hashable, Sendable, CustomStringConvertible {
    private enum Host: Hashable, Sendable {
        case exact(String)
        case under(String)
    }

    private let schemes: [String]
    private let host: Host
    /// nil: the scheme's default port.
    private let port: Int?
    let description: String

    /// The pattern, or nil when `text` is none of the forms above.
    init?(_ text: String) {
        let written = text.trimmingCharacters(in: .whitespaces).lowercased()
        description = written
        if written.contains("://") {
            guard let origin = Origin(url: written), ["", "/"].contains(URLComponents(string: written)?.path ?? "-") else { return nil }
            schemes = [origin.scheme]
            host = .exact(origin.host)
            port = origin.port
            return
        }
        if written.hasPrefix("*.") {
            let suffix = String(written.dropFirst(1))
            guard suffix.count > 1, !suffix.contains(":"), !suffix.contains("/") else { return nil }
            schemes = ["https"]
            host = .under(suffix)
            port = nil
            return
        }
        guard !written.contains("/"), !written.contains("@"), let origin = Origin(url: "https://" + written) else { return nil }
        schemes = origin.isLoopback ? ["https", "http"] : ["https"]
        host = .exact(origin.host)
        port = URLComponents(string: "https://" + written)?.port
    }

    /// Whether a request to `origin` matches.
    func matches(_ origin: Origin) -> Bool {
        guard schemes.contains(origin.scheme), origin.port == (port ?? Origin.defaultPort(of: origin.scheme)) else { return false }
        switch host {
        case .exact(let name): return origin.host == name
        case .under(let suffix): return origin.host.hasSuffix(suffix) && origin.host.count > suffix.count
        }
    }
}
