import AsyncHTTPClient
import AzspecCore
import NIOCore
import NIOHTTP1

@testable import AzspecEmulator

/// HTTP methods the tests send (mapped to AsyncHTTPClient's).
enum Method: Sendable {
    case get, post, put, patch, delete, head
}

/// A fully read HTTP response.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The first value of a header (case-insensitive name).
    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The body as JSON (order-preserving), or nil when it is not JSON.
    var json: JSONValue? { try? JSONValue(parsing: body) }

    /// The top-level object keys in body order.
    var keys: [String] { json?.objectValue?.keys ?? [] }

    /// `error.code` of an ARM error body.
    var armErrorCode: String? { json?["error"]?["code"]?.stringValue }
    var armErrorMessage: String? { json?["error"]?["message"]?.stringValue }
}

/// Sends requests to the emulator over real HTTP on 127.0.0.1.
enum HTTPExchange {
    static func send(
        _ method: Method,
        _ url: String,
        headers: [(String, String)] = [],
        body: String? = nil
    ) async throws -> HTTPReply {
        var request = HTTPClientRequest(url: url)
        switch method {
        case .get: request.method = .GET
        case .post: request.method = .POST
        case .put: request.method = .PUT
        case .patch: request.method = .PATCH
        case .delete: request.method = .DELETE
        case .head: request.method = .HEAD
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(15))
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return HTTPReply(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Array(buffer.readableBytesView)
        )
    }

    /// POSTs an `application/x-www-form-urlencoded` body.
    static func postForm(
        _ url: String, _ fields: [(String, String)], headers: [(String, String)] = []
    ) async throws
        -> HTTPReply
    {
        let body = fields.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }.joined(
            separator: "&")
        return try await send(
            .post, url, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers, body: body)
    }
}
