import AzspecTesting
import Foundation
import Testing

/// AzspecKit's folders are its pipeline's stages and the concepts under them, and no folder uses a type of a folder
/// later in this order (docs/architecture.md says what each holds). Types are found by their declarations and uses
/// by their names, so a nested type whose name is common to several (`Kind`, `Entry`) is not followed.
@Suite struct ArchitectureTests {
    static let order = [
        "Support", "Console", "Secrets", "Template", "HTTP", "Identity", "Assert", "Spec", "Plan", "Select", "Results",
        "Execute", "Report", "Workflow", "Scaffold",
    ]
    /// Names declared as nested types in several places, or that are also words in strings and headers.
    static let common: Set<String> = [
        "Authorization", "Credential", "Entry", "Found", "Key", "Kind", "Problem", "Reader", "Result", "System",
    ]

    static let root = AzspecProcess.packageRoot + "/Sources/AzspecKit"

    /// Every Swift file of AzspecKit: its folder and its text without comments.
    static func files() throws -> [(folder: String, path: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            return (String(path.prefix { $0 != "/" }), path, text.replacing(#/\/\/[^\n]*/#, with: ""))
        }
    }

    @Test func noFolderUsesATypeOfALaterOne() throws {
        let files = try Self.files()
        let declaration =
            #/(?m)^\s*(?:(?:public|package|internal|private|fileprivate|final|indirect)\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+(\w+)/#
        var folders: [String: Set<String>] = [:]
        for file in files {
            for match in file.text.matches(of: declaration) { folders[String(match.output.1), default: []].insert(file.folder) }
        }
        #expect(Set(files.map(\.folder)) == Set(Self.order), "every folder has its place in the order")
        #expect(folders.count > 150, "\(folders.count) types were found: the pattern finds them")
        var backwards: [String] = []
        for file in files {
            guard let position = Self.order.firstIndex(of: file.folder) else { continue }
            let names = Set(file.text.matches(of: #/\b[A-Z]\w+\b/#).map { String($0.output) }).subtracting(Self.common)
            for name in names.sorted() {
                guard let homes = folders[name], !homes.contains(file.folder) else { continue }
                for home in homes.sorted() where (Self.order.firstIndex(of: home) ?? 0) > position {
                    backwards.append("\(file.path) uses \(home)/\(name)")
                }
            }
        }
        #expect(backwards.isEmpty, "\(backwards.joined(separator: "\n"))")
    }
}
