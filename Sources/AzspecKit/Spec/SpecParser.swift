import AzspecCore
import Foundation
import Yams

/// Builds the spec model from a YAML tree.
struct SpecParser {
    var reader: YAMLReader

    mutating func suite(_ root: Node) -> SuiteSpec? {
        guard let mapping = reader.mapping(root, "a spec file") else { return nil }
        let members = reader.members(mapping, allowed: SpecFormat.suite.keys, in: "the suite")
        reader.require(SpecFormat.suite.required, in: members, of: root, "a spec file")
        var name = ""
        var variables: [(String, JSONTemplate)] = []
        var identities: [IdentitySpec] = []
        var identity = IdentityChoice.none
        var tests: [TestSpec] = []
        var retry: RetryPolicy?
        var tags: [String] = []
        for (key, _, value) in members {
            switch key {
            case "name": name = reader.string(value, "name") ?? ""
            case "tags": tags = self.tags(value)
            case "description": _ = reader.string(value, "description")
            case "vars": variables = self.variables(value)
            case "identities": identities = self.identities(value)
            case "identity": identity = identityChoice(value) ?? .none
            case "tests": tests = self.tests(value)
            case "retry": retry = retryPolicy(value, "the suite's ")
            default: break
            }
        }
        for test in tests where test.request == nil && (test.identity ?? identity) == IdentityChoice.none {
            let what =
                test.permissions != nil
                ? "checks permissions" : test.credentials != nil || test.entra != nil ? "reads Microsoft Graph" : "checks only a token"
            reader.diagnostics.error("a test that \(what) needs an identity (its own or the suite's)", at: test.location)
        }
        var suite = SuiteSpec(
            name: name, file: reader.file, location: reader.location(of: root), variables: variables, identities: identities,
            identity: identity, tests: tests)
        suite.retry = retry
        suite.tags = tags
        return suite
    }

    private mutating func variables(_ node: Node) -> [(String, JSONTemplate)] {
        guard let mapping = reader.mapping(node, "vars") else { return [] }
        var result: [(String, JSONTemplate)] = []
        for (key, keyNode, value) in reader.members(mapping, allowed: [], in: "vars") {
            guard Self.isIdentifier(key) else {
                reader.error("variable name '\(key)' must be letters, digits and _ (starting with a letter or _)", at: keyNode)
                continue
            }
            if TemplateScope.reservedNames.contains(key) {
                let what = ["env": "environment", "cloud": "cloud", "run": "run's generated values"][key] ?? key
                reader.error("'\(key)' is reserved: {{\(key).…}} names the \(what)", at: keyNode)
                continue
            }
            if case .scalar = value {
                if let template = reader.template(value, "variable '\(key)'") { result.append((key, .string(template))) }
            } else {
                result.append((key, reader.jsonTemplate(value)))
            }
        }
        return result
    }

    private mutating func tests(_ node: Node) -> [TestSpec] {
        guard let items = reader.sequence(node, "tests") else { return [] }
        if items.isEmpty { reader.error("tests must list at least one test", at: node) }
        var seen: [String: SourceLocation] = [:]
        var result: [TestSpec] = []
        for item in items {
            guard let test = test(item) else { continue }
            if let first = seen[test.name] {
                reader.error("another test is already named '\(test.name)' (line \(first.line)): names must be unique in a suite", at: item)
            }
            seen[test.name] = test.location
            result.append(test)
        }
        return result
    }

    private mutating func test(_ node: Node) -> TestSpec? {
        guard let mapping = reader.mapping(node, "a test") else { return nil }
        let members = reader.members(mapping, allowed: SpecFormat.test.keys, in: "a test")
        reader.require(SpecFormat.test.required, in: members, of: node, "a test")
        var name: String?
        var request: RequestSpec?
        var identity: IdentityChoice?
        var expect = ExpectSpec()
        var captures: [CaptureSpec] = []
        var skip: String?
        var permissions: PermissionCheckSpec?
        var credentials: CredentialCheckSpec?
        var entra: EntraCheckSpec?
        var forEach: ForEachSpec?
        var retry: RetryPolicy?
        var always = false
        var resource: String?
        var tags: [String] = []
        for (key, _, value) in members {
            switch key {
            case "name": name = reader.string(value, "a test's name")
            case "tags": tags = self.tags(value)
            case "always": always = reader.bool(value, "always") ?? false
            case "resource": resource = self.resource(value)
            case "description": _ = reader.string(value, "description")
            case "request": request = self.request(value)
            case "permissions": permissions = self.permissions(value)
            case "credentials": credentials = self.credentials(value)
            case "entra": entra = self.entra(value)
            case "forEach": forEach = self.forEach(value)
            case "retry": retry = retryPolicy(value, "a test's ")
            case "identity": identity = identityChoice(value)
            case "expect": expect = self.expect(value)
            case "capture": captures = self.captures(value)
            case "skip":
                if case .scalar(let scalar) = value, case .string(let reason) = scalar.resolvedJSON {
                    skip = reason
                } else if let flag = reader.bool(value, "skip") {
                    skip = flag ? "skipped in the spec" : nil
                }
            default: break
            }
        }
        let keys = Set(members.map(\.key))
        if let check = ["credentials", "entra"].first(where: keys.contains) {
            for other in ["request", "permissions", "capture", "resource", "credentials", "entra"]
            where keys.contains(other) && other != check {
                reader.error(
                    "\(check == "entra" ? "an entra" : "a credentials") check sends its own reads to Microsoft Graph; remove '\(other)'",
                    at: node)
            }
        } else if keys.contains("permissions") {
            if keys.contains("request") {
                reader.error("a test has either 'request' or 'permissions', not both: a permission check sends its own reads", at: node)
            }
            if keys.contains("capture") { reader.error("a permission check captures nothing; remove 'capture'", at: node) }
            if keys.contains("resource") {
                reader.error("a permission check reads Resource Manager with a Resource Manager token; remove 'resource'", at: node)
            }
            if expect.status != nil || !expect.json.isEmpty || !expect.headers.isEmpty || expect.body != nil || expect.denied != nil {
                reader.error("a permission check's 'expect' may only hold 'token'; the check itself says what must hold", at: node)
            }
        } else if !keys.contains("request"), expect.token.isEmpty {
            reader.error(
                "a test needs 'request' or 'permissions' (or, to check only an identity's token, 'identity' and 'expect.token')",
                at: node)
        }
        if let initial = expect.initialStatus, request?.poll == nil {
            reader.diagnostics.error(
                "initialStatus checks the first response of a polled request: add 'poll: true' to the request", at: initial.location)
        }
        if let denied = expect.denied, let status = expect.status {
            reader.diagnostics.error(
                "'denied: true' already expects 403; remove 'status' (line \(status.location.line)) or 'denied'", at: denied)
        }
        guard let name, request != nil || permissions != nil || credentials != nil || entra != nil || !expect.token.isEmpty else {
            return nil
        }
        var test = TestSpec(
            name: name, location: reader.location(of: node), request: request, identity: identity, expect: expect,
            captures: captures, skip: skip)
        test.permissions = permissions
        test.credentials = credentials
        test.entra = entra
        test.forEach = forEach
        test.retry = retry
        test.always = always
        test.resource = resource
        test.tags = tags
        return test
    }

    /// `tags: [smoke, rbac]`: names made of letters, digits, `_`, `-` and `.`, not `and`, `or` or `not` (the words of
    /// `--tag` expressions).
    private mutating func tags(_ node: Node) -> [String] {
        if case .scalar = node, !node.isNull {
            reader.error("tags must be a list, such as tags: [smoke] or tags: [smoke, rbac]", at: node)
            return []
        }
        guard let items = reader.sequence(node, "tags", allowingNull: true) else { return [] }
        var tags: [String] = []
        for item in items {
            guard let tag = reader.string(item, "a tag") else { continue }
            if let problem = TagExpression.nameProblem(tag) {
                reader.error(problem, at: item)
            } else if !tags.contains(tag) {
                tags.append(tag)
            }
        }
        return tags
    }

    /// Where keys belong, for a key written at the wrong level.
    static let homes: [String: String] = {
        var homes: [String: String] = [:]
        for key in ["method", "url", "query", "form", "body", "paginate", "poll", "timeout"] { homes[key] = "'request'" }
        for key in ["status", "json", "denied", "token", "initialStatus"] { homes[key] = "'expect'" }
        homes["headers"] = "'request' (to send) or 'expect' (to check)"
        for key in ["request", "expect", "capture", "always", "permissions", "skip", "resource"] {
            homes[key] = "a test (an item of 'tests')"
        }
        for key in ["vars", "tests"] { homes[key] = "the top of the spec file" }
        return homes
    }()

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic && first.isASCII) else {
            return false
        }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || $0 == "-" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
    }
}
