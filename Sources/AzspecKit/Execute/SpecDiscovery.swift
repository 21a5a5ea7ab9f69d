public import AzspecCore
import Foundation

/// Finds spec files: files are taken as given, folders are searched recursively for regular files named `*.yaml` /
/// `*.yml` (a folder named `x.yaml` is not a spec; project files and hidden folders are skipped).
public enum SpecDiscovery {
    /// The spec files in sorted order within each folder, and a diagnostic for each path that does not exist.
    public static func files(in paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                diagnostics.append(
                    Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "no such file or folder: \(path)"))
                continue
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            if let enumerator = manager.enumerator(atPath: path) {
                for case let relative as String in enumerator {
                    let name = (relative as NSString).lastPathComponent
                    guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), !ProjectFile.fileNames.contains(name),
                        !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                        InputFile.isRegularFile(base + "/" + relative)
                    else { continue }
                    found.append(base + "/" + relative)
                }
            }
            if found.isEmpty {
                diagnostics.append(
                    Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "no *.yaml or *.yml spec files in \(path)"))
            }
            files += found.sorted()
        }
        var seen = Set<String>()
        return (files.filter { seen.insert($0).inserted }, diagnostics)
    }
}
