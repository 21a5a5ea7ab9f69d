import AzspecCore

/// Converts a Postman v2.1 collection (and optionally an environment) into azspec spec files: one per top-level
/// folder, plus one for the requests at the top level, each request a test.
public enum PostmanImporter {
    /// The largest collection or environment file read.
    public static let maxInputBytes = 16 << 20
    /// The deepest folder nesting read (a top-level folder is 1 deep).
    public static let maxFolderDepth = 32

    /// The spec files and notes for a collection's bytes (and an environment's); throws when the input is not a
    /// Postman v2 collection (or environment) azspec can read.
    public static func convert(collection: [UInt8], environment: [UInt8]?) throws(PostmanImportError) -> PostmanImport {
        let collection = try PostmanCollection(json(collection, what: "collection"))
        var environmentValues: [PostmanVariable] = []
        if let environment { environmentValues = try PostmanEnvironment(json(environment, what: "environment")).values }
        guard collection.hasRequests else { throw .noRequests(collection: collection.name) }
        let (plans, planNotes) = PostmanSuitePlan.plans(for: collection)
        var builder = PostmanSuiteBuilder(
            variables: PostmanVariables(collection: collection.variables, environment: environmentValues))
        builder.notes = planNotes
        let prepared = plans.map { builder.prepare($0) }
        let width = max(2, String(prepared.count).count)
        var fileNames: [String] = []
        var taken: Set<String> = []
        for (index, suite) in prepared.enumerated() {
            let number = String(index + 1)
            let slug = SpecNames.slug(builder.variables.masked(suite.plan.name), fallback: "suite")
            var name = String(repeating: "0", count: width - number.count) + number + "-" + slug + ".yaml"
            var counter = 2
            while taken.contains(name) {
                name = number + "-" + slug + "-\(counter).yaml"
                counter += 1
            }
            taken.insert(name)
            fileNames.append(name)
        }
        // The first two suites that capture each name, found once: a suite that needs a name it does not capture
        // itself is told the first other file that does (linear in the captures, whatever the number of suites).
        var capturers: [String: (first: Int, second: Int?)] = [:]
        for (index, suite) in prepared.enumerated() {
            for name in suite.captured {
                if let known = capturers[name] {
                    if known.second == nil { capturers[name] = (known.first, index) }
                } else {
                    capturers[name] = (index, nil)
                }
            }
        }
        var files: [PostmanImport.File] = []
        for (index, suite) in prepared.enumerated() {
            let elsewhere: (String) -> String? = { name in
                guard let owners = capturers[name] else { return nil }
                return (owners.first != index ? owners.first : owners.second).map { fileNames[$0] }
            }
            let text: String
            do {
                text = try builder.build(suite, collection: collection.name, capturedElsewhere: elsewhere)
            } catch {
                throw .unwritable(file: fileNames[index], reason: error.reason)
            }
            files.append(PostmanImport.File(name: fileNames[index], text: text))
        }
        return PostmanImport(files: files, notes: summary(builder).map(builder.variables.masked))
    }

    private static func json(_ bytes: [UInt8], what: String) throws(PostmanImportError) -> JSONValue {
        guard bytes.count <= maxInputBytes else { throw .tooLarge(what: what, bytes: bytes.count) }
        do {
            // Postman on Windows, and editors there, may start the file with a byte order mark (RFC 8259 §8.1 lets a
            // parser ignore it).
            return try JSONValue(parsing: InputFile.withoutByteOrderMark(bytes))
        } catch {
            throw .notJSON(what: what, detail: error.description)
        }
    }

    /// The builder's notes, then renames, dynamic variables, what reads the environment and what to set.
    private static func summary(_ builder: PostmanSuiteBuilder) -> [String] {
        var notes = builder.notes
        for (from, to) in builder.variables.renames {
            notes.append(
                "Variable '\(from)' is named '\(to)' in the specs: azspec names are letters, digits, _ and -, "
                    + "and env, cloud and run are reserved."
            )
        }
        if !builder.variables.dynamicNames.isEmpty {
            let names = builder.variables.dynamicNames.map { "{{\($0)}}" }.joined(separator: ", ")
            notes.append("Postman's \(names) became {{run.hex}} (8 hex digits made once per run): azspec has no such values.")
        }
        if !builder.fromEnvironment.isEmpty {
            let list = builder.fromEnvironment.map { "\($0.variable) → \($0.environment)\($0.secret ? " (secret)" : "")" }
            notes.append("Read from the environment instead of copied: \(list.joined(separator: ", ")).")
        }
        if !builder.environment.isEmpty {
            let names = builder.environment.sorted()
            let emulated = names.filter { $0.hasPrefix("AZURE_") }
            notes.append(
                "Set these environment variables before running: \(names.joined(separator: ", "))"
                    + (emulated.isEmpty ? "." : " (azspec run --emulator sets the AZURE_* ones itself)."))
        }
        return notes
    }
}
