import AzspecCore
import Foundation
import Yams

extension SpecParser {
    /// `retry: false` (assert the 429 itself), `retry: true` (the Azure SDKs' 3 retries within 60 s) or
    /// `retry: { retries: N, within: SECONDS }`.
    mutating func retryPolicy(_ node: Node, _ context: String) -> RetryPolicy? {
        if case .scalar = node {
            guard let enabled = reader.bool(node, "\(context)retry") else { return nil }
            return enabled ? .azureDefault : .off
        }
        guard let fields = reader.fields(node, "\(context)retry", keys: SpecFormat.retry.keys) else { return nil }
        var policy = RetryPolicy.azureDefault
        if let node = fields["retries"],
            let retries = reader.integer(node, "retry.retries", in: RetryPolicy.retriesRange)
        {
            policy.retries = retries
        }
        if let node = fields["within"], let within = reader.duration(node, "retry.within", in: RetryPolicy.withinRange) {
            policy.within = within
        }
        return policy
    }
}

extension SpecParser {
    /// `rateLimit: false`, `true` (ARM's buckets), or `{ reads: { burst, refill }, writes: …, deletes: …, margin }` over
    /// ARM's values.
    mutating func rateLimit(_ node: Node) -> RateLimitPolicy? {
        if case .scalar = node {
            guard let enabled = reader.bool(node, "rateLimit") else { return nil }
            return enabled ? .arm : .off
        }
        guard let fields = reader.fields(node, "rateLimit", keys: SpecFormat.rateLimit.keys) else { return nil }
        var policy = RateLimitPolicy.arm
        for (name, kind) in [("reads", RateLimitPolicy.Kind.reads), ("writes", .writes), ("deletes", .deletes)] {
            guard let bucket = fields[name] else { continue }
            if case .scalar = bucket, reader.bool(bucket, "rateLimit.\(name)") == false {
                policy.limits[kind] = nil
                continue
            }
            guard
                let parts = reader.fields(
                    bucket, "rateLimit.\(name)", keys: SpecFormat.rateLimitBucket.keys, required: SpecFormat.rateLimitBucket.required),
                let burstNode = parts["burst"], let refillNode = parts["refill"]
            else { continue }
            let burst = reader.integer(burstNode, "rateLimit.\(name).burst", in: 1...1_000_000)
            var refill = reader.number(refillNode, "rateLimit.\(name).refill (tokens a second)")
            if let value = refill, !(value.isFinite && value >= 0.01 && value <= 1_000_000) {
                reader.error("rateLimit.\(name).refill must be from 0.01 to 1000000 tokens a second", at: refillNode)
                refill = nil
            }
            if let burst, let refill { policy.limits[kind] = .init(burst: Double(burst), refill: refill) }
        }
        if let node = fields["margin"], let margin = reader.integer(node, "rateLimit.margin", in: 0...1_000_000) {
            policy.margin = Double(margin)
        }
        return policy
    }
}
