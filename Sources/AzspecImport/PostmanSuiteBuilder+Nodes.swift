import AzspecCore
import AzspecKit

extension PostmanSuiteBuilder {
    /// `expect:` from a translation: status, headers, json, body. Postman names its values use go to `uses`.
    mutating func expectNode(_ translation: ScriptTranslation, uses: inout [String]) -> YAMLNode? {
        var members: [(key: String, value: YAMLNode)] = []
        if let codes = translation.status {
            members.append(("status", codes.count == 1 ? .json(codes[0]) : .sequence(codes.map { .json($0) }, style: .flow)))
        }
        var headers: [(key: String, value: YAMLNode)] = []
        var json: [(key: String, value: YAMLNode)] = []
        for (target, matchers) in translation.expectations {
            let node = matcherNode(matchers, uses: &uses)
            switch target {
            case .header(let name): headers.append((name, node))
            case .json(let path): json.append((path, node))
            case .body: members.append(("body", node))
            }
        }
        if !headers.isEmpty { members.insert(("headers", .flow(headers)), at: translation.status == nil ? 0 : 1) }
        if !json.isEmpty { members.append(("json", .block(json))) }
        return members.isEmpty ? nil : .block(members)
    }

    /// A bare value for a lone `equals` (not of an object, which could read as matchers), else `{ matcher: value… }`.
    private mutating func matcherNode(_ matchers: [ScriptMatcher], uses: inout [String]) -> YAMLNode {
        if matchers.count == 1, matchers[0].name == .equals {
            if case .json(.object) = matchers[0].value {} else { return valueNode(matchers[0].value, uses: &uses) }
        }
        return .flow(matchers.map { ($0.name.rawValue, valueNode($0.value, uses: &uses)) })
    }

    private mutating func valueNode(_ value: ScriptValue, uses: inout [String]) -> YAMLNode {
        switch value {
        case .json(let json): return jsonNode(json, uses: &uses)
        case .variable(let name): return .string(variables.reference(name, used: &uses))
        case .list(let items): return .sequence(items.map { valueNode($0, uses: &uses) }, style: .flow)
        case .matchers(let matchers): return .flow(matchers.map { ($0.name.rawValue, valueNode($0.value, uses: &uses)) })
        }
    }

    /// An expected JSON value; its strings may hold `{{…}}` and secret literals are written as their variable.
    private mutating func jsonNode(_ json: JSONValue, uses: inout [String]) -> YAMLNode {
        switch json {
        case .string(let text): return .string(variables.template(text, cloud: false, used: &uses))
        case .array(let items): return .sequence(items.map { jsonNode($0, uses: &uses) }, style: .flow)
        case .object(let object): return .block(object.map { ($0.key, jsonNode($0.value, uses: &uses)) })
        default: return .json(json)
        }
    }

    /// `capture:`: a JSONPath, or `{ header: Name }`; names that look secret are marked `secret: true` unless azspec
    /// already treats the field as a credential.
    mutating func captureNode(_ translation: ScriptTranslation) -> YAMLNode? {
        guard !translation.captures.isEmpty else { return nil }
        var members: [(key: String, value: YAMLNode)] = []
        for (postman, source) in translation.captures {
            let secret = AzureNames.looksSecret(postman)
            let node: YAMLNode
            switch source {
            case .json(let path):
                node =
                    secret && !SecretPolicy.selectsCredential(path)
                    ? .flow([("json", .string(path)), ("secret", .bool(true))]) : .string(path)
            case .header(let name):
                node = .flow([("header", .string(name))] + (secret ? [("secret", .bool(true))] : []))
            }
            members.append((variables.name(postman), node))
        }
        return .block(members)
    }

    /// `vars:` for the names the suite needs before (or without) capturing them, each after the variables its value
    /// uses. Secrets and well-known Azure names read the environment; names defined nowhere read it too, with a note.
    mutating func variableEntries(
        _ needs: [String], suite: String, captured: Set<String>, elsewhere: (String) -> String?
    ) -> [(key: String, value: YAMLNode)] {
        var entries: [(key: String, value: YAMLNode)] = []
        var done = Set<String>()
        var pending = needs.reversed().map { (name: $0, expanded: false) }
        while let (postman, expanded) = pending.popLast() {
            if expanded {
                guard let definition = variables.definition(postman) else { continue }
                var inner: [String] = []
                let (template, variable) = variables.value(of: definition, used: &inner)
                entries.append((variables.name(postman), .string(template)))
                if let variable { readsEnvironment(postman, variable, secret: definition.secret) }
                continue
            }
            guard done.insert(postman).inserted else { continue }
            guard let definition = variables.definition(postman) else {
                let variable = AzureNames.wellKnown(postman) ?? AzureNames.environmentName(postman)
                entries.append((variables.name(postman), .string("{{env.\(variable)}}")))
                readsEnvironment(postman, variable, secret: AzureNames.looksSecret(postman))
                let reason =
                    if captured.contains(postman) {
                        "is used before the request that captures it"
                    } else if let other = elsewhere(postman) {
                        "is captured in '\(other)', but captures do not cross spec files"
                    } else { "is defined neither in the collection nor in the environment" }
                notes.append("\(suite): '\(postman)' \(reason); the spec reads it from \(variable).")
                continue
            }
            var inner: [String] = []
            _ = variables.value(of: definition, used: &inner)
            pending.append((postman, true))
            pending += inner.reversed().filter { !done.contains($0) && !captured.contains($0) }.map { ($0, false) }
        }
        return entries
    }

}
