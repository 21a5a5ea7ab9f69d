import AsyncHTTPClient
import AzspecCore
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// What came back for a request.
struct HTTPResponse: Sendable {
    var status: Int
    var reason: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    /// Seconds from sending the request to the last byte of this response (0 where it was not measured).
    var elapsed: Double = 0

    /// All values of a header (case-insensitive name), joined with ", " as HTTP allows; nil when absent.
    func header(_ name: String) -> String? {
        var found: String?
        for header in headers where header.name.equalsIgnoringASCIICase(name) {
            found = found.map { $0 + ", " + header.value } ?? header.value
        }
        return found
    }
}
