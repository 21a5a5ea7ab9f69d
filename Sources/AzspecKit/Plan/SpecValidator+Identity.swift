import AzspecCore
import Foundation

extension SpecValidator {
    /// Checks what can be checked before sending: identity names, the variables, files and commands the used
    /// identities need, and that no test would send a token to a host its identity does not trust.
    func validateIdentities(of plan: SuitePlan, project: ProjectFile?) -> [Diagnostic] {
        var collector = DiagnosticCollector()
        if let project, let name = project.defaultIdentity, plan.identities[name] == nil, let location = project.defaultIdentityLocation {
            collector.error(
                "defaultIdentity '\(name)' is not declared\(Suggestion.hint(for: name, in: plan.identities.keys))", at: location)
        }
        var used: [String: IdentitySpec] = [:]
        let choices =
            [(plan.suite.identity, plan.suite.location)] + plan.suite.tests.compactMap { test in test.identity.map { ($0, test.location) } }
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
            let cloud = plan.cloud(for: test, identity: identity)
            if let origin = Self.staticOrigin(of: request.url, cloud: plan.cloud),
                let problem = TokenRouting.problem(sending: origin, identity: identity, cloud: cloud)
            {
                collector.error(problem, at: request.url.location)
            }
        }
        for identity in used.values.sorted(by: { $0.name < $1.name }) {
            check(identity, into: &collector)
        }
        return collector.diagnostics
    }

    /// Under `--emulator`: a request whose URL names a host that is not loopback (where the emulator is) is an error,
    /// so that nothing is sent to the internet; URLs that only a capture completes are checked before sending.
    func offlineProblems(of plan: SuitePlan) -> [Diagnostic] {
        var collector = DiagnosticCollector()
        let scope = TemplateScope(values: [:], environment: environment, cloud: plan.cloud)
        for test in plan.suite.tests {
            guard let url = test.request?.url, let origin = Self.staticOrigin(of: url, cloud: plan.cloud, scope: scope),
                let parsed = Origin(url: origin), !parsed.isLoopback
            else { continue }
            collector.error(
                "under --emulator nothing leaves this machine: \(parsed) is not the emulator or loopback "
                    + "(use {{cloud.arm}}, {{cloud.login}} or {{cloud.graph}}, which point at the emulator)",
                at: url.location)
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
                do throws(FederatedTokenError) {
                    _ = try FederatedToken.read(file: path)
                } catch {
                    collector.error("\(prefix): \(error)", at: tokenFile?.location ?? identity.location)
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
            if let resolved = EnvironmentCredential.identity(in: environment, name: identity.name, location: identity.location) {
                // The files the environment names are checked like those of a declared identity.
                check(resolved, into: &collector)
            } else {
                collector.error(
                    "\(prefix): the environment names no credential; set AZURE_TENANT_ID and AZURE_CLIENT_ID with one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE (or name another identity)",
                    at: identity.location)
            }
        case .clientSecret, .managedIdentity:
            break
        }
    }

    /// `scheme://authority` of a URL template when it can be told before running: a literal URL, a path on
    /// Resource Manager, or one that starts with `{{cloud.arm}}` / `{{cloud.login}}` followed by a `/`. Nil when a
    /// placeholder could still change the scheme, host or port (`{{cloud.arm}}{{captured}}`): checked before sending.
    /// With `scope` (a suite's variables, the environment and the cloud, before any capture), placeholders it resolves
    /// count as written too: only what a server sent is left unknown.
    static func staticOrigin(of url: Template, cloud: CloudEndpoints, scope: TemplateScope? = nil) -> String? {
        var prefix = ""
        for (index, part) in url.parts.enumerated() {
            switch part {
            case .literal(let text):
                if index == 0, text.hasPrefix("/") { return cloud.arm }
                prefix += text
            case .placeholder(let reference) where reference.name == "cloud.arm": prefix += cloud.arm
            case .placeholder(let reference) where reference.name == "cloud.login": prefix += cloud.login
            case .placeholder(let reference) where reference.name == "cloud.graph": prefix += cloud.graph
            case .placeholder(let reference):
                guard let scope, let value = try? scope.resolve(reference).templateText else { return nil }
                if index == 0, value.hasPrefix("/") { return cloud.arm }
                prefix += value
            }
            if let slash = prefix.range(of: "://").flatMap({ prefix[$0.upperBound...].firstIndex(where: { "/?#".contains($0) }) }) {
                return String(prefix[..<slash])
            }
        }
        return prefix
    }
}
