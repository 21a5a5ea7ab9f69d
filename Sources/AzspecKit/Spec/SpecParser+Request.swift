import AzspecCore
import Yams

extension SpecParser {
    /// Pages `paginate: true` follows at most, and the most `paginate: N` may ask for.
    static let defaultPages = 100
    static let pagesRange = 1...1000
    /// Seconds `poll: true` waits for an operation at most, and the most `poll: { timeout: … }` may ask for.
    static let defaultPollTimeout = 600.0
    static let pollTimeoutRange = 1.0...7200.0

    mutating func request(_ node: Node) -> RequestSpec? {
        guard let mapping = reader.mapping(node, "request") else { return nil }
        let members = reader.members(mapping, allowed: SpecFormat.request.keys, in: "request")
        reader.require(SpecFormat.request.required, in: members, of: node, "a request")
        var method = "GET"
        var url: Template?
        var query: [(String, Template)] = []
        var headers: [(String, Template)] = []
        var body: BodySpec?
        var bodyKeys: [String] = []
        var timeout: Double?
        var paginate: Int?
        var poll: Double?
        for (key, _, value) in members {
            switch key {
            case "method":
                guard let text = reader.string(value, "method") else { continue }
                method = text.uppercased()
                if !SpecFormat.methods.contains(method) {
                    reader.error("unknown HTTP method '\(text)'\(Suggestion.hint(for: method, in: SpecFormat.methods))", at: value)
                }
            case "url":
                url = reader.template(value, "url")
                if let url, let problem = url.literalText.lazy.compactMap(RequestSyntax.urlProblem).first {
                    reader.error(problem, at: value)
                }
                if let url, url.references.isEmpty,
                    !(url.source.hasPrefix("http://") || url.source.hasPrefix("https://") || url.source.hasPrefix("/"))
                {
                    reader.error(
                        "url must start with https:// (or {{cloud.arm}} / {{cloud.login}}, or / for a path on Resource Manager)", at: value)
                }
            case "query": query = pairs(value, "query")
            case "headers": headers = pairs(value, "headers", checkingHeaders: true)
            case "form":
                bodyKeys.append(key)
                body = .form(pairs(value, "form"))
            case "json":
                bodyKeys.append(key)
                body = .json(reader.jsonTemplate(value))
            case "body":
                bodyKeys.append(key)
                if let template = reader.template(value, "body") { body = .raw(template) }
            case "timeout":
                timeout = reader.duration(value, "timeout", in: RequestTimeout.range)
            case "paginate":
                if case .scalar(let scalar) = value, case .bool(let on) = scalar.resolvedJSON {
                    paginate = on ? Self.defaultPages : nil
                } else {
                    paginate = reader.integer(value, "paginate (true, or the most pages to read)", in: Self.pagesRange)
                }
            case "poll":
                if case .scalar(let scalar) = value, case .bool(let on) = scalar.resolvedJSON {
                    poll = on ? Self.defaultPollTimeout : nil
                } else if let fields = reader.fields(value, SpecFormat.poll), let node = fields["timeout"] {
                    poll = reader.duration(node, "poll.timeout", in: Self.pollTimeoutRange)
                }
            default: break
            }
        }
        if bodyKeys.count > 1 {
            reader.error("a request takes one of form, json or body, not \(bodyKeys.joined(separator: " and "))", at: node)
        }
        if paginate != nil, method != "GET" {
            reader.error("paginate follows nextLink of a list, which is a GET; this request is a \(method)", at: node)
        }
        guard let url else { return nil }
        var request = RequestSpec(method: method, url: url, query: query, headers: headers, body: body, timeout: timeout)
        request.paginate = paginate
        request.poll = poll
        return request
    }

    /// An `api-version` value: a date such as `2021-04-01`, optionally `-preview`.
    mutating func apiVersion(_ node: Node, _ what: String) -> String? {
        guard let text = reader.string(node, what) else { return nil }
        let parts = text.split(separator: "-", maxSplits: 3)
        guard parts.count >= 3, parts[0].count == 4, parts[1].count == 2, parts[2].prefix(2).count == 2,
            text.prefix(10).allSatisfy({ $0.isNumber || $0 == "-" })
        else {
            reader.error("\(what) must be an ARM api-version such as 2021-04-01 or 2022-05-01-preview, not '\(text)'", at: node)
            return nil
        }
        return text
    }

    /// azspec.yaml's `headers`: checked like a request's.
    mutating func headerDefaults(_ node: Node) -> [(name: String, value: Template)] {
        pairs(node, "headers", checkingHeaders: true).map { (name: $0.0, value: $0.1) }
    }

    /// A mapping of names to scalar templates (query, headers, form).
    private mutating func pairs(_ node: Node, _ what: String, checkingHeaders: Bool = false) -> [(String, Template)] {
        guard let mapping = reader.mapping(node, what) else { return [] }
        var result: [(String, Template)] = []
        for (key, keyNode, value) in reader.members(mapping, allowed: [], in: what) {
            if checkingHeaders, let problem = RequestSyntax.headerNameProblem(key) {
                reader.error(problem, at: keyNode)
                continue
            }
            guard let template = reader.template(value, "\(what) '\(key)'") else { continue }
            if checkingHeaders, let problem = template.literalText.lazy.compactMap(RequestSyntax.headerValueProblem).first {
                reader.error("header '\(key)' \(problem)", at: value)
                continue
            }
            result.append((key, template))
        }
        return result
    }
}
