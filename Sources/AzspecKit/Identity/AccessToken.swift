import Foundation

/// A bearer token and when to stop using it.
struct AccessToken: Sendable {
    let value: String
    let expiresOn: Date
    /// When to get a new one: Entra's `refresh_in` when given, else 5 minutes before expiry (as Azure SDKs do),
    /// or half-way for tokens that live less than 10 minutes.
    let refreshAt: Date

    init(value: String, expiresOn: Date, refreshIn: TimeInterval? = nil, now: Date = Date()) {
        self.value = value
        self.expiresOn = expiresOn
        let lifetime = expiresOn.timeIntervalSince(now)
        if let refreshIn, refreshIn > 0, refreshIn < lifetime {
            refreshAt = now.addingTimeInterval(refreshIn)
        } else if lifetime >= 600 {
            refreshAt = expiresOn.addingTimeInterval(-300)
        } else {
            refreshAt = now.addingTimeInterval(max(0, lifetime / 2))
        }
    }
}

/// Why an identity could not get a token: Entra's own code and sentence where it gave one.
struct AcquisitionError: Error, Sendable, CustomStringConvertible {
    let identity: String
    let message: String

    var description: String { "identity '\(identity)' could not get a token: \(message)" }
}
