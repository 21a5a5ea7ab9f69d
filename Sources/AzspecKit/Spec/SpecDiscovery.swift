public import AzspecCore
import Foundation

/// Finds spec files: files are taken as given, folders are searched recursively for regular files named `*.yaml` /
/// `*.yml` (a folder named `x.yaml` is not a spec; project files and hidden folders are skipped). `--exclude` globs
/// and the files that are never specs (the emulator's configuration) are left out of folder searches and lists alike.
public enum SpecDiscovery {
    /// What to leave out.
    public struct Options: Sendable {
        /// `--exclude` globs, matched against spec paths as azspec names them (`specs/wip/**`); a glob without `/`
        /// matches a file name in any folder.
        public var exclude: [Glob]
        /// Files that are never specs, whatever their name (`--emulator-config`).
        public var notSpecs: [String]

        public init(exclude: [String] = [], notSpecs: [String] = []) {
            self.exclude = exclude.map { Glob($0, paths: true) }
            self.notSpecs = notSpecs
        }
    }

    /// A spec file found, and whether it came from searching a folder (rather than being named).
    public struct Found: Sendable, Equatable {
        public let path: String
        public let searched: Bool
    }

    /// The spec files in sorted order within each folder, and a diagnostic for each path that does not exist.
    public static func files(in paths: [String], options: Options = Options()) -> (files: [Found], diagnostics: [Diagnostic]) {
        var files: [Found] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        let never = Set(options.notSpecs.map(canonical))
        func kept(_ path: String) -> Bool {
            !never.contains(canonical(path)) && !matches(normalized(path), options.exclude)
        }
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                let problem = InputFile.absence(of: path) ?? "no such file or folder"
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "\(problem): \(path)"))
                continue
            }
            guard isFolder.boolValue else {
                if kept(path) { files.append(Found(path: path, searched: false)) }
                continue
            }
            var found: [String] = []
            var any = false
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            if let enumerator = manager.enumerator(atPath: path) {
                for case let relative as String in enumerator {
                    let name = (relative as NSString).lastPathComponent
                    guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), !ProjectFile.fileNames.contains(name),
                        !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                        InputFile.isRegularFile(base + "/" + relative)
                    else { continue }
                    any = true
                    if kept(base + "/" + relative) { found.append(base + "/" + relative) }
                }
            }
            if !any {
                diagnostics.append(
                    Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "no *.yaml or *.yml spec files in \(path)"))
            }
            files += found.sorted().map { Found(path: $0, searched: true) }
        }
        var seen = Set<String>()
        return (files.filter { seen.insert($0.path).inserted }, diagnostics)
    }

    /// Whether a relative path matches one of `globs` (a glob without `/` is tried on the file name alone).
    static func matches(_ path: String, _ globs: [Glob]) -> Bool {
        let name = (path as NSString).lastPathComponent
        return globs.contains { glob in glob.matches(path) || (!glob.pattern.contains("/") && glob.matches(name)) }
    }

    /// `./specs/a.yaml` → `specs/a.yaml`.
    private static func normalized(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
