import AzspecCore
import Foundation
import Yams

/// `azspec.yaml`: settings shared by every spec in the folder that holds it and below — identities, the default
/// identity and the cloud. Found by walking up from each spec file's folder.
public struct ProjectFile: Sendable {
    /// The names a project file may have, the first preferred when a folder holds both.
    public static let fileNames = ["azspec.yaml", "azspec.yml"]
    static let keys = SpecFormat.project.keys

    public let path: String
    let identities: [IdentitySpec]
    /// The identity `identity: true` means; the built-in `environment` identity when unset.
    let defaultIdentity: String?
    let defaultIdentityLocation: SourceLocation?
    /// The cloud named or described in the file, if any.
    let cloud: CloudEndpoints?
    /// The retry policy of every test below it, unless a suite or test says otherwise.
    let retry: RetryPolicy?
    /// `apiVersion`, `apiVersions`, `headers`, `timeout` for every request below it.
    let requestDefaults: RequestDefaults
    /// `exclude:` globs, relative to the file's folder: spec files a folder search leaves out.
    var exclude: [Glob] = []
    /// `rateLimit:` for every request below it (ARM's buckets when unset).
    var rateLimit: RateLimitPolicy? = nil

    /// Whether `exclude:` leaves out the spec file at `path`.
    func excludes(_ path: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let folder = URL(fileURLWithPath: self.path).standardizedFileURL.deletingLastPathComponent().path + "/"
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        guard file.hasPrefix(folder) else { return false }
        return SpecDiscovery.matches(String(file.dropFirst(folder.count)), exclude)
    }

    /// Parses the project file at `path`; problems go to `diagnostics`.
    static func load(path: String, diagnostics: inout [Diagnostic]) -> ProjectFile? {
        let loaded = SpecLoader.compose(file: path, as: .projectFile)
        diagnostics += loaded.diagnostics
        guard let root = loaded.node else { return nil }
        var parser = SpecParser(reader: YAMLReader(file: path))
        defer { diagnostics += parser.reader.diagnostics.diagnostics }
        guard let mapping = parser.reader.mapping(root, "azspec.yaml") else { return nil }
        var identities: [IdentitySpec] = []
        var defaultIdentity: String?
        var defaultLocation: SourceLocation?
        var cloud: CloudEndpoints?
        var retry: RetryPolicy?
        var defaults = RequestDefaults()
        var exclude: [Glob] = []
        var rateLimit: RateLimitPolicy?
        for (key, _, value) in parser.reader.members(mapping, allowed: keys, in: "azspec.yaml") {
            switch key {
            case "identities": identities = parser.identities(value)
            case "defaultIdentity":
                defaultIdentity = parser.reader.string(value, "defaultIdentity")
                defaultLocation = parser.reader.location(of: value)
            case "cloud": cloud = parser.cloud(value)
            case "retry": retry = parser.retryPolicy(value, "")
            case "apiVersion": defaults.apiVersion = parser.apiVersion(value, "apiVersion")
            case "apiVersions":
                for pair in parser.reader.stringPairs(value, "apiVersions") ?? [] {
                    defaults.apiVersions[pair.key.lowercased()] = pair.value
                }
            case "headers": defaults.headers = parser.headerDefaults(value)
            case "rateLimit": rateLimit = parser.rateLimit(value)
            case "exclude": exclude = (parser.reader.strings(value, "exclude") ?? []).map { Glob($0, paths: true) }
            case "timeout":
                if let seconds = parser.reader.duration(value, "timeout", in: RequestTimeout.range) { defaults.timeout = seconds }
            default: break
            }
        }
        return ProjectFile(
            path: path, identities: identities, defaultIdentity: defaultIdentity, defaultIdentityLocation: defaultLocation,
            cloud: cloud, retry: retry, requestDefaults: defaults, exclude: exclude, rateLimit: rateLimit)
    }

    /// The nearest `azspec.yaml` at or above the folder of `specFile`, if any.
    static func locate(for specFile: String) -> String? {
        var folder = URL(fileURLWithPath: specFile).standardizedFileURL.deletingLastPathComponent()
        while true {
            for name in fileNames {
                let candidate = folder.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return relative(candidate) }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// `path` relative to the working directory when it lies below it, for short diagnostics.
    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

extension SpecParser {
    /// `cloud: AzureUSGovernment` or `cloud: { login: https://…, arm: https://…, audience: https://… }`.
    mutating func cloud(_ node: Node) -> CloudEndpoints? {
        if case .scalar(let scalar) = node {
            guard let known = KnownCloud.named(scalar.string) else {
                let names = KnownCloud.allCases.map(\.rawValue)
                reader.error(
                    "unknown cloud '\(scalar.string)'\(Suggestion.hint(for: scalar.string, in: names)); use one of \(names.joined(separator: ", ")) or { login: …, arm: … }",
                    at: node)
                return nil
            }
            return known.endpoints
        }
        guard let mapping = reader.mapping(node, "cloud") else { return nil }
        let members = reader.members(mapping, allowed: SpecFormat.customCloud.keys, in: "a custom cloud")
        reader.require(SpecFormat.customCloud.required, in: members, of: node, "a custom cloud")
        var login: String?
        var arm: String?
        var audience: String?
        var graph: String?
        for (key, _, value) in members {
            guard let text = reader.string(value, key) else { continue }
            guard text.hasPrefix("https://") || text.hasPrefix("http://") else {
                reader.error("\(key) must be a URL such as https://login.example.com", at: value)
                continue
            }
            switch key {
            case "login": login = text
            case "arm": arm = text
            case "graph": graph = text
            default: audience = text
            }
        }
        guard let login, let arm else { return nil }
        return CloudEndpoints(login: login, arm: arm, audience: audience, graph: graph)
    }
}
