import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Reads a response into an ``HTTPResponse``, the body straight into the byte array the engine keeps: one buffer of
/// the announced size, no second copy (AsyncHTTPClient's `ResponseAccumulator` collects into a `ByteBuffer` that would
/// then be copied out, twice the body at the peak). A body longer than `maximumSize` fails the request.
final class ResponseCollector: HTTPClientResponseDelegate {
    typealias Response = HTTPResponse

    /// A body beyond the limit, announced or received.
    struct TooLarge: Error {}

    private struct State {
        var head: HTTPResponseHead?
        var body: [UInt8] = []
    }

    /// The response ended before its head (AsyncHTTPClient reports a closed connection first; this is a guard).
    struct NoHead: Error, CustomStringConvertible {
        var description: String { "the response ended before its status line" }
    }

    private let state = Mutex(State())
    private let maximumSize: Int
    /// A HEAD request's answer announces a length but has no body.
    private let expectsBody: Bool

    init(maximumSize: Int, method: HTTPMethod) {
        self.maximumSize = maximumSize
        self.expectsBody = method != .HEAD
    }

    func didReceiveHead(task: HTTPClient.Task<HTTPResponse>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let announced = expectsBody ? head.headers.first(name: "Content-Length").flatMap { Int($0) } : nil
        if let announced, announced > maximumSize { return task.eventLoop.makeFailedFuture(TooLarge()) }
        state.withLock { state in
            state.head = head
            // The announced size, within the limit: one allocation for the whole body.
            if let announced, announced > 0 { state.body.reserveCapacity(announced) }
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<HTTPResponse>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let fits = state.withLock { state in
            guard state.body.count + buffer.readableBytes <= maximumSize else { return false }
            state.body.append(contentsOf: buffer.readableBytesView)
            return true
        }
        return fits ? task.eventLoop.makeSucceededVoidFuture() : task.eventLoop.makeFailedFuture(TooLarge())
    }

    func didFinishRequest(task: HTTPClient.Task<HTTPResponse>) throws -> HTTPResponse {
        try state.withLock { state in
            guard let head = state.head else { throw NoHead() }
            let body = state.body
            state.body = []
            return HTTPResponse(
                status: Int(head.status.code), reason: head.status.reasonPhrase, headers: head.headers.map { ($0.name, $0.value) },
                body: body)
        }
    }
}
