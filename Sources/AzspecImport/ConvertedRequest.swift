import AzspecCore

/// A Postman request in azspec's terms, with what could not be converted, before it is written as a test.
struct ConvertedRequest: Sendable {
    /// A header, and whether it stands for the request's (inherited) auth rather than one the request lists.
    struct Header: Sendable {
        let name: String
        let value: String
        let fromAuth: Bool
        /// Postman names the value uses.
        let uses: [String]
    }

    var method = "GET"
    var url = ""
    /// The URL as Postman has it (before templates are converted), to see which host it goes to.
    var postmanURL = ""
    var query: [(name: String, value: String)] = []
    var headers: [Header] = []
    /// `form`, `json` or `body`, and its value.
    var body: (key: String, value: YAMLNode)?
    /// Postman names the request uses, apart from headers.
    var uses: [String] = []
    /// Comment lines for the test: what was not converted.
    var comments: [String] = []
    var notes: [String] = []
    /// The request's oauth2 client-credentials auth, to become a declared identity.
    var oauth2: PostmanAuth?
    /// Why the test must be skipped (a method azspec does not send).
    var skip: String?

    /// Every Postman name the request uses.
    var allUses: [String] {
        var all = uses
        for header in headers {
            for name in header.uses where !all.contains(name) { all.append(name) }
        }
        return all
    }

    /// The `request:` mapping.
    var node: YAMLNode {
        var members: [(key: String, value: YAMLNode)] = [("method", .string(method)), ("url", .string(url))]
        if !query.isEmpty { members.append(("query", .flow(query.map { ($0.name, .string($0.value)) }))) }
        if !headers.isEmpty { members.append(("headers", .flow(headers.map { ($0.name, .string($0.value)) }))) }
        if let body { members.append((body.key, body.value)) }
        return .block(members)
    }
}
