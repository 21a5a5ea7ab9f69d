import Hummingbird

/// `HTTPField.Name` without importing HTTPTypes directly (Hummingbird re-exports `HTTPFields` only).
typealias HeaderName = HTTPFields.Element.Name

/// Header names Azure uses, created once.
extension HTTPFields.Element.Name {
    // Force unwraps below act on constant, valid header-name literals only.
    static let msRequestId = HeaderName("x-ms-request-id")!
    static let msCorrelationRequestId = HeaderName("x-ms-correlation-request-id")!
    static let msRoutingRequestId = HeaderName("x-ms-routing-request-id")!
    static let msClientRequestId = HeaderName("x-ms-client-request-id")!
    static let msReturnClientRequestId = HeaderName("x-ms-return-client-request-id")!
    static let msFailureCause = HeaderName("x-ms-failure-cause")!
    static let msEstsServer = HeaderName("x-ms-ests-server")!
    static let clientRequestId = HeaderName("client-request-id")!
    static let requestId = HeaderName("request-id")!
    static let pragma = HeaderName("Pragma")!
    static let expiresHeader = HeaderName("Expires")!
    static let strictTransportSecurity = HeaderName("Strict-Transport-Security")!
    static let contentTypeOptions = HeaderName("X-Content-Type-Options")!
    static let p3p = HeaderName("P3P")!
    static let retryAfterHeader = HeaderName("Retry-After")!
    static let wwwAuthenticateHeader = HeaderName("WWW-Authenticate")!
    static let rateLimitSubscriptionReads = HeaderName("x-ms-ratelimit-remaining-subscription-reads")!
    static let rateLimitSubscriptionWrites = HeaderName("x-ms-ratelimit-remaining-subscription-writes")!
    static let rateLimitSubscriptionDeletes = HeaderName("x-ms-ratelimit-remaining-subscription-deletes")!
    static let rateLimitTenantReads = HeaderName("x-ms-ratelimit-remaining-tenant-reads")!
    static let metadata = HeaderName("Metadata")!
    static let identityHeader = HeaderName("X-IDENTITY-HEADER")!
    static let server = HeaderName("Server")!
}

/// Header values shared by Entra ID and ARM responses.
enum HeaderValue {
    static let json = "application/json; charset=utf-8"
    static let hsts = "max-age=31536000; includeSubDomains"
}
