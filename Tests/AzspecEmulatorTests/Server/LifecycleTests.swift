import Testing

@testable import AzspecEmulator

@Suite("Emulator lifecycle")
struct LifecycleTests {
    struct Marker: Error {}

    @Test func bindFailureOnATakenPortThrows() async throws {
        try await Emulator.withRunning { first in
            let error = try await #require(throws: EmulatorError.self) {
                try await Emulator.withRunning(port: first.port) { _ in }
            }
            #expect(error.isBindFailure)
            #expect(error.description == "emulator cannot listen on 127.0.0.1:\(first.port): address in use")
        }
    }

    @Test func shutsDownWhenTheBodyThrows() async throws {
        var port = 0
        await #expect(throws: Marker.self) {
            try await Emulator.withRunning { endpoint in
                port = endpoint.port
                #expect(endpoint.baseURL == "http://127.0.0.1:\(endpoint.port)")
                #expect(endpoint.environment["AZURE_SUBSCRIPTION_ID"] == Fixture.subscriptionId)
                throw Marker()
            }
        }
        // The port is free again: a new emulator can bind it.
        let reboundPort = try await Emulator.withRunning(port: port) { $0.port }
        #expect(reboundPort == port)
    }

    @Test func serveStopsWhenCancelled() async throws {
        let started = AsyncStream<EmulatorEndpoint>.makeStream()
        let task = Task {
            try await Emulator.serve(configuration: .default, host: "127.0.0.1", port: 0) { endpoint in
                started.continuation.yield(endpoint)
            }
        }
        var iterator = started.stream.makeAsyncIterator()
        let endpoint = try #require(await iterator.next())
        let reply = try await HTTPExchange.send(.get, "\(endpoint.baseURL)/subscriptions?api-version=2022-12-01")
        #expect(reply.status == 401)
        task.cancel()
        try await task.value
    }
}
