import Foundation

extension SpecValidator {
    /// Checks what can be checked before sending: identity names, the variables, files and commands the used
    /// identities need, and that no test would send a token to a host its identity does not trust.
    func validateIdentities(of plan: SuitePlan, project: ProjectFile?) -> [Diagnostic] {
        var collector = DiagnosticCollector()
        if let project, let name = project.defaultIdentity, plan.identities[name] == nil, let location = project.defaultIdentityLocation {
            collector.error("defaultIdentity '\(name)' is not declared\(Suggestion.hint(for: name, in: plan.identities.keys))", at: location)
        }
        var used: [String: IdentitySpec] = [:]
        let choices = [(plan.suite.identity, plan.suite.location)] + plan.suite.tests.compactMap { test in test.identity.map { ($0, test.location) } }
        for (choice, _) in choices {
            if case .named(let name, let location) = choice, plan.identities[name] == nil {
                collector.error(
                    "no identity named '\(name)'\(Suggestion.hint(for: name, in: plan.identities.keys)); declare it under identities: in the suite or in azspec.yaml",
                    at: location)
            }
        }
        for test in plan.suite.tests {
            guard let identity = plan.identity(for: test) else { continue }
            used[identity.location.description + identity.name] = identity
            guard let request = test.request else { continue }
            if let header = request.headers.first(where: { $0.name.lowercased() == "authorization" }) {
                collector.error(
                    "the test sets Authorization itself but also uses identity '\(identity.name)'; drop one (identity: false turns the suite's off)",
                    at: header.value.location)
            }
            if let host = Self.staticHost(of: request.url, cloud: plan.cloud), !Self.accepts(host, identity: identity, cloud: plan.cloud) {
                collector.error(
                    "identity '\(identity.name)' sends its token only to \(Self.host(of: plan.cloud.arm) ?? plan.cloud.arm)\(identity.hosts.isEmpty ? "" : " and " + identity.hosts.joined(separator: ", ")); '\(host)' is neither (list it under the identity's hosts: to allow it)",
                    at: request.url.location)
            }
        }
        for identity in used.values.sorted(by: { $0.name < $1.name }) {
            check(identity, into: &collector)
        }
        return collector.diagnostics
    }

    private func check(_ identity: IdentitySpec, into collector: inout DiagnosticCollector) {
        let prefix = "identity '\(identity.name)'"
        for template in identity.templates {
            for reference in template.references where reference.head == "env" {
                if let name = reference.tail, environment[String(name)] == nil {
                    collector.error("\(prefix) needs environment variable \(name), which is not set", at: reference.location)
                }
            }
        }
        let scope = TemplateScope(values: [:], environment: environment, cloud: .azureCloud)
        switch identity.kind {
        case .clientCertificate(_, _, let certificate, let password, _):
            guard let path = try? scope.render(certificate) else { return }
            do {
                _ = try ClientCertificate(pemFile: path, password: password.flatMap { try? scope.render($0) })
            } catch {
                collector.error("\(prefix): \(error)", at: certificate.location)
            }
        case .workloadIdentity(_, _, let tokenFile, _):
            let path = tokenFile.flatMap { try? scope.render($0) } ?? environment["AZURE_FEDERATED_TOKEN_FILE"]
            if let path {
                let contents = FileManager.default.contents(atPath: path)
                if contents == nil {
                    collector.error("\(prefix): cannot read the federated token file \(path)", at: tokenFile?.location ?? identity.location)
                } else if let problem = Self.federatedTokenProblem(contents ?? Data(), path: path) {
                    collector.error("\(prefix): \(problem)", at: tokenFile?.location ?? identity.location)
                }
            } else if environment["ACTIONS_ID_TOKEN_REQUEST_URL"] == nil {
                collector.error(
                    "\(prefix) has no federated token: set tokenFile or AZURE_FEDERATED_TOKEN_FILE, or run in GitHub Actions with `permissions: id-token: write`",
                    at: identity.location)
            }
        case .azureCli(let command):
            if let executable = command.first, AzureCLI.find(executable, in: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") == nil {
                collector.error("\(prefix): '\(executable)' was not found on PATH: is the Azure CLI installed?", at: identity.location)
            }
        case .token(let variable):
            if environment[variable]?.isEmpty != false {
                collector.error("\(prefix) reads its token from \(variable), which is not set", at: identity.location)
            }
        case .environment:
            if EnvironmentCredential.identity(in: environment, name: identity.name, location: identity.location) == nil {
                collector.error(
                    "\(prefix): the environment names no credential; set AZURE_TENANT_ID and AZURE_CLIENT_ID with one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE (or name another identity)",
                    at: identity.location)
            }
        case .clientSecret, .managedIdentity:
            break
        }
    }

    /// Why a federated token file cannot be presented (empty, not a JWT, expired), or nil when it can.
    static func federatedTokenProblem(_ contents: Data, path: String) -> String? {
        let token = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { return "the federated token file \(path) is empty" }
        return federatedTokenProblem(token, from: "the federated token in \(path)")
    }

    /// Why a federated token (`from` says where it came from) cannot be presented: it is not a JWT or it expired.
    static func federatedTokenProblem(_ token: String, from source: String) -> String? {
        guard let claims = JWT.decode(token)?.claims else { return "\(source) is not a JWT" }
        if let exp = claims["exp"]?.numberValue, exp <= Date().timeIntervalSince1970 {
            let when = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: exp))
            return "\(source) expired at \(when)"
        }
        return nil
    }

    /// The host a URL template will have when it can be told before running: a literal URL, or one that starts
    /// with `{{cloud.arm}}` / `{{cloud.login}}`.
    static func staticHost(of url: Template, cloud: CloudEndpoints) -> String? {
        var prefix = ""
        for part in url.parts {
            switch part {
            case .literal(let text): prefix += text
            case .placeholder(let reference) where reference.name == "cloud.arm": prefix += cloud.arm
            case .placeholder(let reference) where reference.name == "cloud.login": prefix += cloud.login
            case .placeholder: return prefix.contains("://") ? host(of: prefix) : nil
            }
            if let slash = prefix.range(of: "://").flatMap({ prefix[$0.upperBound...].firstIndex(of: "/") }) {
                return host(of: String(prefix[..<slash]))
            }
        }
        return host(of: prefix)
    }

    /// `host[:port]`, lower-cased, of a URL.
    static func host(of url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased(), !host.isEmpty else { return nil }
        return components.port.map { "\(host):\($0)" } ?? host
    }

    /// Whether `host` (host[:port]) may receive the identity's token: the cloud's Resource Manager host or a listed one.
    static func accepts(_ host: String, identity: IdentitySpec, cloud: CloudEndpoints) -> Bool {
        let lowered = host.lowercased()
        if lowered == Self.host(of: cloud.arm) { return true }
        let bare = lowered.split(separator: ":").first.map(String.init) ?? lowered
        return identity.hosts.contains { $0 == lowered || $0 == bare }
    }
}
