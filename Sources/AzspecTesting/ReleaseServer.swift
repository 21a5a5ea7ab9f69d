import AzspecCore
import NIOCore
import NIOPosix

/// A loopback HTTP server standing in for a release page, for testing `scripts/install.sh`: it answers GETs of the
/// files it holds, 302 for a path in `redirects` (to the URL given), 404 for anything else, and cuts a file in
/// `truncated` off half-way (the whole length promised, half sent, the connection closed), as an interrupted download
/// does.
public final class ReleaseServer: Sendable {
    public let port: Int
    private let channel: any Channel
    private let seen: LockedBox<[String]>

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every path asked for, in order.
    public var requestedPaths: [String] { seen.withLock { $0 } }

    /// Serves `files` (path → bytes) while `body` runs.
    public static func withRunning<T: Sendable>(
        files: [String: [UInt8]], truncated: Set<String> = [], redirects: [String: String] = [:],
        _ body: (ReleaseServer) async throws -> T
    ) async throws -> T {
        let seen = LockedBox<[String]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ReleaseHandler(files: files, truncated: truncated, redirects: redirects, seen: seen))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = ReleaseServer(channel: channel, port: channel.localAddress?.port ?? 0, seen: seen)
        return try await whileOpen(channel) { try await body(server) }
    }

    private init(channel: any Channel, port: Int, seen: LockedBox<[String]>) {
        self.channel = channel
        self.port = port
        self.seen = seen
    }
}

private final class ReleaseHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let files: [String: [UInt8]]
    private let truncated: Set<String>
    private let redirects: [String: String]
    private let seen: LockedBox<[String]>
    private var received: [UInt8] = []

    init(files: [String: [UInt8]], truncated: Set<String>, redirects: [String: String], seen: LockedBox<[String]>) {
        self.files = files
        self.truncated = truncated
        self.redirects = redirects
        self.seen = seen
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        received += chunk.readBytes(length: chunk.readableBytes) ?? []
        guard let end = headEnd(), received.count <= 64 << 10 else {
            if received.count > 64 << 10 { context.close(promise: nil) }
            return
        }
        let head = String(decoding: received[..<end], as: UTF8.self)
        received.removeAll()
        let requestLine = head.split(separator: "\r\n").first?.split(separator: " ") ?? []
        let target = requestLine.count > 1 ? String(requestLine[1]) : "/"
        let path = String(target.split(separator: "?", maxSplits: 1).first ?? "/")
        seen.withLock { $0.append(path) }
        var buffer = context.channel.allocator.buffer(capacity: 256)
        if let location = redirects[path] {
            buffer.writeString("HTTP/1.1 302 Found\r\nLocation: \(location)\r\nContent-Length: 0\r\n\r\n")
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
            return
        }
        guard let file = files[path] else {
            let body = "not found"
            buffer.writeString("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
            return
        }
        buffer.writeString("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: \(file.count)\r\n\r\n")
        guard truncated.contains(path) else {
            buffer.writeBytes(file)
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
            return
        }
        buffer.writeBytes(file.prefix(file.count / 2))
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in loopBound.value.close(promise: nil) }
    }

    /// The end of the request head (the index just past its blank line), once it has arrived.
    private func headEnd() -> Int? {
        guard received.count >= 4 else { return nil }
        for index in 3..<received.count
        where received[index - 3] == 13 && received[index - 2] == 10 && received[index - 1] == 13 && received[index] == 10 {
            return index + 1
        }
        return nil
    }
}
