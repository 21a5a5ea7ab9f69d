import AzspecCore

/// A request as Postman stores it: method, URL, enabled headers, body and its own auth.
struct PostmanRequest: Sendable {
    let method: String
    let url: PostmanURL
    /// Enabled headers, in order.
    let headers: [(name: String, value: String)]
    let body: PostmanBody?
    let auth: PostmanAuth?

    /// A request object, or a bare URL string; nil for anything else.
    init?(_ json: JSONValue) {
        if case .string(let raw) = json {
            self.init(method: "GET", url: PostmanURL(raw: raw), headers: [], body: nil, auth: nil)
            return
        }
        guard case .object(let object) = json else { return nil }
        let method = object["method"]?.stringValue?.ifNotBlank?.uppercased() ?? "GET"
        let url = object["url"].flatMap(PostmanURL.init(json:)) ?? PostmanURL(raw: "")
        var headers: [(name: String, value: String)] = []
        switch object["header"] {
        case .array(let list):
            for header in list where header["disabled"]?.boolValue != true {
                guard let name = header["key"]?.stringValue, !name.isEmpty else { continue }
                headers.append((name, header["value"]?.postmanText ?? ""))
            }
        case .string(let text):
            for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("//") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.append((line[..<colon].trimmingWhitespace, line[line.index(after: colon)...].trimmingWhitespace))
            }
        default: break
        }
        self.init(
            method: method, url: url, headers: headers, body: object["body"].flatMap(PostmanBody.init),
            auth: PostmanAuth(object["auth"]))
    }

    init(method: String, url: PostmanURL, headers: [(name: String, value: String)], body: PostmanBody?, auth: PostmanAuth?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.auth = auth
    }
}
