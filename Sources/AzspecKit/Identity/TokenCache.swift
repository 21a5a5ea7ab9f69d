import Foundation
import Synchronization

/// One token per (identity, audience) per run, shared by every suite and every concurrent test.
///
/// Concurrent requests for the same token wait for a single acquisition; a token is refreshed at its
/// `refreshAt`; a failure is remembered so that every test of that identity reports it without asking again.
actor TokenCache {
    private enum Entry {
        case ready(AccessToken)
        case pending(Task<AccessToken, any Error>)
        case failed(AcquisitionError)
    }

    typealias Acquire = @Sendable () async throws(AcquisitionError) -> AccessToken

    private var entries: [String: Entry] = [:]
    /// The tokens ready to use, readable without entering the actor: every test but the first of an identity takes
    /// its token from here, on its own thread.
    private nonisolated let ready = Mutex<[String: AccessToken]>([:])
    private let now: @Sendable () -> Date
    /// How many tokens were acquired (successfully) during the run.
    private(set) var acquisitions = 0

    init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// The cached token for `key` if it is not yet due for refresh, without waiting for the actor.
    nonisolated func readyToken(for key: String) -> AccessToken? {
        guard let token = ready.withLock({ $0[key] }), token.refreshAt > now() else { return nil }
        return token
    }

    /// The cached token for `key`, acquiring it (once, however many callers wait) when missing or due for refresh.
    func token(for key: String, acquire: @escaping Acquire) async throws(AcquisitionError) -> AccessToken {
        switch entries[key] {
        case .ready(let token) where token.refreshAt > now():
            return token
        case .pending(let task):
            return try await Self.wait(task)
        case .failed(let error):
            throw error
        case .ready, nil:
            let task = Task<AccessToken, any Error> { try await acquire() }
            entries[key] = .pending(task)
            do {
                let token = try await Self.wait(task)
                entries[key] = .ready(token)
                ready.withLock { $0[key] = token }
                acquisitions += 1
                return token
            } catch {
                entries[key] = .failed(error)
                throw error
            }
        }
    }

    /// Forgets a token that a server refused (`WWW-Authenticate: … error="invalid_token"`), so the next call acquires anew.
    func invalidate(_ key: String, token: String) {
        if case .ready(let cached) = entries[key], cached.value == token {
            entries[key] = nil
            ready.withLock { _ = $0.removeValue(forKey: key) }
        }
    }

    private static func wait(_ task: Task<AccessToken, any Error>) async throws(AcquisitionError) -> AccessToken {
        do {
            return try await task.value
        } catch let error as AcquisitionError {
            throw error
        } catch {
            throw AcquisitionError(identity: "?", message: "\(error)")
        }
    }
}
