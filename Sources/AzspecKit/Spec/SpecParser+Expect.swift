import AzspecCore
import Foundation
import JSONPath
import Yams

extension SpecParser {

    mutating func expect(_ node: Node) -> ExpectSpec {
        var expect = ExpectSpec()
        guard let mapping = reader.mapping(node, "expect") else { return expect }
        for (key, _, value) in reader.members(mapping, allowed: SpecFormat.expect.keys, in: "expect") {
            switch key {
            case "status": expect.status = status(value)
            case "initialStatus": expect.initialStatus = status(value)
            case "headers":
                guard let headers = reader.mapping(value, "expect.headers") else { continue }
                for (name, keyNode, matcherNode) in reader.members(headers, allowed: [], in: "expect.headers") {
                    if let matcher = matcher(matcherNode) {
                        expect.headers.append(HeaderExpectation(name: name, matcher: matcher, location: reader.location(of: keyNode)))
                    }
                }
            case "json":
                guard let paths = reader.mapping(value, "expect.json") else { continue }
                for (text, keyNode, matcherNode) in reader.members(paths, allowed: [], in: "expect.json") {
                    let path = jsonPath(text, at: keyNode)
                    if let path, let matcher = matcher(matcherNode) {
                        expect.json.append(JSONExpectation(path: path, matcher: matcher, location: reader.location(of: keyNode)))
                    }
                }
            case "body":
                expect.body = matcher(value)
                expect.bodyLocation = reader.location(of: value)
            case "token":
                expect.token = claimMatchers(value, in: "expect.token") ?? []
            case "time": expect.time = time(value)
            case "denied":
                if let denied = reader.bool(value, "expect.denied") {
                    if denied {
                        expect.denied = reader.location(of: value)
                    } else {
                        reader.error("'denied: false' says nothing; expect a status instead (e.g. status: 2xx)", at: value)
                    }
                }
            default: break
            }
        }
        return expect
    }

    /// `time: { lt: 800ms, ge: 1ms }`: one bound or more, each a duration.
    mutating func time(_ node: Node) -> TimeExpectation? {
        guard let fields = reader.fields(node, SpecFormat.time) else { return nil }
        var bounds: [(comparison: Comparison, seconds: Double)] = []
        for name in ["lt", "le", "gt", "ge"] {
            guard let value = fields[name], let comparison = Comparison(rawValue: name),
                let seconds = reader.duration(value, "time.\(name)", in: 0...3600)
            else { continue }
            bounds.append((comparison, seconds))
        }
        if fields.isEmpty { reader.error("time needs a bound: lt, le, gt or ge, e.g. time: { lt: 800ms }", at: node) }
        return bounds.isEmpty ? nil : TimeExpectation(bounds: bounds, location: reader.location(of: node))
    }

    /// `claim: matcher` pairs (`expect.token`, the `jwt` matcher); nil when the node is not a mapping or a matcher is
    /// invalid (reported).
    mutating func claimMatchers(_ node: Node, in context: String) -> [ClaimMatcher]? {
        guard let claims = reader.mapping(node, context) else { return nil }
        var matchers: [ClaimMatcher] = []
        var valid = true
        for (claim, _, matcherNode) in reader.members(claims, allowed: [], in: context) {
            if let matcher = matcher(matcherNode) { matchers.append(ClaimMatcher(claim: claim, matcher: matcher)) } else { valid = false }
        }
        return valid ? matchers : nil
    }

    mutating func captures(_ node: Node) -> [CaptureSpec] {
        guard let mapping = reader.mapping(node, "capture") else { return [] }
        var result: [CaptureSpec] = []
        for (name, keyNode, value) in reader.members(mapping, allowed: [], in: "capture") {
            guard Self.isIdentifier(name) else {
                reader.error("capture name '\(name)' must be letters, digits and _", at: keyNode)
                continue
            }
            let location = reader.location(of: keyNode)
            switch value {
            case .scalar(let scalar):
                if let path = jsonPath(scalar.string, at: value) {
                    result.append(
                        CaptureSpec(name: name, source: .json(path), secret: SecretPolicy.selectsCredential(path.text), location: location))
                }
            case .mapping(let options):
                let members = reader.members(options, allowed: SpecFormat.capture.keys, in: "capture '\(name)'")
                var source: CaptureSpec.Source?
                var secret: Bool?
                for (key, _, option) in members {
                    switch key {
                    case "json": if let text = reader.string(option, "json"), let path = jsonPath(text, at: option) { source = .json(path) }
                    case "header": if let header = reader.string(option, "header") { source = .header(header) }
                    case "secret": secret = reader.bool(option, "secret")
                    default: break
                    }
                }
                if members.filter({ $0.key == "json" || $0.key == "header" }).count != 1 {
                    reader.error("capture '\(name)' takes exactly one of json or header", at: value)
                }
                guard let source else { continue }
                let automatic: Bool =
                    if case .json(let path) = source { SecretPolicy.selectsCredential(path.text) } else {
                        SecretPolicy.isCredentialField(name)
                    }
                result.append(CaptureSpec(name: name, source: source, secret: secret ?? automatic, location: location))
            default:
                reader.error("capture '\(name)' must be a JSONPath such as $.access_token, or { header: Name }", at: value)
            }
        }
        return result
    }

    private mutating func jsonPath(_ text: String, at node: Node) -> JSONPathQuery? {
        do {
            return try JSONPathQuery(text)
        } catch {
            var location = reader.location(of: node)
            location.column += (node.scalar?.contentOffset ?? 0) + error.offset
            reader.diagnostics.error("invalid JSONPath '\(text)': \(error.message)", at: location)
            return nil
        }
    }

    private mutating func status(_ node: Node) -> StatusExpectation? {
        if case .mapping(let mapping) = node {
            let members = reader.members(mapping, allowed: SpecFormat.negatedStatus.keys, in: "status")
            guard members.count == 1 else {
                if members.isEmpty { reader.error("status takes a code, a class, a list, or { not: … }", at: node) }
                return nil
            }
            if case .mapping = members[0].value {
                reader.error("status: { not: … } takes codes and classes such as 2xx, not another mapping", at: members[0].value)
                return nil
            }
            guard let inner = status(members[0].value) else { return nil }
            return StatusExpectation(allowed: inner.allowed, location: reader.location(of: node), negated: true)
        }
        let items: [Node] = if case .sequence(let sequence) = node { Array(sequence) } else { [node] }
        var allowed: [StatusExpectation.Allowed] = []
        for item in items {
            guard case .scalar(let scalar) = item else {
                reader.error("status must be a code such as 200, a class such as 2xx, or a list of them", at: item)
                continue
            }
            let text = scalar.string.lowercased()
            if let code = Int(text), (100...599).contains(code) {
                allowed.append(.code(code))
            } else if text.count == 3, text.hasSuffix("xx"), let digit = Int(text.prefix(1)), (1...5).contains(digit) {
                allowed.append(.classOf(digit))
            } else {
                reader.error("'\(scalar.string)' is not an HTTP status: use a code from 100 to 599 or a class such as 2xx", at: item)
            }
        }
        if allowed.isEmpty, case .sequence = node { reader.error("status must list at least one code", at: node) }
        return allowed.isEmpty ? nil : StatusExpectation(allowed: allowed, location: reader.location(of: node))
    }

    /// A matcher: a bare value means equals, a mapping of matcher names combines them.
    mutating func matcher(_ node: Node) -> Matcher? {
        guard case .mapping(let mapping) = node else { return .equals(reader.jsonTemplate(node)) }
        let keys = mapping.keys.compactMap { $0.scalar?.string }
        let known = keys.filter { Matcher.names.contains($0) }
        if known.isEmpty {
            // A plain object compares for equality, unless a key is a misspelt matcher.
            for keyNode in mapping.keys {
                guard let key = keyNode.scalar?.string, let guess = Suggestion.closest(to: key, in: Matcher.names) else { continue }
                reader.error(
                    "unknown matcher '\(key)' (did you mean '\(guess)'?); to compare with an object write 'equals: {…}'", at: keyNode)
                return nil
            }
            return .equals(reader.jsonTemplate(node))
        }
        var matchers: [Matcher] = []
        let errorsBefore = reader.diagnostics.diagnostics.count
        for (key, _, value) in reader.members(mapping, allowed: SpecFormat.matcher.keys, in: "a matcher") {
            if let matcher = namedMatcher(key, value) { matchers.append(matcher) }
        }
        guard matchers.count == known.count, matchers.count == keys.count else {
            // A matcher is never dropped in silence: whatever refused it says so.
            if reader.diagnostics.diagnostics.count == errorsBefore { reader.error("this matcher cannot be read", at: node) }
            return nil
        }
        return matchers.count == 1 ? matchers[0] : .all(matchers)
    }

    /// `schema: file.json` (beside the spec) or `schema: {…}` (inline, literal JSON).
    private mutating func schemaMatcher(_ value: Node) -> Matcher? {
        let folder = URL(fileURLWithPath: reader.file).deletingLastPathComponent()
        do {
            switch value {
            case .scalar(let scalar) where !["true", "false"].contains(scalar.string) || scalar.style != .plain:
                guard let path = reader.string(value, "schema"), !path.isEmpty else { return nil }
                return .schema(try SchemaMatcher.file(path, folder: folder))
            default:
                guard let document = reader.literalJSON(value, "a JSON Schema") else { return nil }
                return .schema(try SchemaMatcher.inline(document, folder: folder))
            }
        } catch {
            reader.error("schema: \(error)", at: value)
            return nil
        }
    }

    private mutating func namedMatcher(_ name: String, _ value: Node) -> Matcher? {
        switch name {
        case "equals": return .equals(reader.jsonTemplate(value))
        case "notEquals": return .notEquals(reader.jsonTemplate(value))
        case "contains": return .contains(reader.jsonTemplate(value))
        case "exists": return reader.bool(value, "exists").map { .exists($0) }
        case "type":
            if case .scalar(let scalar) = value, scalar.style == .plain, scalar.resolvedJSON == .null { return .type(.null) }
            guard let text = reader.string(value, "type") else { return nil }
            guard let kind = JSONKind(rawValue: text) else {
                let kinds = JSONKind.allCases.map(\.rawValue)
                reader.error(
                    "unknown type '\(text)'\(Suggestion.hint(for: text, in: kinds)); use one of \(kinds.joined(separator: ", "))", at: value
                )
                return nil
            }
            return .type(kind)
        case "matches":
            guard let pattern = reader.string(value, "matches") else { return nil }
            do {
                return .matches(try CompiledRegex(pattern))
            } catch {
                reader.error("invalid regular expression /\(pattern)/", at: value)
                return nil
            }
        case "lt", "le", "gt", "ge":
            guard case .scalar(let scalar) = value, case let bound = scalar.resolvedJSON,
                bound.numberValue != nil || bound.stringValue != nil, let comparison = Comparison(rawValue: name)
            else {
                reader.error("\(name) takes a number (or a string to compare in order)", at: value)
                return nil
            }
            return .compare(comparison, bound)
        case "length":
            if case .mapping = value { return matcher(value).map { .length($0) } }
            guard let count = reader.number(value, "length") else { return nil }
            guard count >= 0, count == count.rounded(), count < 1e15 else {
                reader.error("length takes a whole number from 0 up (or a matcher such as { ge: 1 })", at: value)
                return nil
            }
            return .length(.equals(.value(.number(count))))
        case "oneOf":
            guard let items = reader.sequence(value, "oneOf") else { return nil }
            return .oneOf(items.map { reader.jsonTemplate($0) })
        case "not": return matcher(value).map { .not($0) }
        case "each": return matcher(value).map { .each($0) }
        case "unordered":
            guard case .sequence = value else {
                reader.error("unordered takes a list: the elements expected, in any order", at: value)
                return nil
            }
            return .unordered(reader.jsonTemplate(value))
        case "has":
            if case .scalar = value, let name = reader.string(value, "has") { return .has([name]) }
            guard let names = reader.strings(value, "has"), !names.isEmpty else {
                reader.error("has takes a member name or a list of them", at: value)
                return nil
            }
            return .has(names)
        case "jwt": return claimMatchers(value, in: "jwt").map { .jwt($0) }
        case "schema": return schemaMatcher(value)
        default: return nil
        }
    }
}
