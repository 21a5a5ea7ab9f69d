import AzspecCore
import Foundation

/// `credentials:`: a principal's client secrets and certificates (its application's `passwordCredentials` and
/// `keyCredentials`) and federated credentials, read from Microsoft Graph by the test's identity, held to
/// `noSecrets`, `minDaysLeft`, `maxDaysValid` and `federatedSubjects`. A secret's value is never read (Graph gives
/// only a hint, which azspec does not show either).
extension TestExecution {
    func checkCredentials(_ spec: CredentialCheckSpec, in scope: TemplateScope, now: Date = Date()) async -> CaseReport {
        func problem(_ problem: PrincipalProblem) -> CaseReport {
            let message = problem.invalidSpec ? "\(spec.location): \(problem.message)" : problem.message
            return errored(message, type: problem.invalidSpec ? "InvalidSpec" : "CredentialCheckError", details: message)
        }
        let subjects: [String]?
        do {
            subjects = try spec.federatedSubjects?.map { template throws(TemplateError) in try scope.render(template) }
        } catch {
            return errored("\(error.reference.location): \(error)", type: "InvalidSpec", details: "\(error)")
        }
        let graph: GraphReader
        let object: GraphReader.Object
        switch await graphPrincipal(spec.principal, in: scope, at: spec.location, errorType: "CredentialCheckError") {
        case .failure(let end): return end.report
        case .success(let found): (graph, object) = found
        }
        var lines = ["credentials of \(object.description) (\(object.id)):"]
        var problems: [String] = []
        var application: JSONValue?
        if let appId = object.appId {
            switch await graph.application(appId: appId) {
            case .failure(let failure): return problem(PrincipalProblem(message: failure.message))
            case .success(let found): application = found
            }
        }
        guard let application else {
            lines.append("  no application (a managed identity, or not a service principal): no secret or certificate to hold")
            if let subjects, !subjects.isEmpty {
                problems.append("federatedSubjects: \(object.description) has no application, so no federated credential")
            }
            return finish(problems: problems, summary: lines.joined(separator: "\n"), failingLine: problems.isEmpty ? nil : spec.location)
        }
        let secrets = application["passwordCredentials"]?.arrayValue ?? []
        let certificates = application["keyCredentials"]?.arrayValue ?? []
        if spec.noSecrets, !secrets.isEmpty {
            problems.append("noSecrets: \(object.description) has \(Plural.count(secrets.count, "client secret"))")
        }
        for (kind, items) in [("secret", secrets), ("certificate", certificates)] {
            for (index, item) in items.enumerated() {
                // The display name a person gave it, never its hint.
                let name = "\(kind) '\(item["displayName"]?.stringValue ?? String(index + 1))'"
                guard let end = item["endDateTime"]?.stringValue.flatMap(Self.graphDate) else {
                    lines.append("  \(name): no end date")
                    continue
                }
                let daysLeft = Int((end.timeIntervalSince(now) / 86_400).rounded(.down))
                lines.append(
                    "  \(name): ends \(ISO8601DateFormatter().string(from: end)) (\(daysLeft < 0 ? "expired" : "\(daysLeft) days left"))")
                if let minimum = spec.minDaysLeft, daysLeft < minimum {
                    problems.append(
                        daysLeft < 0
                            ? "minDaysLeft: \(name) of \(object.description) has expired"
                            : "minDaysLeft: \(name) of \(object.description) ends in \(daysLeft) days, fewer than \(minimum)")
                }
                if let maximum = spec.maxDaysValid, let start = item["startDateTime"]?.stringValue.flatMap(Self.graphDate) {
                    let days = Int((end.timeIntervalSince(start) / 86_400).rounded(.down))
                    if days > maximum {
                        problems.append("maxDaysValid: \(name) of \(object.description) is valid for \(days) days, more than \(maximum)")
                    }
                }
            }
        }
        if let subjects, let id = application["id"]?.stringValue {
            switch await graph.federatedSubjects(application: id) {
            case .failure(let failure): return problem(PrincipalProblem(message: failure.message))
            case .success(let found):
                lines += found.map { "  federated subject: \($0)" }
                let missing = subjects.filter { !found.contains($0) }
                let extra = found.filter { !subjects.contains($0) }
                problems += missing.map { "federatedSubjects: \($0) is not a federated credential of \(object.description)" }
                problems += extra.map { "federatedSubjects: \(object.description) also trusts \($0)" }
            }
        }
        return finish(problems: problems, summary: lines.joined(separator: "\n"), failingLine: problems.isEmpty ? nil : spec.location)
    }

    /// Graph's date-times, with or without fractional seconds.
    static func graphDate(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
