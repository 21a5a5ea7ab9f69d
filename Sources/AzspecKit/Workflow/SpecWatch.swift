import AzspecCore
import Foundation

/// What `run --watch` looks at: the YAML and JSON files under the given paths (spec files, project files, JSON
/// Schemas), by modification time and size, polled. A change to a spec file reruns that file; a change to a project
/// file (`azspec.yaml`) or any other file reruns them all.
public struct SpecWatch: Sendable {
    public let paths: [String]
    /// The most files watched; past it the rest are not looked at (and the watch says so once).
    public static let maximumFiles = 20_000

    public init(paths: [String]) {
        self.paths = paths
    }

    /// Modification time and size of each watched file.
    public typealias Snapshot = [String: [Double]]

    public func snapshot() -> Snapshot {
        var files: Snapshot = [:]
        let manager = FileManager.default
        func add(_ path: String) {
            guard files.count < Self.maximumFiles, let attributes = try? manager.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { return }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            files[path] = [modified, Double((attributes[.size] as? NSNumber)?.intValue ?? 0)]
        }
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            guard isFolder.boolValue else {
                add(path)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else { continue }
            while let relative = walker.nextObject() as? String, files.count < Self.maximumFiles {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || ["reports", "node_modules"].contains(name) {
                    walker.skipDescendants()
                    continue
                }
                guard [".yaml", ".yml", ".json"].contains(where: name.hasSuffix) else { continue }
                add(path == "." ? relative : (path as NSString).appendingPathComponent(relative))
            }
        }
        return files
    }

    /// The files that changed, appeared or went away between two snapshots.
    public static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    /// What to rerun for `changed`: those spec files alone, or every path when a project file, a JSON file or a
    /// removed file is among them.
    public func rerun(for changed: [String], in snapshot: Snapshot) -> [String] {
        let specs = changed.filter { path in
            let name = (path as NSString).lastPathComponent
            return snapshot[path] != nil && (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !ProjectFile.fileNames.contains(name)
        }
        return specs.count == changed.count ? specs : paths
    }
}
