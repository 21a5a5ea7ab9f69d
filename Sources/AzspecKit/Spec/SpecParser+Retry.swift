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
        guard let fields = reader.fields(node, "\(context)retry", keys: ["retries", "within"]) else { return nil }
        var policy = RetryPolicy.azureDefault
        if let node = fields["retries"],
            let retries = reader.integer(node, "retry.retries", in: RetryPolicy.retriesRange)
        {
            policy.retries = retries
        }
        if let node = fields["within"], let within = reader.number(node, "retry.within (seconds)") {
            if RetryPolicy.withinRange.contains(within) {
                policy.within = within
            } else {
                reader.error("retry.within must be from 0 to 600 seconds, not \(String(format: "%g", within))", at: node)
            }
        }
        return policy
    }
}
