import AsyncHTTPClient
import AzspecCore
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Sends requests over one shared HTTP client with pooled keep-alive connections.
///
/// Redirects are not followed: a test sees the 3xx its server sent and can assert on `Location`.
public final class HTTPTransport: HTTPSending {
    /// The largest response body read; a larger one fails its test.
    static let maximumBodySize = 64 * 1024 * 1024

    private let client: HTTPClient
    /// One executor per event loop of the client's group.
    let suiteExecutors: [EventLoopExecutor]

    /// Runs `body` with a transport and shuts the client down afterwards, whether `body` throws or not.
    /// `connectTimeout` bounds each connection attempt (TCP and TLS handshakes); no attempt outlives it, so a run
    /// ends soon after its last deadline.
    /// A client for one run. `offline` (`--emulator`): every request must go to loopback, where the emulator is;
    /// any other is refused before a connection is made.
    public static func withTransport<T: Sendable>(
        tls: TLSOptions = TLSOptions(), connectTimeout: Double = 10, offline: Bool = false, _ body: (HTTPTransport) async throws -> T
    ) async throws -> T {
        var configuration = HTTPClient.Configuration()
        configuration.tlsConfiguration = try tls.configuration()
        configuration.redirectConfiguration = .disallow
        let connectSeconds = min(max(connectTimeout, 0.01), 10)
        configuration.timeout = .init(connect: .milliseconds(Int64(connectSeconds * 1000)))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        // A refused connection or a certificate that does not verify is a finding to report now, not to retry with
        // back-off until the connect timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .disabled
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let transport = HTTPTransport(client: client, offline: offline)
        do {
            let result = try await body(transport)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Requests may go to loopback only.
    let offline: Bool

    private init(client: HTTPClient, offline: Bool) {
        self.client = client
        self.offline = offline
        self.suiteExecutors = client.eventLoopGroup.makeIterator().map(EventLoopExecutor.init)
    }

    func send(_ request: PreparedRequest) async throws(TransportError) -> HTTPResponse {
        if offline, Origin(url: request.url)?.isLoopback != true {
            throw TransportError(
                described: "under --emulator nothing leaves this machine: \(Origin(url: request.url)?.description ?? request.url) "
                    + "is not the emulator or loopback; nothing was sent")
        }
        var headers = HTTPHeaders()
        if !request.headers.contains(where: { $0.name.equalsIgnoringASCIICase("User-Agent") }) {
            headers.add(name: "User-Agent", value: "azspec/\(AzspecVersion.current)")
        }
        for (name, value) in request.headers { headers.add(name: name, value: value) }
        // The timeout is a deadline for the whole exchange: connecting, the response head and every byte of the
        // body. AsyncHTTPClient's request-bag API fails a request at its deadline in every state, body included
        // (its async API's deadline ends at the head), and needs no second task to race the clock.
        let seconds = min(max(request.timeout, RequestTimeout.range.lowerBound), RequestTimeout.range.upperBound)
        let deadline = NIODeadline.now() + .nanoseconds(Int64(seconds * 1_000_000_000))
        do {
            let method = HTTPMethod(rawValue: request.method)
            let body = request.body.map { HTTPClient.Body.bytes($0) }
            let outgoing =
                try request.parsedURL.map { try HTTPClient.Request(url: $0, method: method, headers: headers, body: body) }
                ?? HTTPClient.Request(url: request.url, method: method, headers: headers, body: body)
            // A suite running on an event loop (its executor) is answered on that loop, so it resumes without a hop to
            // Swift's pool. Only the delegate is pinned: pinning the connection too (`.delegateAndChannel`) makes
            // AsyncHTTPClient open a new connection for nearly every request once two suites share a loop.
            let loop = MultiThreadedEventLoopGroup.currentEventLoop
            let task = client.execute(
                request: outgoing, delegate: ResponseCollector(maximumSize: Self.maximumBodySize, method: outgoing.method),
                eventLoop: loop.map { .delegate(on: $0) } ?? .indifferent, deadline: deadline)
            return try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
        } catch {
            throw TransportError(error, request: request)
        }
    }
}

/// Why a request got no complete response.
struct TransportError: Error, CustomStringConvertible {
    let description: String
    /// The connection was closed or reset before the response was complete (worth one more try for an idempotent
    /// request).
    var isConnectionReset: Bool {
        description.contains("closed the connection before the response was complete") || description.contains("reset by peer")
    }

    init(described description: String) {
        self.description = description
    }

    init(_ error: any Error, request: PreparedRequest) {
        let target = URL(string: request.url).map { "\($0.host ?? "?")\($0.port.map { ":\($0)" } ?? "")" } ?? request.url
        let seconds = String(format: "%g", request.timeout)
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout: description = "timed out after \(seconds) s waiting for \(target)"
            case .connectTimeout: description = "timed out connecting to \(target)"
            case .remoteConnectionClosed: description = "\(target) closed the connection before the response was complete"
            case .cancelled: description = "the request was cancelled"
            default: description = "request to \(target) failed: \(error)"
            }
        } else if error is NIOTooManyBytesError || error is ResponseCollector.TooLarge {
            description = "the response body is larger than \(HTTPTransport.maximumBodySize / 1024 / 1024) MiB"
        } else {
            let text = String(describing: error)
            if error as? HTTPParserError == .invalidEOFState || text.contains("stream ended at an unexpected time") {
                description = "\(target) closed the connection before the response was complete"
            } else if text.contains("connectionRefused") || text.contains("Connection refused") {
                description = "connection refused by \(target)"
            } else if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("unableToValidateCertificate") {
                description =
                    "the TLS certificate of \(target) did not verify (CERTIFICATE_VERIFY_FAILED): trust its CA with --ca-cert FILE"
            } else if error is NIOSSLError || text.contains("handshakeFailed") {
                description = "the TLS handshake with \(target) failed: \(text)"
            } else {
                description = "request to \(target) failed: \(text)"
            }
        }
    }
}
