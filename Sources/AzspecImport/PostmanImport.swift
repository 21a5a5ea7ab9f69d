/// The specs made from one Postman collection: a YAML file per suite, and what the user should know about them.
public struct PostmanImport: Sendable {
    /// One spec file: its name (`01-…yaml`, no folder) and its YAML text.
    public struct File: Sendable, Equatable {
        public let name: String
        public let text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The spec files, in the collection's order.
    public let files: [File]
    /// One sentence each: what was renamed, left out or kept as comments, and which environment variables to set.
    public let notes: [String]

    public init(files: [File], notes: [String]) {
        self.files = files
        self.notes = notes
    }
}
