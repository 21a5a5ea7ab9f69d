import NIOCore
import NIOPosix
import Testing

@testable import AzspecKit

@Suite struct EventLoopExecutorTests {
    /// A suite's task runs on its event loop before and after every suspension, so a response that completes on that
    /// loop resumes the test there, without a hop to Swift's global pool.
    @Test func aTaskPreferringTheExecutorStaysOnItsLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let executor = EventLoopExecutor(group.next())
        let other = group.next()
        let onLoop = await withTaskExecutorPreference(executor) { () async -> [Bool] in
            var seen = [executor.eventLoop.inEventLoop]
            // A future completed on another loop: the continuation still resumes on the preferred one.
            _ = try? await other.submit { 42 }.get()
            seen.append(executor.eventLoop.inEventLoop)
            try? await Task.sleep(for: .milliseconds(5))
            seen.append(executor.eventLoop.inEventLoop)
            seen.append(MultiThreadedEventLoopGroup.currentEventLoop === executor.eventLoop)
            return seen
        }
        #expect(onLoop == [true, true, true, true])
        #expect(!executor.eventLoop.inEventLoop, "the test itself is not on the loop")
        try await group.shutdownGracefully()
    }

    @Test func theTransportDealsOneExecutorPerLoop() async throws {
        let loops = try await HTTPTransport.withTransport { transport in
            transport.suiteExecutors.map { ObjectIdentifier($0.eventLoop) }
        }
        #expect(loops.count == System.coreCount, "the singleton group has one loop per core")
        #expect(Set(loops).count == loops.count)
    }
}
