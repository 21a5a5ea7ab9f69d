import AzspecCore
import Foundation
import Testing

@testable import AzspecKit

/// The model of ARM's buckets: pacing past the margin, the server's count over the model, and what shares a bucket.
struct RateLimiterTests {
    private func request(_ method: String, _ url: String, token: String = "t") -> PreparedRequest {
        PreparedRequest(method: method, url: url, headers: [("Authorization", "Bearer \(token)")], body: nil, timeout: 30)
    }

    private let policy = RateLimitPolicy(limits: [.reads: .init(burst: 5, refill: 10)], margin: 1)
    private let url = "https://management.azure.com/subscriptions/s1/resourcegroups?api-version=2021-04-01"

    @Test func requestsPastTheMarginWaitForTheRefillInTurn() throws {
        let limiter = RateLimiter(policy: policy)
        let key = try #require(RateLimiter.key(for: request("GET", url), principal: "app"))
        let now = ContinuousClock.now
        let waits = (1...7).map { _ in limiter.take(key, now: now) }
        #expect(waits == [.zero, .zero, .zero, .zero, .milliseconds(100), .milliseconds(200), .milliseconds(300)])
        // A second later the bucket has refilled (to its burst, no further).
        #expect(limiter.take(key, now: now + .seconds(1)) == .zero)
    }

    @Test func noWaitIsLongerThanAMinute() throws {
        let slow = RateLimiter(policy: RateLimitPolicy(limits: [.reads: .init(burst: 1, refill: 0.01)], margin: 100))
        let key = try #require(RateLimiter.key(for: request("GET", url), principal: "app"))
        #expect(slow.take(key) == .seconds(60))
    }

    @Test func theServersCountWinsOverTheModel() throws {
        let limiter = RateLimiter(policy: policy)
        let key = try #require(RateLimiter.key(for: request("GET", url), principal: "app"))
        let now = ContinuousClock.now
        _ = limiter.take(key, now: now)
        limiter.answered(
            key,
            response: HTTPResponse(
                status: 200, reason: "OK", headers: [("x-ms-ratelimit-remaining-subscription-reads", "11999")], body: []), now: now)
        #expect((1...100).map { _ in limiter.take(key, now: now) }.allSatisfy { $0 == .zero }, "plenty left: nothing waits")
        limiter.answered(
            key,
            response: HTTPResponse(status: 200, reason: "OK", headers: [("x-ms-ratelimit-remaining-subscription-reads", "0")], body: []),
            now: now)
        // 0 left, 99 still on their way: the next request waits for 100 tokens to come back, at 10 a second.
        #expect(limiter.take(key, now: now) == .milliseconds(10_100))
    }

    @Test func bucketsArePerSubscriptionPrincipalAndKind() throws {
        let read = try #require(RateLimiter.key(for: request("GET", url), principal: "app"))
        #expect(read.kind == .reads)
        #expect(RateLimiter.key(for: request("DELETE", url), principal: "app")?.kind == .deletes)
        #expect(RateLimiter.key(for: request("PUT", url), principal: "app")?.kind == .writes)
        #expect(RateLimiter.key(for: request("GET", url), principal: "other") != read)
        #expect(RateLimiter.key(for: request("GET", url.replacingOccurrences(of: "s1", with: "s2")), principal: "app") != read)
        // Without an identity the Authorization header tells principals apart.
        #expect(
            RateLimiter.key(for: request("GET", url, token: "a"), principal: nil)
                != RateLimiter.key(for: request("GET", url, token: "b"), principal: nil))
        #expect(
            RateLimiter.key(for: request("GET", "https://management.azure.com/subscriptions?api-version=2022-12-01"), principal: "app")
                == nil)
        #expect(RateLimiter.key(for: request("GET", "https://login.microsoftonline.com/t/oauth2/token"), principal: "app") == nil)
        // Writes are not limited by this policy at all.
        let limiter = RateLimiter(policy: policy)
        let write = try #require(RateLimiter.key(for: request("PUT", url), principal: "app"))
        #expect((1...50).map { _ in limiter.take(write) }.allSatisfy { $0 == .zero })
    }

    @Test func rateLimitIsReadFromTheProjectFileAndChecked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("azspec-rate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func load(_ text: String) throws -> (ProjectFile?, [String]) {
            let path = folder.appendingPathComponent("azspec.yaml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            var diagnostics: [Diagnostic] = []
            let project = ProjectFile.load(path: path, diagnostics: &diagnostics)
            return (project, diagnostics.map(\.message))
        }
        let (project, problems) = try load("rateLimit: { reads: { burst: 20, refill: 5 }, writes: false, margin: 2 }\n")
        #expect(problems.isEmpty)
        let policy = try #require(project?.rateLimit)
        #expect(policy.limits[.reads] == .init(burst: 20, refill: 5))
        #expect(policy.limits[.writes] == nil)
        #expect(policy.limits[.deletes] == .init(burst: 200, refill: 10))
        #expect(policy.margin == 2)
        #expect(try load("rateLimit: false\n").0?.rateLimit == .off)
        #expect(
            try load("rateLimit: { reads: { burst: 0, refill: 0 } }\n").1 == [
                "rateLimit.reads.burst must be from 1 to 1000000, not 0",
                "rateLimit.reads.refill must be from 0.01 to 1000000 tokens a second",
            ])
    }
}
