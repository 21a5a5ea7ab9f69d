import AzspecCore
import Hummingbird
import NIOCore

/// Renders ARM replies and errors with the headers every ARM response carries (azure-protocol.md §5.5).
enum ARMResponse {
    static func make(
        status: HTTPResponse.Status,
        body: String?,
        call: ARMCall,
        rateLimit: (EmulatorState.RateLimitClass, Int)?,
        extraHeaders: [(HeaderName, String)]
    ) -> Response {
        var headers = HTTPFields()
        headers.reserveCapacity(16)
        headers[.cacheControl] = "no-cache"
        headers[.pragma] = "no-cache"
        if body != nil { headers[.contentType] = HeaderValue.json }
        headers[.expiresHeader] = "-1"
        for (name, value) in extraHeaders { headers.append(.init(name: name, value: value)) }
        if let (limitClass, remaining) = rateLimit { headers[limitClass.headerName] = String(remaining) }
        headers[.msRequestId] = call.requestId
        headers[.msCorrelationRequestId] = call.correlationId
        headers[.msRoutingRequestId] = "LOCAL:\(stamp(Int(call.now))):\(call.requestId)"
        if let echo = call.clientRequestIdEcho { headers[.msClientRequestId] = echo }
        headers[.strictTransportSecurity] = HeaderValue.hsts
        headers[.contentTypeOptions] = "nosniff"
        guard let body else { return Response(status: status, headers: headers) }
        if call.isHead {
            // HEAD advertises the length of the body it would have sent (a recorded 404 shows 104 bytes).
            headers[.contentLength] = String(body.utf8.count)
            return Response(status: status, headers: headers)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The `yyyyMMddTHHmmssZ` stamp of the current second, formatted once per second.
    private static let lastStamp = LockedBox<(second: Int, text: String)>((-1, ""))

    private static func stamp(_ second: Int) -> String {
        lastStamp.withLock { cached in
            if cached.second != second { cached = (second, UTCTime(epochSeconds: second).compactStamp) }
            return cached.text
        }
    }

    static func error(
        _ error: ARMError,
        call: ARMCall,
        challengeTenant: String,
        rateLimit: (EmulatorState.RateLimitClass, Int)?
    ) -> Response {
        var extra: [(HeaderName, String)] = []
        if let description = error.challengeDescription {
            let challenge =
                "Bearer authorization_uri=\"https://login.windows.net/\(challengeTenant)\", error=\"invalid_token\", "
                + "error_description=\"\(description)\""
            extra.append((.wwwAuthenticateHeader, challenge))
        }
        extra.append((.msFailureCause, "gateway"))
        if let seconds = error.retryAfter { extra.append((.retryAfterHeader, String(seconds))) }
        return make(status: error.status, body: error.body, call: call, rateLimit: rateLimit, extraHeaders: extra)
    }
}
