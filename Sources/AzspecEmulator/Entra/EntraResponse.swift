import AzspecCore
import Hummingbird
import NIOCore

/// Renders token-endpoint responses with Entra's headers (azure-protocol.md §1.2).
enum EntraResponse {
    static func success(_ body: String, traceId: String, clientRequestId: String?) -> Response {
        make(status: .ok, body: body, traceId: traceId, clientRequestId: clientRequestId)
    }

    static func error(
        _ error: EntraError,
        traceId: String,
        clientRequestId: String?,
        now: Double,
        baseURL: String
    ) -> Response {
        let correlationId = clientRequestId.flatMap { GUID.isValid($0) ? $0.lowercased() : nil } ?? GUID.random()
        let body = error.body(traceId: traceId, correlationId: correlationId, now: now, baseURL: baseURL)
        return make(status: error.status, body: body, traceId: traceId, clientRequestId: clientRequestId)
    }

    /// A JSON response with the headers Entra sends on token and discovery responses.
    static func make(
        status: HTTPResponse.Status,
        body: String,
        traceId: String,
        clientRequestId: String?,
        cacheControl: String = "no-store, no-cache"
    ) -> Response {
        var headers = HTTPFields()
        headers.reserveCapacity(12)
        headers[.cacheControl] = cacheControl
        headers[.pragma] = "no-cache"
        headers[.contentType] = HeaderValue.json
        headers[.expiresHeader] = "-1"
        headers[.strictTransportSecurity] = HeaderValue.hsts
        headers[.contentTypeOptions] = "nosniff"
        headers[.p3p] = "CP=\"DSP CUR OTPi IND OTRi ONL FIN\""
        if let clientRequestId { headers[.clientRequestId] = clientRequestId }
        headers[.msRequestId] = traceId
        headers[.msEstsServer] = "2.1.0 - LOCAL azspec-emulator"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
