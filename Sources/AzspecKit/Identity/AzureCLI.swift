import AzspecCore
import Foundation

/// Runs `az account get-access-token --resource … --output json` (or a stand-in command) and reads its token.
struct AzureCLI: Sendable {
    let command: [String]
    let environment: [String: String]
    let identity: String
    /// Seconds the CLI may take (it may refresh its own token first); then it is stopped.
    let timeout: Double

    func token(resource: String, secrets: SecretStore) async throws(AcquisitionError) -> AccessToken {
        let arguments = command + ["--resource", resource, "--output", "json"]
        guard let executable = Self.find(arguments[0], in: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") else {
            throw AcquisitionError(identity: identity, message: "'\(arguments[0])' was not found on PATH: is the Azure CLI installed?")
        }
        let result: ChildProcess.Result
        do {
            result = try await ChildProcess.run(
                executable, arguments: Array(arguments.dropFirst()),
                environment: environment.merging(["AZURE_CORE_NO_COLOR": "true"]) { $1 }, timeout: timeout, outputLimit: 1 << 20)
        } catch {
            throw AcquisitionError(identity: identity, message: secrets.redactor.redact("\(arguments[0]): \(error)"))
        }
        guard result.status == 0 else {
            let text = String(decoding: result.error, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let first = text.split(separator: "\n").first.map(String.init) ?? "no message"
            throw AcquisitionError(
                identity: identity,
                message: secrets.redactor.redact("\(arguments.prefix(3).joined(separator: " ")) failed (exit \(result.status)): \(first)"))
        }
        guard let json = try? JSONValue(parsing: Array(result.output)), let token = json["accessToken"]?.stringValue else {
            throw AcquisitionError(identity: identity, message: "\(arguments[0]) printed no JSON with an accessToken")
        }
        secrets.add(token)
        let expiresOn: Date
        if let seconds = TokenAcquirer.number(json["expires_on"]) {
            expiresOn = Date(timeIntervalSince1970: seconds)
        } else if let local = json["expiresOn"]?.stringValue, let date = Self.localDate(local) {
            expiresOn = date
        } else {
            expiresOn = Date().addingTimeInterval(3000)
        }
        return AccessToken(value: token, expiresOn: expiresOn)
    }

    /// `expiresOn` is a naive local time, `2020-06-29 17:22:16.443545`, in CLIs before 2.54.
    static func localDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        for format in ["yyyy-MM-dd HH:mm:ss.SSSSSS", "yyyy-MM-dd HH:mm:ss"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    static func find(_ name: String, in path: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
