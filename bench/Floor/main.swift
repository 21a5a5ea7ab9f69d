// The floor of bench/run.sh's sequential target: AsyncHTTPClient alone sends COUNT GETs one after another, as azspec's
// transport does (one pooled client, the request-bag API with a deadline, the task pinned to the connection's event
// loop), and nothing else: no spec, no assertion, no report. azspec can only be as fast as this.
//
//   BenchFloor URL TOKEN COUNT [CONCURRENCY]      prints the seconds the COUNT requests took
import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// Runs the task's jobs on one event loop (as azspec's `EventLoopExecutor`).
final class LoopExecutor: TaskExecutor {
    let loop: any EventLoop
    init(_ loop: any EventLoop) { self.loop = loop }
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, let count = Int(arguments[3]), count > 0 else {
    print("usage: BenchFloor URL TOKEN COUNT [CONCURRENCY]")
    exit(2)
}
let concurrency = arguments.count > 4 ? max(1, Int(arguments[4]) ?? 1) : 1
let client = HTTPClient(eventLoopGroupProvider: .singleton)
let executors = client.eventLoopGroup.makeIterator().map(LoopExecutor.init)

/// `count` GETs one after another on the executor's loop; the number that failed.
func send(_ count: Int, on executor: LoopExecutor) async -> Int {
    var failures = 0
    for _ in 0..<count {
        var headers = HTTPHeaders()
        headers.add(name: "User-Agent", value: "azspec-floor")
        headers.add(name: "Authorization", value: "Bearer \(arguments[2])")
        do {
            let request = try HTTPClient.Request(url: arguments[1], method: .GET, headers: headers)
            let task = client.execute(
                request: request, delegate: ResponseAccumulator(request: request), eventLoop: .delegate(on: executor.loop),
                deadline: .now() + .seconds(30))
            let response = try await task.futureResult.get()
            if response.status != .ok { failures += 1 }
        } catch {
            failures += 1
        }
    }
    return failures
}

let start = ContinuousClock.now
// As azspec's --jobs: CONCURRENCY sequences side by side, dealt round-robin to the event loops.
let failures = await withTaskGroup(of: Int.self) { group in
    for lane in 0..<concurrency {
        let executor = executors[lane % executors.count]
        let share = count / concurrency + (lane < count % concurrency ? 1 : 0)
        group.addTask(executorPreference: executor) { await send(share, on: executor) }
    }
    var total = 0
    for await failed in group { total += failed }
    return total
}
let elapsed = ContinuousClock.now - start
try? await client.shutdown().get()
if failures > 0 {
    print("\(failures) requests failed")
    exit(1)
}
let parts = elapsed.components
print(Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
