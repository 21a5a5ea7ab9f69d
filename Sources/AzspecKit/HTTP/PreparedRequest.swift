import AzspecCore
import Foundation

/// A request with every template filled in, ready to send.
struct PreparedRequest: Sendable {
    var method: String
    /// The full URL, query included.
    var url: String {
        didSet { parsedURL = nil }
    }
    var headers: [(name: String, value: String)]
    var body: [UInt8]?
    var timeout: Double
    /// The host when the request goes unencrypted (`http://`) to anything but loopback.
    var plainHTTPHost: String?
    /// `url` as the builder parsed and checked it, for the HTTP client not to parse it again (nil: not parsed yet).
    var parsedURL: URL?

    /// `GET https://…`, the request line shown in reports.
    var line: String { "\(method) \(url)" }

    /// A GET of `url` sent like this request (its headers and token, no body): a next page, an operation's status.
    func followUp(_ url: String) -> PreparedRequest {
        var request = self
        request.method = "GET"
        request.url = url
        request.body = nil
        request.headers.removeAll { $0.name.equalsIgnoringASCIICase("content-type") }
        return request
    }
}
