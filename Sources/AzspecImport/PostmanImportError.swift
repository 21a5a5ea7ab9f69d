import AzspecCore

/// Why a Postman collection (or environment) could not be imported; `description` is one sentence.
public enum PostmanImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is larger than ``PostmanImporter/maxInputBytes``.
    case tooLarge(what: String, bytes: Int)
    /// The input is not JSON; `detail` says where.
    case notJSON(what: String, detail: String)
    /// JSON, but not a Postman collection (no `info` and `item`).
    case notACollection(reason: String)
    /// A collection in Postman's v1 format.
    case version1
    /// JSON, but not a Postman environment (no `values`).
    case notAnEnvironment(reason: String)
    /// Folders nested deeper than ``PostmanImporter/maxFolderDepth``.
    case tooDeep(folder: String, limit: Int)
    /// No request anywhere in the collection.
    case noRequests(collection: String)
    /// A spec written from the collection did not read back as what was meant (``YAMLWriter``'s last check).
    case unwritable(file: String, reason: String)

    public var description: String {
        switch self {
        case .tooLarge(let what, let bytes):
            let mebibytes = Double(bytes) / 1_048_576
            let shown = (mebibytes * 10).rounded(.up) / 10
            return "The \(what) is \(shown) MiB, more than the \(PostmanImporter.maxInputBytes >> 20) MiB azspec imports."
        case .notJSON(let what, let detail):
            return "The \(what) is not JSON (\(detail)): export it again from Postman."
        case .notACollection(let reason):
            return "This is not a Postman collection (\(reason)): export it from Postman as Collection v2.1."
        case .version1:
            return "Postman v1 collections are not supported: export it again as Collection v2.1 from Postman."
        case .notAnEnvironment(let reason):
            return "The environment file is not a Postman environment (\(reason)): export it from Postman's Environments."
        case .tooDeep(let folder, let limit):
            return "Folder '\(folder)' is nested more than \(limit) folders deep, more than azspec imports."
        case .noRequests(let collection):
            return "Collection '\(collection)' holds no requests, so there is nothing to import."
        case .unwritable(let file, let reason):
            return "The spec \(file) would not read back as what was imported (\(reason)), so nothing was written."
        }
    }
}
