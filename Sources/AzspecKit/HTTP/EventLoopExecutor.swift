import NIOCore

/// Runs a task's jobs on one NIO event loop.
///
/// A suite runs with this executor as its task's preference, and the transport asks AsyncHTTPClient to answer on the
/// same loop: the suite resumes after `await send` where the response was delivered, its assertions run and the next
/// request is written, without a hop. Without it every request crosses twice between Swift's global pool and the event
/// loop (a wake-up and a context switch each way, the largest cost of a sequential run on loopback).
final class EventLoopExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
