public import Foundation

/// One HTTP request a test sent: each attempt, page and poll is one. The URL is as sent (reports redact it).
public struct RequestRecord: Sendable {
    public var method: String
    public var url: String
    /// Nil when no response came (a connection error or timeout).
    public var status: Int?
    /// Seconds from sending to the whole response.
    public var duration: TimeInterval
    /// 1-based; above 1 for a retry.
    public var attempt: Int

    public init(method: String, url: String, status: Int?, duration: TimeInterval, attempt: Int) {
        self.method = method
        self.url = url
        self.status = status
        self.duration = duration
        self.attempt = attempt
    }
}
