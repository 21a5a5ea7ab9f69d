/// `rateLimit:` in azspec.yaml: ARM's buckets by default, other sizes, or off.
struct RateLimitPolicy: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case reads, writes, deletes

        init(method: String) {
            switch method {
            case "GET", "HEAD": self = .reads
            case "DELETE": self = .deletes
            default: self = .writes
            }
        }

        var remainingHeader: String {
            switch self {
            case .reads: "x-ms-ratelimit-remaining-subscription-reads"
            case .writes: "x-ms-ratelimit-remaining-subscription-writes"
            case .deletes: "x-ms-ratelimit-remaining-subscription-deletes"
            }
        }
    }

    struct Limits: Sendable, Hashable {
        var burst: Double
        var refill: Double
    }

    /// The buckets limited (a kind left out is not).
    var limits: [Kind: Limits]
    /// Tokens left untouched in each bucket, for other clients of the same principal.
    var margin: Double

    /// ARM's buckets per subscription and principal (reads 250 + 25/s, writes and deletes 200 + 10/s), 10 kept back.
    static let arm = RateLimitPolicy(
        limits: [
            .reads: Limits(burst: 250, refill: 25), .writes: Limits(burst: 200, refill: 10), .deletes: Limits(burst: 200, refill: 10),
        ],
        margin: 10)
    static let off = RateLimitPolicy(limits: [:], margin: 0)
}
