import AzspecCore
import JSONSchema

/// What a matcher looks at: the single value of a singular path (nil when absent), or the list a
/// non-singular path selected, seen as a JSON array.
enum MatchSubject: Sendable {
    case value(JSONValue?)
    case nodes([JSONValue])

    init(nodes: [JSONValue], singular: Bool) {
        self = singular ? .value(nodes.first) : .nodes(nodes)
    }

    /// The value the matcher compares with; nil when a singular path found nothing.
    var value: JSONValue? {
        switch self {
        case .value(let value): value
        case .nodes(let nodes): .array(nodes)
        }
    }

    var exists: Bool {
        switch self {
        case .value(let value): value != nil
        case .nodes(let nodes): !nodes.isEmpty
        }
    }
}

extension Matcher {
    /// Nil when the matcher holds; otherwise a sentence saying what was expected and what was found.
    func mismatch(for subject: MatchSubject, scope: TemplateScope) throws(TemplateError) -> String? {
        if case .exists(let expected) = self {
            if subject.exists == expected { return nil }
            return expected ? "expected a value, found none" : "expected no value, found \(describe(subject.value))"
        }
        if case .not(let inner) = self {
            return try inner.mismatch(for: subject, scope: scope) == nil ? "expected not \(try inner.summary(scope))" : nil
        }
        if case .all(let matchers) = self {
            for matcher in matchers {
                if let problem = try matcher.mismatch(for: subject, scope: scope) { return problem }
            }
            return nil
        }
        guard let actual = subject.value else { return "expected \(try summary(scope)), found no value" }
        return try mismatch(for: actual, scope: scope)
    }

    private func mismatch(for actual: JSONValue, scope: TemplateScope) throws(TemplateError) -> String? {
        switch self {
        case .equals(let expected):
            let value = try expected.resolve(in: scope)
            guard value != actual else { return nil }
            if let difference = JSONDiff.describe(expected: value, actual: actual) { return "not as expected: \(difference)" }
            return "expected \(describe(value)), got \(describe(actual))"
        case .unordered(let expected):
            let value = try expected.resolve(in: scope)
            guard case .array = value else { return "unordered compares arrays; write a list" }
            guard case .array = actual else { return "expected an array, got \(actual.typeName) \(describe(actual))" }
            return JSONDiff.describe(expected: value, actual: actual, ignoringOrder: true).map { "not the same elements: \($0)" }
        case .has(let names):
            guard case .object(let object) = actual else {
                return "expected an object with \(Self.members(names)), got \(actual.typeName) \(describe(actual))"
            }
            let missing = names.filter { object[$0] == nil }
            return missing.isEmpty ? nil : "expected an object with \(Self.members(missing)), got \(describe(actual))"
        case .notEquals(let unexpected):
            let value = try unexpected.resolve(in: scope)
            return value != actual ? nil : "expected anything but \(describe(value))"
        case .type(let kind):
            return kind.describes(actual) ? nil : "expected type \(kind.rawValue), got \(actual.typeName) \(describe(actual))"
        case .contains(let needle):
            let value = try needle.resolve(in: scope)
            switch actual {
            case .string(let text):
                guard case .string(let part) = value else { return "expected a string to look for in \(describe(actual))" }
                return text.contains(part) ? nil : "expected \(describe(actual)) to contain \(describe(value))"
            case .array(let elements):
                return elements.contains(value) ? nil : "expected \(describe(actual)) to contain \(describe(value))"
            case .object(let object):
                guard case .string(let key) = value else { return "expected a member name to look for" }
                return object[key] != nil ? nil : "expected an object with member \(describe(value)), got \(describe(actual))"
            default:
                return "expected a string, array or object containing \(describe(value)), got \(describe(actual))"
            }
        case .matches(let regex):
            guard case .string(let text) = actual else { return "expected a string matching /\(regex.pattern)/, got \(describe(actual))" }
            return regex.matches(text) ? nil : "expected \(describe(actual)) to match /\(regex.pattern)/"
        case .compare(let comparison, let bound):
            switch (actual, bound) {
            case (.number(let lhs), .number(let rhs)):
                return comparison.holds(lhs, rhs)
                    ? nil : "expected a number \(comparison.symbol) \(describe(bound)), got \(describe(actual))"
            case (.string(let lhs), .string(let rhs)):
                return comparison.holds(lhs, rhs)
                    ? nil : "expected a string \(comparison.symbol) \(describe(bound)), got \(describe(actual))"
            default:
                return "expected a \(bound.typeName) \(comparison.symbol) \(describe(bound)), got \(describe(actual))"
            }
        case .length(let inner):
            let count: Int
            switch actual {
            case .string(let text): count = text.count
            case .array(let elements): count = elements.count
            case .object(let object): count = object.count
            default: return "expected something with a length, got \(describe(actual))"
            }
            guard let problem = try inner.mismatch(for: .value(.number(Double(count))), scope: scope) else { return nil }
            return "length: \(problem)"
        case .oneOf(let options):
            let values = try options.map { option throws(TemplateError) in try option.resolve(in: scope) }
            return values.contains(actual) ? nil : "expected one of \(describe(.array(values))), got \(describe(actual))"
        case .each(let inner):
            guard case .array(let elements) = actual else { return "expected an array for 'each', got \(describe(actual))" }
            for (index, element) in elements.enumerated() {
                if let problem = try inner.mismatch(for: .value(element), scope: scope) { return "[\(index)]: \(problem)" }
            }
            return nil
        case .jwt(let claims):
            guard case .string(var text) = actual else { return "expected a string holding a JWT, got \(actual.typeName)" }
            if text.lowercased().hasPrefix("bearer ") { text = String(text.dropFirst(7)) }
            guard let decoded = CompactJWT(text)?.claims else {
                return "expected a JWT (header.claims.signature), got a string that is not one"
            }
            return try ClaimMatcher.mismatch(claims, in: .object(decoded), scope: scope).map { "JWT claim \($0)" }
        case .schema(let matcher):
            let failures = matcher.schema.validate(actual)
            guard !failures.isEmpty else { return nil }
            let shown = failures.prefix(3).map(\.description) + (failures.count > 3 ? ["and \(failures.count - 3) more"] : [])
            return "does not match \(matcher.source): " + shown.joined(separator: "; ")
        case .exists, .not, .all:
            return try mismatch(for: .value(actual), scope: scope)
        }
    }

    /// `member 'a'`, `members 'a', 'b'`.
    static func members(_ names: [String]) -> String {
        "member\(names.count == 1 ? "" : "s") " + names.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// A short description of what the matcher wants, for messages.
    func summary(_ scope: TemplateScope) throws(TemplateError) -> String {
        switch self {
        case .equals(let value): try describe(value.resolve(in: scope))
        case .notEquals(let value): "anything but \(describe(try value.resolve(in: scope)))"
        case .exists(let expected): expected ? "a value" : "no value"
        case .type(let kind): "type \(kind.rawValue)"
        case .contains(let value): "something containing \(describe(try value.resolve(in: scope)))"
        case .matches(let regex): "a string matching /\(regex.pattern)/"
        case .compare(let comparison, let bound): "\(comparison.symbol) \(describe(bound))"
        case .length(let inner): "length \(try inner.summary(scope))"
        case .oneOf(let options):
            "one of \(describe(.array(try options.map { option throws(TemplateError) in try option.resolve(in: scope) })))"
        case .not(let inner): "not \(try inner.summary(scope))"
        case .each(let inner): "each element \(try inner.summary(scope))"
        case .has(let names): "an object with \(Self.members(names))"
        case .unordered(let value): "the elements of \(describe(try value.resolve(in: scope))) in any order"
        case .jwt(let claims): "a JWT with claims \(claims.map(\.claim).joined(separator: ", "))"
        case .schema(let matcher): "a value valid against \(matcher.source)"
        case .all(let matchers): try matchers.map { matcher throws(TemplateError) in try matcher.summary(scope) }.joined(separator: " and ")
        }
    }
}

extension ClaimMatcher {
    /// The first claim that does not hold, as `name: problem`; nil when all hold.
    static func mismatch(_ matchers: [ClaimMatcher], in claims: JSONValue, scope: TemplateScope) throws(TemplateError) -> String? {
        try problems(matchers, in: claims, scope: scope).first
    }

    /// Every claim that does not hold, as `name: problem`.
    static func problems(_ matchers: [ClaimMatcher], in claims: JSONValue, scope: TemplateScope) throws(TemplateError) -> [String] {
        var problems: [String] = []
        for expectation in matchers {
            if let problem = try expectation.matcher.mismatch(for: .value(claims[expectation.claim]), scope: scope) {
                let hint = claims[expectation.claim] == nil ? Self.versionHint(for: expectation.claim, in: claims) : ""
                problems.append("\(expectation.claim): \(problem)\(hint)")
            }
        }
        return problems
    }

    /// The claims that name the same thing in a v1.0 and a v2.0 access token (Entra's claims reference).
    static let versionedClaims = [("appid", "azp"), ("appidacr", "azpacr"), ("unique_name", "preferred_username")]

    /// For a claim the token lacks: the token's version, and the claim of the other version it has instead
    /// (`appid` on a v2.0 token → `azp`); Entra picks the version by the resource, not by the endpoint.
    static func versionHint(for claim: String, in claims: JSONValue) -> String {
        guard let version = claims["ver"]?.stringValue else { return "" }
        for (v1, v2) in versionedClaims {
            if claim == v1, claims[v2] != nil { return " (the token is v\(version), which names it \(v2); its resource chose v\(version))" }
            if claim == v2, claims[v1] != nil { return " (the token is v\(version), which names it \(v1); its resource chose v\(version))" }
        }
        return " (the token is v\(version))"
    }
}

/// A JSON value as it reads in a message, redacted and then cut to a readable length.
func describe(_ value: JSONValue?) -> String {
    guard let value else { return "nothing" }
    return (SecretStore.current?.redactor ?? Redactor()).truncate(value.serialized, to: 200)
}

extension JSONTemplate {
    /// The JSON value with every placeholder filled in.
    func resolve(in scope: TemplateScope) throws(TemplateError) -> JSONValue {
        switch self {
        case .value(let value): return value
        case .string(let template): return try scope.value(of: template)
        case .array(let elements):
            return .array(try elements.map { element throws(TemplateError) in try element.resolve(in: scope) })
        case .object(let members):
            var pairs: [(String, JSONValue)] = []
            pairs.reserveCapacity(members.count)
            for (key, member) in members { pairs.append((key, try member.resolve(in: scope))) }
            return .object(JSONObject(pairs))
        }
    }
}
