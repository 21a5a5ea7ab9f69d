import NIOCore

/// Runs `body` while a test server's listening `channel` is open, and closes it afterwards, whether `body` returned or
/// threw.
func whileOpen<T: Sendable>(_ channel: any Channel, _ body: () async throws -> T) async throws -> T {
    do {
        let result = try await body()
        try? await channel.close()
        return result
    } catch {
        try? await channel.close()
        throw error
    }
}
