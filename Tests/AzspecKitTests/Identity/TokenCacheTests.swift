import Foundation
import Synchronization
import Testing

@testable import AzspecKit

@Suite struct TokenCacheTests {
    /// Counts acquisitions and hands out numbered tokens.
    final class FakeAuthority: Sendable {
        let count = Mutex(0)
        let lifetime: TimeInterval
        let fail: Bool

        init(lifetime: TimeInterval = 3600, fail: Bool = false) {
            self.lifetime = lifetime
            self.fail = fail
        }

        func acquire(now: Date) async throws(AcquisitionError) -> AccessToken {
            let number = count.withLock { count in
                count += 1
                return count
            }
            try? await Task.sleep(for: .milliseconds(20))
            if fail { throw AcquisitionError(identity: "fake", message: "AADSTS7000215: Invalid client secret provided.") }
            return AccessToken(value: "token-\(number)", expiresOn: now.addingTimeInterval(lifetime), now: now)
        }
    }

    @Test func concurrentCallersShareOneAcquisition() async throws {
        let cache = TokenCache()
        let authority = FakeAuthority()
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await cache.token(for: "id|aud") { () async throws(AcquisitionError) in try await authority.acquire(now: Date()) }
                        .value
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(tokens) == ["token-1"])
        #expect(authority.count.withLock { $0 } == 1)
        #expect(await cache.acquisitions == 1)
    }

    @Test func tokensAreRefreshedFiveMinutesBeforeExpiry() async throws {
        let clock = Mutex(Date(timeIntervalSince1970: 1_000_000))
        let cache = TokenCache(now: { clock.withLock { $0 } })
        let authority = FakeAuthority(lifetime: 3600)
        let acquire: TokenCache.Acquire = { () async throws(AcquisitionError) in try await authority.acquire(now: clock.withLock { $0 }) }
        #expect(try await cache.token(for: "k", acquire: acquire).value == "token-1")
        clock.withLock { $0 = $0.addingTimeInterval(3600 - 301) }
        #expect(try await cache.token(for: "k", acquire: acquire).value == "token-1", "still more than 5 minutes to go")
        clock.withLock { $0 = $0.addingTimeInterval(2) }
        #expect(try await cache.token(for: "k", acquire: acquire).value == "token-2", "refreshed inside the last 5 minutes")
    }

    /// The path of every test but an identity's first: the ready token, read without entering the actor, follows the
    /// same refresh and invalidation rules as the actor's own entries.
    @Test func readyTokensAreReadWithoutTheActorUntilTheyAreDue() async throws {
        let clock = Mutex(Date(timeIntervalSince1970: 1_000_000))
        let cache = TokenCache(now: { clock.withLock { $0 } })
        let authority = FakeAuthority(lifetime: 60)
        let acquire: TokenCache.Acquire = { () async throws(AcquisitionError) in try await authority.acquire(now: clock.withLock { $0 }) }
        #expect(cache.readyToken(for: "k") == nil, "nothing acquired yet")
        let first = try await cache.token(for: "k", acquire: acquire)
        #expect(cache.readyToken(for: "k")?.value == first.value)
        #expect(cache.readyToken(for: "other") == nil)
        clock.withLock { $0 = $0.addingTimeInterval(31) }
        #expect(cache.readyToken(for: "k") == nil, "a 60-second token is due for refresh after 30 seconds")
        let second = try await cache.token(for: "k", acquire: acquire)
        #expect(second.value == "token-2")
        #expect(cache.readyToken(for: "k")?.value == "token-2")
        await cache.invalidate("k", token: second.value)
        #expect(cache.readyToken(for: "k") == nil, "a refused token is not handed out again")
    }

    @Test func refreshInWinsWhenEntraSendsIt() {
        let now = Date(timeIntervalSince1970: 0)
        let token = AccessToken(value: "t", expiresOn: now.addingTimeInterval(86_399), refreshIn: 43_199, now: now)
        #expect(token.refreshAt == now.addingTimeInterval(43_199))
        let short = AccessToken(value: "t", expiresOn: now.addingTimeInterval(60), now: now)
        #expect(short.refreshAt == now.addingTimeInterval(30), "short-lived tokens refresh half-way")
    }

    @Test func aFailureIsRememberedSoTheEndpointIsNotHammered() async {
        let cache = TokenCache()
        let authority = FakeAuthority(fail: true)
        for _ in 0..<3 {
            await #expect(throws: AcquisitionError.self) {
                try await cache.token(for: "k") { () async throws(AcquisitionError) in try await authority.acquire(now: Date()) }
            }
        }
        #expect(authority.count.withLock { $0 } == 1)
        #expect(await cache.acquisitions == 0)
    }

    @Test func invalidatingARefusedTokenAcquiresANewOne() async throws {
        let cache = TokenCache()
        let authority = FakeAuthority()
        let acquire: TokenCache.Acquire = { () async throws(AcquisitionError) in try await authority.acquire(now: Date()) }
        let first = try await cache.token(for: "k", acquire: acquire)
        await cache.invalidate("k", token: "some-other-token")
        #expect(try await cache.token(for: "k", acquire: acquire).value == first.value, "only the refused token is dropped")
        await cache.invalidate("k", token: first.value)
        #expect(try await cache.token(for: "k", acquire: acquire).value == "token-2")
    }

    @Test func refusedTokensAreRecognisedByTheirChallenge() {
        let refused = HTTPResponse(
            status: 401, reason: "Unauthorized",
            headers: [
                (
                    "WWW-Authenticate",
                    #"Bearer authorization_uri="https://login.windows.net/t", error="invalid_token", error_description="expired""#
                )
            ],
            body: [])
        #expect(TestExecution.refusesToken(refused))
        #expect(!TestExecution.refusesToken(HTTPResponse(status: 401, reason: "", headers: [], body: [])))
        #expect(!TestExecution.refusesToken(HTTPResponse(status: 403, reason: "", headers: refused.headers, body: [])))
    }
}
