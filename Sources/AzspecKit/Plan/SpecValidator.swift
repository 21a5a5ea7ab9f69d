public import AzspecCore
import Foundation

/// Checks what only the run's context can tell: that every placeholder names something defined before it
/// is used (a variable, a capture of an earlier test, a set environment variable, the cloud).
public struct SpecValidator: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public func validate(_ suite: SuiteSpec) -> [Diagnostic] {
        var collector = DiagnosticCollector()
        var known = Set<String>()
        for (name, template) in suite.variables {
            check(template.references, known: known, later: [:], into: &collector)
            known.insert(name)
        }
        // Which test captures each name, so that using a later capture gets a precise message.
        var capturedBy: [String: (test: String, index: Int)] = [:]
        for (index, test) in suite.tests.enumerated() {
            for capture in test.captures where capturedBy[capture.name] == nil {
                capturedBy[capture.name] = (test.name, index)
            }
        }
        for (index, test) in suite.tests.enumerated() {
            let later = capturedBy.filter { $0.value.index >= index }.mapValues(\.test)
            // A repeated test's item is known inside it.
            check(test.references, known: known.union([test.forEach?.variable].compactMap { $0 }), later: later, into: &collector)
            for capture in test.captures {
                if suite.variables.contains(where: { $0.name == capture.name }) {
                    collector.warning("capture '\(capture.name)' replaces the suite variable of the same name", at: capture.location)
                }
                known.insert(capture.name)
            }
            if let url = test.request?.url, url.references.isEmpty, let host = URL(string: url.source)?.host,
                url.source.hasPrefix("http://"), !Origin.isLoopback(host)
            {
                collector.warning("plain http:// to '\(host)' sends the request unencrypted; use https://", at: url.location)
            }
        }
        return collector.diagnostics
    }

    private func check(
        _ references: [Reference], known: Set<String>, later: [String: String], into collector: inout DiagnosticCollector
    ) {
        for reference in references {
            let head = String(reference.head)
            switch head {
            case "env":
                guard let name = reference.tail else {
                    collector.error("write env.NAME, e.g. {{env.AZURE_TENANT_ID}}", at: reference.location)
                    continue
                }
                if environment[String(name)] == nil {
                    let near = Suggestion.closest(to: String(name), in: environment.keys.sorted())
                    let hint = near.map { " (is \($0) meant? it is set)" } ?? ""
                    collector.error("environment variable \(name) is not set\(hint)", at: reference.location)
                }
            case "cloud":
                if !["login", "arm", "graph"].contains(reference.tail ?? "") {
                    collector.error(
                        "unknown cloud endpoint '\(reference.name)': use cloud.login, cloud.arm or cloud.graph", at: reference.location)
                }
            case "run":
                if !RunValues.names.contains(String(reference.tail ?? "")) {
                    collector.error(
                        "unknown run value '\(reference.name)': use run.id, run.hex or run.started"
                            + Suggestion.hint(for: String(reference.tail ?? ""), in: RunValues.names), at: reference.location)
                }
            default:
                if known.contains(head) { continue }
                if let test = later[head] {
                    collector.error("'\(head)' is captured by '\(test)', which runs later", at: reference.location)
                } else {
                    let candidates = known.union(TemplateScope.reservedNames)
                    var hint = Suggestion.hint(for: head, in: candidates)
                    if hint.isEmpty {
                        let names = known.sorted()
                        hint =
                            names.isEmpty
                            ? "; no variable is defined here (declare it under vars:, or capture it in an earlier test)"
                            : "; defined here: \(names.prefix(12).joined(separator: ", "))\(names.count > 12 ? ", …" : "")"
                    }
                    collector.error("undefined variable '\(head)'\(hint)", at: reference.location)
                }
            }
        }
    }
}

extension TestSpec {
    /// Every placeholder the test uses, in its request and in its expectations.
    var references: [Reference] {
        var result: [Reference] = []
        if let request {
            let templates = [request.url] + request.query.map(\.value) + request.headers.map(\.value)
            result += templates.flatMap(\.references)
        }
        if let permissions { result += permissions.templates.flatMap(\.references) }
        if let credentials { result += credentials.templates.flatMap(\.references) }
        if let entra { result += entra.templates.flatMap(\.references) }
        if let forEach { result += forEach.templates.flatMap(\.references) }
        switch request?.body {
        case .form(let fields): result += fields.flatMap(\.value.references)
        case .json(let json): result += json.references
        case .raw(let template): result += template.references
        case nil: break
        }
        let matchers = expect.json.map(\.matcher) + expect.headers.map(\.matcher) + expect.token.map(\.matcher)
        for matcher in matchers + [expect.body].compactMap({ $0 }) {
            result += matcher.references
        }
        return result
    }

    /// Names of variables or captures the test uses (not env or cloud).
    var usedNames: Set<String> {
        Set(references.map { String($0.head) }.filter { !TemplateScope.reservedNames.contains($0) })
    }
}

extension JSONTemplate {
    var references: [Reference] {
        switch self {
        case .value: []
        case .string(let template): template.references
        case .array(let elements): elements.flatMap(\.references)
        case .object(let members): members.flatMap(\.1.references)
        }
    }
}

extension Matcher {
    /// Whether the matcher is `each`, alone or among others.
    var usesEach: Bool {
        switch self {
        case .each: true
        case .all(let matchers): matchers.contains(where: \.usesEach)
        default: false
        }
    }

    var references: [Reference] {
        switch self {
        case .equals(let value), .notEquals(let value), .contains(let value), .unordered(let value): value.references
        case .oneOf(let values): values.flatMap(\.references)
        case .length(let inner), .not(let inner), .each(let inner): inner.references
        case .all(let matchers): matchers.flatMap(\.references)
        case .jwt(let claims): claims.flatMap(\.matcher.references)
        case .exists, .type, .matches, .compare, .has, .schema: []
        }
    }
}

extension SpecValidator {
    /// A warning for `$.value[*].location: { each: … }`: the path selects only the elements that have the member, so
    /// an element without it passes unseen. `$.value: { each: { has: location } }` says what was meant.
    func eachWarnings(_ suite: SuiteSpec) -> [Diagnostic] {
        var collector = DiagnosticCollector()
        for test in suite.tests {
            // Only `each` needs a look at the path, and a plain search does it (no regular expression at load).
            for expectation in test.expect.json where expectation.matcher.usesEach {
                let text = "\(expectation.path)"
                guard let star = text.range(of: "[*].", options: .backwards) else { continue }
                let member = String(text[star.upperBound...])
                guard SpecParser.isIdentifier(member), !member.contains("-") else { continue }
                let array = String(text[..<star.lowerBound])
                collector.warning(
                    "'\(text): { each: … }' checks only the elements that have '\(member)': one without it passes; "
                        + "to require it too, add '\(array): { each: { has: \(member) } }'", at: expectation.location)
            }
        }
        return collector.diagnostics
    }

    /// A warning for each Resource Manager request (a URL starting with `{{cloud.arm}}` or `/`) that names no
    /// `api-version` when azspec.yaml gives none either: ARM would answer 400 MissingApiVersionParameter. A test that
    /// expects that very answer is left alone: leaving the version out is its point.
    func apiVersionWarnings(_ plan: SuitePlan) -> [Diagnostic] {
        var collector = DiagnosticCollector()
        for test in plan.suite.tests {
            guard let request = test.request, !test.expect.expectsErrorCode("MissingApiVersionParameter") else { continue }
            let source = request.url.source
            guard source.hasPrefix("{{cloud.arm}}") || source.hasPrefix("{{ cloud.arm }}") || source.hasPrefix("/") else { continue }
            if request.query.contains(where: { $0.name.equalsIgnoringASCIICase("api-version") })
                || source.containsIgnoringASCIICase("api-version=")
            {
                continue
            }
            let path = source.drop { $0 != "/" }
            if plan.requestDefaults.apiVersion(forPath: String(path)) != nil { continue }
            let segments = path.split(separator: "/")
            let provider = segments.lastIndex { $0.lowercased() == "providers" }.flatMap { index in
                index + 1 < segments.count && !segments[index + 1].contains("{") ? String(segments[index + 1]) : nil
            }
            let covers = provider.map { "apiVersions: { \($0): … }" } ?? "apiVersions: { Microsoft.Resources: … }"
            collector.warning(
                "this Resource Manager request names no api-version (ARM answers 400 MissingApiVersionParameter): add "
                    + "query: { api-version: \"2021-04-01\" }, or apiVersion: or \(covers) in azspec.yaml", at: request.url.location)
        }
        return collector.diagnostics
    }
}
