import AzspecCore

/// A response body, decoded to text and parsed as JSON at most once, and only when something needs it.
final class ResponseBody {
    let bytes: [UInt8]
    /// What of the JSON to build (nil: all of it).
    private let projection: JSONProjection?

    init(bytes: [UInt8], keeping projection: JSONProjection? = nil) {
        self.bytes = bytes
        self.projection = projection
    }

    private(set) lazy var text: String = String(decoding: bytes, as: UTF8.self)

    /// The body as JSON, or why it is not JSON.
    private(set) lazy var parsed: Result<JSONValue, BodyNotJSON> = {
        guard !bytes.isEmpty else { return .failure(BodyNotJSON(reason: "the body is empty")) }
        do throws(JSONParseError) {
            if let projection { return .success(try JSONValue(parsing: bytes, keeping: projection)) }
            return .success(try JSONValue(parsing: bytes))
        } catch {
            return .failure(BodyNotJSON(reason: error.description))
        }
    }()

    /// The body as JSON when it is JSON and has been or can be parsed.
    var json: JSONValue? { try? parsed.get() }
}

/// Why a body could not be read as JSON.
struct BodyNotJSON: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
