import AzspecCore
import Foundation

/// `azspec run --dry-run`: every request the selected tests would send, as a `curl` command with its templates filled
/// in, and nothing sent. What only a real exchange gives stays a placeholder: a value an earlier test captures is
/// `{{name}}`, an identity's token is `<token of identity NAME>`. The lines go through the redacting sink like all
/// output, so a secret from the environment shows as `***`.
enum DryRun {
    static func lines(for plans: [SuitePlan], configuration: RunConfiguration) -> [String] {
        var lines: [String] = []
        for plan in plans {
            lines.append("# \(plan.suite.name)  (\(plan.suite.file))")
            var scope = TemplateScope(values: [:], environment: configuration.environment, cloud: plan.cloud, run: RunValues())
            for (name, template) in plan.suite.variables {
                scope.values[name] = (try? template.resolve(in: scope)) ?? .string("{{\(name)}}")
            }
            for test in plan.suite.tests {
                lines.append("")
                lines.append("# \(test.name)  (\(test.location))")
                lines += self.lines(for: test, in: plan, scope: scope, configuration: configuration)
                for capture in test.captures { scope.values[capture.name] = .string("{{\(capture.name)}}") }
            }
            lines.append("")
        }
        return lines
    }

    private static func lines(for test: TestSpec, in plan: SuitePlan, scope: TemplateScope, configuration: RunConfiguration) -> [String] {
        if let reason = test.skip { return ["# skipped: \(reason)"] }
        if let forEach = test.forEach {
            var single = test
            single.forEach = nil
            let list: String
            switch forEach.source {
            case .literal(let items): list = "\(items.count) listed items"
            case .reference(let template): list = template.source
            }
            return ["# repeated for each of \(list), as {{\(forEach.variable)}}; the first:"]
                + lines(for: single, in: plan, scope: scope, configuration: configuration)
        }
        let identity = plan.identity(for: test)
        if let check = test.permissions {
            let at = (try? scope.render(check.scope)) ?? check.scope.source
            return ["# a permission check at \(at): reads the identity's permissions, deny assignments and role assignments there"]
        }
        if let check = test.credentials {
            return ["# a credentials check of \(check.principal.source): reads its application and credentials in Microsoft Graph"]
        }
        if let check = test.entra {
            return [
                "# an entra check of \(check.principal.source): reads its permissions, directory roles and owners in Microsoft Graph"
            ]
        }
        guard let spec = test.request else {
            return ["# checks the token of identity '\(identity?.name ?? "?")' (nothing else is sent)"]
        }
        var request: PreparedRequest
        do {
            request = try HTTPRequestBuilder.prepare(
                spec, in: scope, defaultTimeout: configuration.defaultTimeout, defaults: plan.requestDefaults)
        } catch {
            return ["# cannot be built before the run: \(error)", "# \(spec.method) \(spec.url.source)"]
        }
        if let identity {
            let resource = test.resource ?? identity.resource
            let what = resource.map { "identity \(identity.name) for \($0)" } ?? "identity \(identity.name)"
            request.headers.append(("Authorization", "Bearer <token of \(what)>"))
        }
        return [curl(request)]
    }

    /// `curl -X METHOD 'url' -H 'Name: value' --data-binary 'body'`, each argument in single quotes.
    static func curl(_ request: PreparedRequest) -> String {
        var parts = ["curl -sS", request.method == "GET" ? nil : "-X \(request.method)", quote(request.url)].compactMap { $0 }
        for (name, value) in request.headers { parts.append("-H \(quote("\(name): \(value)"))") }
        if let body = request.body, !body.isEmpty { parts.append("--data-binary \(quote(String(decoding: body, as: UTF8.self)))") }
        return parts.joined(separator: " \\\n    ")
    }

    /// A single-quoted shell word (`'` written as `'\''`).
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
