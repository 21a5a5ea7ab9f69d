import AzspecCore
import Foundation
import Synchronization

/// Keeps a run inside ARM's token buckets, so that many `--jobs` are not what makes ARM answer 429.
///
/// ARM (since 2024) gives each subscription and principal a bucket per kind of request: reads hold 250 tokens and
/// refill 25 a second, writes and deletes 200 and 10. The limiter keeps a model of each bucket it sends to — by
/// origin, subscription, principal (the identity, or the `Authorization` header's value) and kind — and trusts what
/// ARM says over its model: every answer's `x-ms-ratelimit-remaining-subscription-reads` (`-writes`, `-deletes`) sets
/// the tokens left, less the requests still on their way. A request that would take the bucket below `margin` waits
/// until the refill lifts it; waits are spaced in arrival order. Nothing is waited for when the server reports
/// plenty, as the emulator does unless its `tokenBucket:` is on.
final class RateLimiter: Sendable {
    /// One bucket's model.
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
        /// Sent and not yet answered, for reading the server's count.
        var inFlight = 0
    }

    /// A bucket's key: where, whose, and which kind.
    struct Key: Hashable, Sendable {
        let origin: Substring
        let subscription: Substring
        let principal: Int
        let kind: RateLimitPolicy.Kind
    }

    let policy: RateLimitPolicy
    private let buckets = Mutex<[Key: Bucket]>([:])

    init(policy: RateLimitPolicy) {
        self.policy = policy
    }

    /// The bucket a request draws from: only a request to `…/subscriptions/{id}…` on an https or loopback origin does.
    static func key(for request: PreparedRequest, principal: String?) -> Key? {
        let url = request.url
        guard let marker = url.rangeIgnoringASCIICase(of: "/subscriptions/") else { return nil }
        let rest = url[marker.upperBound...]
        let subscription = rest.prefix { $0 != "/" && $0 != "?" }
        guard !subscription.isEmpty else { return nil }
        let who = principal ?? request.headers.first { $0.name.equalsIgnoringASCIICase("authorization") }?.value ?? ""
        return Key(
            origin: url[..<marker.lowerBound], subscription: subscription, principal: who.hashValue,
            kind: RateLimitPolicy.Kind(method: request.method))
    }

    /// Takes a token for a request; returns how long the caller must wait before sending (zero when none).
    func take(_ key: Key, now: ContinuousClock.Instant = .now) -> Duration {
        guard let limits = policy.limits[key.kind] else { return .zero }
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: limits.burst, updated: now)
            // Refilled up to the burst, never below what the server last reported.
            bucket.tokens = max(bucket.tokens, min(limits.burst, bucket.tokens + limits.refill * (now - bucket.updated).seconds))
            bucket.updated = now
            bucket.tokens -= 1
            bucket.inFlight += 1
            buckets[key] = bucket
            // Bounded: a wait is never longer than a minute, whatever the server reported.
            let deficit = policy.margin - bucket.tokens
            return deficit > 0 ? .milliseconds(Int64((min(60, deficit / limits.refill) * 1000).rounded(.up))) : .zero
        }
    }

    /// What the server said of the bucket after answering one request (nil: nothing).
    func answered(_ key: Key, response: HTTPResponse?, now: ContinuousClock.Instant = .now) {
        let remaining = response?.header(key.kind.remainingHeader).flatMap { Double($0.trimmingWhitespace) }
        buckets.withLock { buckets in
            guard var bucket = buckets[key] else { return }
            bucket.inFlight = max(0, bucket.inFlight - 1)
            if let remaining, remaining.isFinite, remaining >= 0 {
                bucket.tokens = remaining - Double(bucket.inFlight)
                bucket.updated = now
            }
            buckets[key] = bucket
        }
    }
}

/// The run's limiters, one per policy (every azspec.yaml with the same `rateLimit:` shares its buckets).
final class RateLimiters: Sendable {
    private let limiters = Mutex<[RateLimitPolicy: RateLimiter]>([:])

    /// Nil when the policy limits nothing.
    func limiter(for policy: RateLimitPolicy) -> RateLimiter? {
        guard !policy.limits.isEmpty else { return nil }
        return limiters.withLock { limiters in
            if let known = limiters[policy] { return known }
            let limiter = RateLimiter(policy: policy)
            limiters[policy] = limiter
            return limiter
        }
    }
}
