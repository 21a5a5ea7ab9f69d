import Foundation

/// When and how long to retry a throttled or unavailable response, as the Azure SDKs do: 429, 503 and 504 (and a
/// connection reset for idempotent methods), honouring `Retry-After` (seconds or HTTP date), `x-ms-retry-after-ms`
/// and `retry-after-ms`, otherwise exponential back-off with jitter; bounded by a count and a total time.
struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt (0: none).
    var retries: Int
    /// Seconds all waits of one exchange may add up to.
    var within: Double

    /// The Azure SDKs' defaults: 3 retries, 60 s in all.
    static let azureDefault = RetryPolicy(retries: 3, within: 60)
    static let off = RetryPolicy(retries: 0, within: 0)

    static let retriesRange = 0...10
    static let withinRange = 0.0...600.0

    /// The statuses retried.
    static let retriedStatuses: Set<Int> = [429, 503, 504]
    /// Methods that may be sent again after a connection reset.
    static let idempotentMethods: Set<String> = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]

    /// The first back-off (doubled each retry, with ±20 % jitter) when the server names no delay.
    static let baseDelay = 0.8

    /// What the server asked for: `x-ms-retry-after-ms`, `retry-after-ms`, then `Retry-After` (seconds or an HTTP
    /// date). Nil when it asked for nothing readable.
    static func requestedDelay(_ response: HTTPResponse, now: Date = Date()) -> (seconds: Double, header: String)? {
        for name in ["x-ms-retry-after-ms", "retry-after-ms"] {
            if let text = response.header(name), let milliseconds = digits(text.trimmingCharacters(in: .whitespaces)) {
                return (milliseconds / 1000, "\(name): \(text)")
            }
        }
        guard let text = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = digits(text) { return (seconds, "Retry-After: \(text)") }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: text) { return (max(0, date.timeIntervalSince(now)), "Retry-After: \(text)") }
        return nil
    }

    /// RFC 9110's delay-seconds (`1*DIGIT`): decimal digits only, so `0x10`, `1e3`, `+5` and `inf` are not delays.
    static func digits(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Double(text)
    }

    /// The back-off before retry number `retry` (1-based) when the server asked for no delay.
    static func backOff(retry: Int, jitter: Double = Double.random(in: 0.8...1.2)) -> Double {
        baseDelay * pow(2, Double(retry - 1)) * jitter
    }
}
