import AzspecCore
import AzspecKit

/// Converts one Postman request (with the auth it inherits) into a ``ConvertedRequest``.
struct PostmanRequestConverter {
    var variables: PostmanVariables
    var result = ConvertedRequest()

    /// JSON bodies nested deeper than this are sent as text (`body:`) rather than written out as YAML.
    static let maxJSONNesting = 64

    init(variables: PostmanVariables) {
        self.variables = variables
    }

    /// `where` names the request in notes (`Collection › Folder › Request`).
    mutating func convert(_ request: PostmanRequest, auth: PostmanAuth?, where place: String) -> ConvertedRequest {
        result = ConvertedRequest()
        if SpecFormat.methods.contains(request.method) {
            result.method = request.method
        } else {
            result.skip = "Postman sends it as \(request.method), a method azspec does not send"
            result.notes.append("\(place): method \(request.method) is not supported; the test is marked skip.")
        }
        convertURL(request.url, place: place)
        var seen = Set<String>()
        let bodyKind = request.body.map(Self.kind)
        for (name, value) in request.headers {
            let lowered = name.lowercased()
            if let problem = RequestSyntax.headerNameProblem(name) {
                result.notes.append("\(place): header '\(variables.masked(name))' left out: \(problem).")
                continue
            }
            guard seen.insert(lowered).inserted else {
                result.notes.append("\(place): header '\(name)' is listed twice; the first is kept.")
                continue
            }
            if lowered == "content-type",
                (bodyKind == "json" && value.lowercased().contains("json"))
                    || (bodyKind == "form" && value.lowercased().contains("x-www-form-urlencoded"))
            {
                continue
            }
            addHeader(name, value, fromAuth: false, place: place)
        }
        if let body = request.body { convertBody(body, hasContentType: seen.contains("content-type"), place: place) }
        if let auth { convertAuth(auth, listedAuthorization: seen.contains("authorization"), place: place) }
        return result
    }

    private static func kind(_ body: PostmanBody) -> String {
        switch body {
        case .urlencoded: "form"
        case .raw(let text, let language): language == "json" || JSONValue.parsed(Array(text.utf8)) != nil ? "json" : "raw"
        default: "other"
        }
    }

    /// A template for a request value (its Postman names recorded as the request's); a literal credential (by the
    /// field's name) is replaced by an environment variable.
    mutating func value(_ text: String, field: String, secret: Bool, cloud: Bool = true, place: String) -> (String, [String]) {
        let (template, uses) = template(text, field: field, secret: secret, cloud: cloud, place: place)
        for name in uses where !result.uses.contains(name) { result.uses.append(name) }
        return (template, uses)
    }

    /// The template for `text` and the Postman names it uses; with `secret`, literal text beyond an auth scheme
    /// word is not copied: the template reads an environment variable named after the field instead.
    private mutating func template(_ text: String, field: String, secret: Bool, cloud: Bool, place: String) -> (String, [String]) {
        var uses: [String] = []
        let template = variables.template(text, cloud: cloud, used: &uses)
        guard secret, Self.hasLiteralCredential(template) else { return (template, uses) }
        let variable = AzureNames.environmentName(field == "Authorization" ? "postman-authorization" : field)
        let prefix = Self.schemes.first { template.hasPrefix($0) } ?? ""
        result.notes.append(
            "\(place): the literal value of '\(field)' was not copied (it looks like a credential): set \(variable).")
        return (prefix + "{{env.\(variable)}}", [])
    }

    /// Auth scheme words kept before a credential.
    static let schemes = ["Bearer ", "Basic ", "SharedAccessSignature "]

    /// Text other than placeholders and an auth scheme word, at least 4 characters of it.
    static func hasLiteralCredential(_ template: String) -> Bool {
        var text = template
        for scheme in schemes where text.hasPrefix(scheme) {
            text.removeFirst(scheme.count)
        }
        while let open = text.firstRange(of: "{{"), let close = text[open.upperBound...].firstRange(of: "}}") {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return text.trimmingWhitespace.count >= 4
    }

    mutating func addHeader(_ name: String, _ value: String, fromAuth: Bool, credential: Bool = false, place: String) {
        if result.headers.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            result.notes.append("\(place): header '\(name)' is already listed; the one its auth adds is left out.")
            return
        }
        let secret = credential || SecretPolicy.isCredentialHeader(name) || AzureNames.looksSecret(name)
        let (template, uses) = template(value, field: name, secret: secret, cloud: !secret, place: place)
        if let problem = RequestSyntax.headerValueProblem(template) {
            result.notes.append("\(place): header '\(name)' left out: its value \(problem).")
            return
        }
        result.headers.append(.init(name: name, value: template, fromAuth: fromAuth, uses: uses))
    }
}
