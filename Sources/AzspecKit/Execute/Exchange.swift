import AzspecCore

/// One request and its response, the body decoded and parsed at most once.
struct Exchange {
    let request: PreparedRequest
    let response: HTTPResponse
    let body: ResponseBody

    /// `projection`: what to build of a JSON body (nil: all of it).
    init(request: PreparedRequest, response: HTTPResponse, keeping projection: JSONProjection? = nil) {
        self.request = request
        self.response = response
        self.body = ResponseBody(bytes: response.body, keeping: projection)
    }
}

/// What a test's exchanges did beyond their first request, in order: retries ("attempt 2 of 4: 200 OK
/// (recovered)"), pages followed, operations polled.
final class ExchangeLog: Sendable {
    private let lines = LockedBox<[String]>([])
    private let records = LockedBox<[RequestRecord]>([])

    func add(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    var all: [String] { lines.withLock { $0 } }

    /// Every request sent, with its status and time, for the structured reports.
    func record(_ request: RequestRecord) {
        records.withLock { $0.append(request) }
    }

    var requests: [RequestRecord] { records.withLock { $0 } }
}
