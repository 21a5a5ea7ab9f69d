import AzspecCore
import Foundation
import JSONSchema

/// `schema:`: a JSON Schema (draft 2020-12), written inline or in a file next to the spec, loaded and checked once
/// when the spec loads. Its `$ref`s reach only files in the folder of the schema that names them (and below it);
/// nothing is fetched over the network.
struct SchemaMatcher: Sendable {
    let schema: JSONSchema
    /// `schemas/resource-group.json`, or `the inline schema`.
    let source: String

    /// The most bytes a schema file may hold.
    static let fileKind = InputFile.Kind(name: "JSON Schema file", limit: 4 << 20)

    /// The schema in `path` (relative to `folder`, the spec's). A file many specs name is read and loaded once while
    /// it stays the same (by modification time and size), so that `run --watch` sees it change.
    static func file(_ path: String, folder: URL) throws -> SchemaMatcher {
        let url = URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let stamp = "\(url.path)|\(modified)|\((attributes?[.size] as? NSNumber)?.intValue ?? -1)"
        if let schema = loaded.withLock({ $0[stamp] }) { return SchemaMatcher(schema: schema, source: path) }
        let document = try read(url)
        let schema = try JSONSchema(document, uri: url.absoluteString, load: loader(within: url.deletingLastPathComponent()))
        loaded.withLock { loaded in
            if loaded.count >= 1_000 { loaded.removeAll() }
            loaded[stamp] = schema
        }
        return SchemaMatcher(schema: schema, source: path)
    }

    /// Schema files loaded in this process, by path, modification time and size.
    private static let loaded = LockedBox<[String: JSONSchema]>([:])

    /// An inline schema; its relative references are files in `folder`.
    static func inline(_ document: JSONValue, folder: URL) throws -> SchemaMatcher {
        let uri = folder.appendingPathComponent("inline-schema.json").standardizedFileURL.absoluteString
        return SchemaMatcher(
            schema: try JSONSchema(document, uri: uri, load: loader(within: folder.standardizedFileURL)), source: "the inline schema")
    }

    /// Reads `file://` resources inside `folder` only.
    private static func loader(within folder: URL) -> (String) throws -> JSONValue? {
        // Links resolved on both sides: a link in the folder that points out of it reads nothing.
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        return { uri in
            // A file URL naming a host (file://server/…) is another machine's.
            guard let url = URL(string: uri), url.isFileURL, [nil, "", "localhost"].contains(url.host) else {
                throw SchemaFileError("'\(uri)' is not a file next to the schema: azspec fetches nothing over the network")
            }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                throw SchemaFileError("'\(path)' is outside the schema's folder (\(root)): a schema may only name files beside or below it")
            }
            return try read(url.standardizedFileURL)
        }
    }

    /// A JSON file, bounded and regular.
    private static func read(_ url: URL) throws -> JSONValue {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(url.path, as: fileKind)
        } catch {
            throw SchemaFileError("\(error)")
        }
        do {
            return try JSONValue(parsing: InputFile.withoutByteOrderMark(bytes))
        } catch {
            throw SchemaFileError("\(url.path) is not JSON: \(error)")
        }
    }
}

/// A schema file that cannot be read.
struct SchemaFileError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
