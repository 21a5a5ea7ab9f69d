import AzspecCore
import Hummingbird
import NIOCore

/// Plain JSON responses (managed identity endpoints, the test OIDC issuer).
enum JSONResponse {
    static func make(
        _ status: HTTPResponse.Status, _ body: JSONValue, extraHeaders: [(HeaderName, String)] = []
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = HeaderValue.json
        headers[.cacheControl] = "no-store, no-cache"
        for (name, value) in extraHeaders { headers[name] = value }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body.serialized)))
    }
}
