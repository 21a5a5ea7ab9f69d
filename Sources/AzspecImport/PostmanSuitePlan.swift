/// The suites a collection becomes: one for the requests at its top level (named after the collection) and one per
/// top-level folder, with nested folders' requests flattened into it, each knowing the auth and scripts it inherits.
struct PostmanSuitePlan: Sendable {
    /// A script inherited from the collection or a folder, and where it comes from.
    struct InheritedScript: Sendable {
        let source: String
        let event: PostmanEvent
    }

    /// One request of a suite.
    struct Entry: Sendable {
        /// The test's name: sub-folders, then the request (`Sub / Request`).
        let testName: String
        /// Where it is, for notes: `Collection › Folder › Sub › Request`.
        let place: String
        let item: PostmanRequestItem
        /// The auth Postman would use: the request's own, else the nearest folder's, else the collection's.
        let auth: PostmanAuth?
        /// The collection's and folders' scripts, outermost first.
        let inherited: [InheritedScript]
    }

    let name: String
    let entries: [Entry]

    /// The suites in the order their first request appears; notes for items that are neither folder nor request.
    static func plans(for collection: PostmanCollection) -> (suites: [PostmanSuitePlan], notes: [String]) {
        var suites: [(name: String, entries: [Entry])] = []
        var topLevel: Int?
        var notes: [String] = []
        let root = collection.events.map { InheritedScript(source: "\(collection.name) (collection script)", event: $0) }
        for item in collection.items {
            switch item {
            case .request(let request):
                let entry = Entry(
                    testName: request.name, place: "\(collection.name) › \(request.name)", item: request,
                    auth: request.request.auth ?? collection.auth, inherited: root)
                if let topLevel {
                    suites[topLevel].entries.append(entry)
                } else {
                    topLevel = suites.count
                    suites.append((collection.name, [entry]))
                }
            case .folder(let folder):
                let path = [collection.name, folder.name]
                let scripts =
                    root
                    + folder.events.map { InheritedScript(source: path.joined(separator: " › ") + " (folder script)", event: $0) }
                var entries: [Entry] = []
                walk(
                    folder.items, folders: [], path: path, auth: folder.auth ?? collection.auth, scripts: scripts, into: &entries,
                    notes: &notes)
                if entries.isEmpty {
                    notes.append("\(path.joined(separator: " › ")): the folder holds no requests; no spec is written for it.")
                } else {
                    suites.append((folder.name, entries))
                }
            case .unusable(let name):
                notes.append("\(collection.name) › \(name): neither a folder nor a request; left out.")
            }
        }
        return (suites.map { PostmanSuitePlan(name: $0.name, entries: $0.entries) }, notes)
    }

    private static func walk(
        _ items: [PostmanItem], folders: [String], path: [String], auth: PostmanAuth?, scripts: [InheritedScript],
        into entries: inout [Entry], notes: inout [String]
    ) {
        for item in items {
            switch item {
            case .request(let request):
                entries.append(
                    Entry(
                        testName: (folders + [request.name]).joined(separator: " / "),
                        place: (path + [request.name]).joined(separator: " › "), item: request,
                        auth: request.request.auth ?? auth,
                        inherited: scripts))
            case .folder(let folder):
                let inner = path + [folder.name]
                let more = folder.events.map {
                    InheritedScript(source: inner.joined(separator: " › ") + " (folder script)", event: $0)
                }
                walk(
                    folder.items, folders: folders + [folder.name], path: inner, auth: folder.auth ?? auth,
                    scripts: scripts + more,
                    into: &entries, notes: &notes)
            case .unusable(let name):
                notes.append("\((path + [name]).joined(separator: " › ")): neither a folder nor a request; left out.")
            }
        }
    }
}
