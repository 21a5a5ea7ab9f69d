import AzspecCore

/// Checks `Authorization: Bearer <jwt>` on ARM requests: header format, signature, expiry and audience.
///
/// Signatures are verified once per distinct token string; the outcome is cached (bounded) so that repeated
/// requests with the same token cost a dictionary lookup.
struct Authenticator: Sendable {
    private enum Verification: Sendable {
        case valid(AccessTokenClaims)
        case invalid
    }

    private static let cacheLimit = 10_000
    private static let armAudiences: Set<String> = [
        "https://management.core.windows.net/",
        "https://management.core.windows.net",
        "https://management.azure.com/",
        "https://management.azure.com",
    ]

    private let signer: TokenSigner
    private let cache = LockedBox<[String: Verification]>([:])

    init(signer: TokenSigner) {
        self.signer = signer
    }

    /// Microsoft Graph's audiences: its App ID URI (with or without `/`) and its application id.
    static let graphAudiences: Set<String> = [
        "https://graph.microsoft.com", "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000",
    ]

    /// The verified token, or the 401 error to send (in ARM's words; Graph words it its own way). `graph` checks for
    /// a Microsoft Graph audience instead of Resource Manager's.
    func authenticate(
        authorization: String?, baseURL: String, now: Double, graph: Bool = false
    ) throws(ARMError) -> AccessTokenClaims {
        guard let authorization, !authorization.allSatisfy({ $0 == " " }) else { throw .missingAuthorization }
        guard authorization.utf8.count > 7, authorization.prefix(7).lowercased() == "bearer " else {
            throw .invalidAuthorizationHeader
        }
        let token = String(authorization.dropFirst(7).trimmingSpaces)
        let verification: Verification
        if let cached = cache.withLock({ $0[token] }) {
            verification = cached
        } else {
            guard !token.isEmpty, !token.utf8.contains(UInt8(ascii: " ")) else { throw .invalidAuthorizationHeader }
            verification = signer.verify(token).map(Verification.valid) ?? .invalid
            cache.withLock { entries in
                if entries.count >= Self.cacheLimit { entries.removeAll(keepingCapacity: true) }
                entries[token] = verification
            }
        }
        guard case .valid(let accessToken) = verification else { throw .invalidToken }
        let nowSeconds = Int(now)
        if Double(accessToken.expires) <= now {
            throw .expiredToken(expires: accessToken.expires, now: nowSeconds)
        }
        guard
            graph
                ? Self.isGraphAudience(accessToken.audience, baseURL: baseURL)
                : Self.isARMAudience(accessToken.audience, baseURL: baseURL)
        else {
            throw .wrongAudience(accessToken.audience)
        }
        return accessToken
    }

    /// Graph's audiences, plus the emulator's own Graph address (`{baseURL}/graph`, with or without `/`).
    static func isGraphAudience(_ audience: String, baseURL: String) -> Bool {
        graphAudiences.contains(audience) || EmulatorAddress.isOwnGraphURL(audience, baseURL: baseURL)
    }

    /// ARM's four audiences, plus the emulator's own base URL (with or without `/`, `localhost` or `127.0.0.1`).
    static func isARMAudience(_ audience: String, baseURL: String) -> Bool {
        armAudiences.contains(audience) || EmulatorAddress.isOwnURL(audience, baseURL: baseURL)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
