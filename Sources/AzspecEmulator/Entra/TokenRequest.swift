import AzspecCore
import Foundation
import Hummingbird
import NIOCore

/// The form fields of a client-credentials token request, plus `client_secret_basic` credentials.
struct TokenRequest: Sendable {
    private var fields: [String: String] = [:]
    private var basicClientId: String?
    private var basicSecret: String?

    /// Reads an `application/x-www-form-urlencoded` body (other content types yield no fields, as in Entra)
    /// and an `Authorization: Basic` header.
    init(headers: HTTPFields, body: ByteBuffer?) {
        let contentType = headers[.contentType]?.lowercased() ?? ""
        if contentType.hasPrefix("application/x-www-form-urlencoded"), let body {
            let text = String(buffer: body)
            for (key, value) in PercentEncoding.pairs(text, plusAsSpace: true) where fields[key] == nil {
                fields[key] = value
            }
        }
        if let authorization = headers[.authorization], authorization.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(authorization.dropFirst(6).trimmingSpaces)),
            let credentials = String(data: decoded, encoding: .utf8),
            let colon = credentials.firstIndex(of: ":")
        {
            // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
            basicClientId = PercentEncoding.decode(credentials[..<colon], plusAsSpace: true)
            basicSecret = PercentEncoding.decode(credentials[credentials.index(after: colon)...], plusAsSpace: true)
        }
    }

    /// A form field; empty values count as missing.
    subscript(name: String) -> String? {
        guard let value = fields[name], !value.isEmpty else { return nil }
        return value
    }

    var clientId: String? { self["client_id"] ?? basicClientId.flatMap { $0.isEmpty ? nil : $0 } }
    var clientSecret: String? { self["client_secret"] ?? basicSecret.flatMap { $0.isEmpty ? nil : $0 } }
}
