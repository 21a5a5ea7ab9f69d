import AzspecCore
import AzspecKit

extension PostmanRequestConverter {
    /// The URL without its query (which goes to `query:`) and fragment, `:name` path variables filled in.
    mutating func convertURL(_ url: PostmanURL, place: String) {
        var raw = url.raw?.trimmingWhitespace ?? ""
        if raw.isEmpty {
            let host = url.host.joined(separator: ".") + (url.port.map { ":" + $0 } ?? "")
            let path = url.path.isEmpty ? "" : "/" + url.path.joined(separator: "/")
            raw = host.isEmpty ? path : (url.scheme.map { $0 + "://" } ?? "") + host + path
        }
        if let hash = raw.firstIndex(of: "#") { raw = String(raw[..<hash]) }
        var base = Substring(raw)
        var pairs: [(String, String)] = []
        if let mark = raw.firstIndex(of: "?") {
            base = raw[..<mark]
            pairs = raw[raw.index(after: mark)...].split(separator: "&").map { piece in
                let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }
        }
        if let listed = url.query { pairs = listed.map { ($0.key, $0.value ?? "") } }
        var segments = base.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (key, value) in url.pathVariables {
            for index in segments.indices where segments[index] == ":" + key && !value.isEmpty { segments[index] = value }
        }
        var text = segments.joined(separator: "/")
        if !text.isEmpty, !text.hasPrefix("{{"), !text.hasPrefix("/"), !text.contains("://") {
            text = "https://" + text
            result.notes.append("\(place): the URL names no scheme; https:// is assumed.")
        }
        result.postmanURL = text
        result.url = Self.encodingSpaces(value(text, field: "url", secret: false, place: place).0)
        var seen = Set<String>()
        for (rawKey, rawValue) in pairs {
            let key = Self.decodedQueryText(rawKey)
            guard !key.isEmpty else { continue }
            guard seen.insert(key).inserted else {
                result.notes.append("\(place): query parameter '\(key)' is given twice; azspec sends the first only.")
                continue
            }
            let decoded = Self.decodedQueryText(rawValue)
            let secret = AzureNames.looksSecret(key) || SecretPolicy.isCredentialField(key) || key.lowercased() == "sig"
            result.query.append((key, value(decoded, field: key, secret: secret, place: place).0))
        }
    }

    /// A query name or value percent-decoded (`+` as a space, as servers read it); as written when malformed.
    static func decodedQueryText(_ text: String) -> String {
        PercentEncoding.decode(text, plusAsSpace: true) ?? text
    }

    /// White space and control characters in a URL, percent-encoded (azspec refuses them raw).
    static func encodingSpaces(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) {
                for byte in String(scalar).utf8 { out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `form:`, `json:` or `body:`; multipart, file and GraphQL bodies are kept as comments.
    mutating func convertBody(_ body: PostmanBody, hasContentType: Bool, place: String) {
        switch body {
        case .urlencoded(let fields):
            var members: [(key: String, value: YAMLNode)] = []
            for (key, text) in fields where !key.isEmpty {
                guard !members.contains(where: { $0.key == key }) else {
                    result.notes.append("\(place): form field '\(key)' is given twice; the first is kept.")
                    continue
                }
                let secret = AzureNames.looksSecret(key) || SecretPolicy.isCredentialField(key)
                members.append((key, .string(value(text, field: key, secret: secret, place: place).0)))
            }
            if !members.isEmpty { result.body = ("form", .block(members)) }
        case .raw(let text, let language):
            if language == nil || language == "json", let json = JSONValue.parsed(Array(text.utf8)),
                json.nesting(limit: Self.maxJSONNesting) <= Self.maxJSONNesting
            {
                result.body = ("json", jsonNode(json, member: nil, place: place))
                return
            }
            if language == "json" {
                result.notes.append(
                    "\(place): the JSON body is not valid JSON (a {{variable}} outside quotes?); it is sent as text.")
            }
            result.body = ("body", .string(value(text, field: "body", secret: false, cloud: false, place: place).0))
            let types = [
                "json": "application/json", "xml": "application/xml", "html": "text/html", "javascript": "application/javascript",
            ]
            if !hasContentType, let type = language.flatMap({ types[$0] }) {
                addHeader("Content-Type", type, fromAuth: false, place: place)
            }
        case .formdata(let fields):
            result.comments.append("postman body (multipart form data), not converted:")
            for (key, text, type) in fields {
                let shown = type == "file" ? "@" + text : (AzureNames.looksSecret(key) ? "***" : variables.masked(text))
                result.comments.append("postman:   \(key)=\(shown)")
            }
            result.notes.append("\(place): the multipart form-data body is not converted (kept as a comment).")
        case .file(let source):
            result.comments.append("postman body (file \(source)), not converted")
            result.notes.append("\(place): the file body is not converted (kept as a comment).")
        case .graphql(let query, let variablesText):
            result.comments.append("postman body (GraphQL), not converted; send it as json: { query: …, variables: … }:")
            for line in (query + "\n" + variablesText).split(whereSeparator: \.isNewline) {
                result.comments.append("postman:   " + variables.masked(String(line)))
            }
            result.notes.append("\(place): the GraphQL body is not converted (kept as a comment).")
        }
    }

    /// A JSON body as YAML: strings are templates; a literal credential member is replaced by an environment variable.
    private mutating func jsonNode(_ json: JSONValue, member: String?, place: String) -> YAMLNode {
        switch json {
        case .string(let text):
            let name = member ?? "body"
            let lowered = name.lowercased()
            let secret =
                SecretPolicy.isCredentialField(name)
                || ["secret", "password", "token", "credential"].contains { lowered.contains($0) }
            return .string(value(text, field: name, secret: secret, place: place).0)
        case .array(let items): return .sequence(items.map { jsonNode($0, member: member, place: place) }, style: .block)
        case .object(let object): return .block(object.map { ($0.key, jsonNode($0.value, member: $0.key, place: place)) })
        default: return .json(json)
        }
    }

    /// Bearer and API-key auth become headers (or a query parameter); oauth2 is left to the suite (an identity);
    /// other kinds are kept as a comment.
    mutating func convertAuth(_ auth: PostmanAuth, listedAuthorization: Bool, place: String) {
        switch auth.type {
        case "noauth":
            return
        case "bearer":
            guard let token = auth.string("token") else {
                result.notes.append("\(place): the bearer auth has no token; no Authorization header is sent.")
                return
            }
            if listedAuthorization {
                result.notes.append("\(place): the request lists its own Authorization header; its bearer auth is left out.")
                return
            }
            addHeader("Authorization", "Bearer " + token, fromAuth: true, place: place)
        case "apikey":
            guard let key = auth.string("key"), let text = auth.string("value") else { return }
            if auth.string("in")?.lowercased() == "query" {
                guard !result.query.contains(where: { $0.name == key }) else {
                    result.notes.append(
                        "\(place): query parameter '\(key)' is already given; the one its API-key auth adds is left out.")
                    return
                }
                result.query.append((key, value(text, field: key, secret: true, place: place).0))
            } else {
                addHeader(key, text, fromAuth: true, credential: true, place: place)
            }
        case "oauth2":
            result.oauth2 = auth
        default:
            result.comments.append("postman auth: \(auth.type), not converted")
            result.notes.append(
                "\(place): \(auth.type) auth is not converted (kept as a comment): "
                    + "add the header it sends, or declare an identity."
            )
        }
    }
}
