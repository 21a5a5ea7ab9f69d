import AzspecCore
import AzspecTesting
import Foundation
import Testing
import Yams

@testable import AzspecEmulator
@testable import AzspecKit

/// The README and `docs/` hold together: every relative link reaches a file and every `#anchor` a heading there, and
/// every example that is a whole spec or project file (a YAML block that is a spec, or starts `# specs/NAME.yaml`)
/// passes `azspec validate`, with the files of one page side by side; so do the fragments (tests, project files and
/// emulator configurations), each inside a spec of its own, and a YAML example that is none of these is a CI file's
/// and must parse; every `azspec` command line takes the options it uses.
@Suite struct DocsTests {
    static let root = AzspecProcess.packageRoot

    /// The pages: the README, the manual in docs/, and the other documents at the root.
    static var pages: [String] {
        let manual = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/docs")) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return ["README.md", "RELIABILITY.md", "BENCHMARKS.md", "CHANGELOG.md"] + manual
    }

    static func text(_ page: String) throws -> String {
        try InputFile.readText(root + "/" + page, as: .spec)
    }

    /// The page without its fenced code blocks (a `[x](y)` in code is no link).
    static func prose(_ text: String) -> String {
        text.replacingOccurrences(of: #"(?s)```.*?```"#, with: "", options: .regularExpression)
    }

    /// A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens.
    static func anchor(_ heading: String) -> String {
        String(
            heading.lowercased().unicodeScalars.filter {
                CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == " "
            }
        ).replacingOccurrences(of: " ", with: "-")
    }

    static func anchors(in text: String) -> Set<String> {
        Set(
            prose(text).split(separator: "\n").compactMap { line -> String? in
                guard let hashes = line.firstIndex(where: { $0 != "#" }), hashes != line.startIndex,
                    line[hashes] == " "
                else { return nil }
                return anchor(String(line[line.index(after: hashes)...]))
            })
    }

    @Test func everyLinkReachesAFileAndEveryAnchorAHeading() throws {
        #expect(Self.pages.contains("docs/spec-reference.md"), "the manual is in docs/")
        let link = try Regex(#"\[[^\]]*\]\(([^)\s]+)\)"#)
        var checked = 0
        for page in Self.pages {
            let folder = (page as NSString).deletingLastPathComponent
            for match in Self.prose(try Self.text(page)).matches(of: link) {
                let target = String(match.output[1].substring ?? "")
                guard !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path =
                    parts[0].isEmpty ? page : ((folder as NSString).appendingPathComponent(String(parts[0])) as NSString).standardizingPath
                #expect(FileManager.default.fileExists(atPath: Self.root + "/" + path), "\(page): \(target) reaches nothing")
                if parts.count == 2, path.hasSuffix(".md"), let linked = try? Self.text(path) {
                    #expect(Self.anchors(in: linked).contains(String(parts[1])), "\(page): \(target) names no heading")
                }
                checked += 1
            }
        }
        #expect(checked > 50, "\(checked) links were found: the pattern finds them")
    }

    /// The YAML blocks of a page that are whole files: path → text.
    static func exampleFiles(in page: String) throws -> [(path: String, text: String)] {
        let block = try Regex(#"(?s)```yaml\n(.*?)```"#)
        var files: [(String, String)] = []
        for (index, match) in try text(page).matches(of: block).enumerated() {
            let yaml = String(match.output[1].substring ?? "")
            let first = yaml.prefix { $0 != "\n" }
            if first.hasPrefix("# specs/"), first.hasSuffix(".yaml") {
                files.append((String(first.dropFirst(2)), yaml))
            } else if case .mapping(let mapping)? = try? Yams.compose(yaml: yaml), mapping["name"] != nil, mapping["tests"] != nil {
                files.append(("specs/example-\(index).yaml", yaml))
            }
        }
        return files
    }

    @Test(arguments: pages.filter { (try? exampleFiles(in: $0).isEmpty) == false })
    func everyWholeSpecExampleIsValid(_ page: String) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var environment: [String: String] = [:]
        let variable = try Regex(#"\{\{env\.([A-Za-z_][A-Za-z0-9_]*)\}\}"#)
        for (path, yaml) in try Self.exampleFiles(in: page) {
            try folder.write(path, yaml)
            // A variable an example reads that the emulator does not set stands for the reader's own.
            for match in yaml.matches(of: variable) { environment[String(match.output[1].substring ?? "")] = "from-the-docs" }
        }
        for name in ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_SUBSCRIPTION_ID"] {
            environment[name] = nil
        }
        let result = try await folder.run(["validate", "--emulator", "specs"], environment: environment)
        #expect(result.status == 0, "\(page): \(result.all)")
    }

    /// What a YAML example that is not a whole spec is, and so how it is checked.
    enum Fragment: Equatable {
        /// Tests (a list item each), checked inside a spec.
        case tests
        /// A project file (`specs/azspec.yaml`), checked beside a spec.
        case project
        /// An emulator configuration, checked by `--emulator-config`.
        case emulatorConfiguration
        /// A CI system's file or steps (GitHub Actions, Azure Pipelines, GitLab): YAML its system reads, whose
        /// `azspec` command lines the command-line test checks.
        case ciFile
    }

    /// Which fragment a YAML block is, nil for a whole spec (checked above) and for what no check knows.
    static func fragment(_ yaml: String) -> Fragment? {
        let ci: Set<String> = ["uses", "run", "task", "jobs", "steps", "stages", "trigger", "script", "before_script"]
        switch try? Yams.compose(yaml: yaml) {
        case .sequence(let items)?:
            let keys = items.compactMap { $0.mapping?.keys.compactMap(\.string) }.flatMap { $0 }
            if keys.contains("name"), Set(keys).isSubset(of: SpecFormat.test.keys) { return .tests }
            if !Set(keys).isDisjoint(with: ci) { return .ciFile }
        case .mapping(let mapping)?:
            let keys = Set(mapping.keys.compactMap(\.string))
            if keys.contains("name"), keys.contains("tests") { return nil }
            if keys.isSubset(of: SpecFormat.project.keys) { return .project }
            if keys.isSubset(of: ConfigurationFormat.configuration.keys) { return .emulatorConfiguration }
            let jobs = mapping.values.compactMap { $0.mapping?.keys.compactMap(\.string) }.flatMap { $0 }
            if !keys.isDisjoint(with: ci) || !Set(jobs).isDisjoint(with: ci) { return .ciFile }
        default: break
        }
        return nil
    }

    /// The YAML blocks of the pages that are not whole files.
    static var fragments: [(page: String, yaml: String)] {
        let block = #/(?s)```yaml\n(.*?)```/#
        return pages.flatMap { page in
            ((try? text(page)) ?? "").matches(of: block).map { (page, String($0.output.1)) }
                .filter { example in (try? exampleFiles(in: page))?.contains { $0.text == example.1 } != true }
        }
    }

    @Test func everyYAMLExampleIsOfAKindThatIsChecked() throws {
        #expect(Self.fragments.count > 10, "\(Self.fragments.count) fragments were found: the pattern finds them")
        for (page, yaml) in Self.fragments {
            #expect(Self.fragment(yaml) != nil, "\(page): no check knows this example:\n\(yaml)")
            if Self.fragment(yaml) == .ciFile { #expect(throws: Never.self) { try Yams.compose(yaml: yaml) } }
        }
    }

    /// Tests, project files and emulator configurations from the pages pass `azspec validate` (in a spec of their
    /// own, with the variables they use declared).
    @Test(arguments: Array(Set(fragments.filter { fragment($0.yaml).map { $0 != .ciFile } ?? false }.map(\.page))).sorted())
    func everyFragmentIsValid(_ page: String) async throws {
        var files: [String: String] = [:]
        var arguments = ["validate", "--emulator", "specs"]
        for (index, (_, yaml)) in Self.fragments.filter({ $0.page == page }).enumerated() {
            let variables = Set(yaml.matches(of: #/\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/#).map { String($0.output.1) })
            let vars = variables.sorted().map { "\($0): from-the-docs" }.joined(separator: ", ")
            switch Self.fragment(yaml) {
            case .tests?:
                // The identities the tests name stand for the reader's own.
                let names = Set(yaml.matches(of: #/(?m)^\s*identity: ([A-Za-z0-9_-]+)/#).map { String($0.output.1) })
                let identities = names.sorted().map { "\($0): { kind: clientSecret }" }.joined(separator: ", ")
                let indented = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
                files["specs/fragment-\(index).yaml"] =
                    "name: fragment \(index)\nvars: { \(vars) }\nidentities: { \(identities) }\ntests:\n" + indented
            case .project?:
                files["specs/azspec.yaml"] = yaml
            case .emulatorConfiguration?:
                files["emulator.yaml"] = yaml
                // The PEM files it names (relative to it) hold a certificate, which every PEM key there may be.
                for match in yaml.matches(of: #/(?:pem|publicKey): ([A-Za-z0-9_./-]+\.pem)/#) {
                    files[String(match.output.1)] = try SelfSignedCertificate(commonName: "docs").certificatePEM
                }
                arguments += ["--emulator-config", "emulator.yaml"]
            case .ciFile?, nil: continue
            }
        }
        if !files.keys.contains(where: { $0.hasPrefix("specs/fragment") }) {
            files["specs/minimal.yaml"] = "name: minimal\ntests:\n  - name: t\n    request: { url: /subscriptions }\n"
        }
        var environment: [String: String] = [:]
        for text in files.values {
            for match in text.matches(of: #/\{\{env\.([A-Za-z_][A-Za-z0-9_]*)\}\}/#) {
                environment[String(match.output.1)] = "from-the-docs"
            }
        }
        for name in ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_SUBSCRIPTION_ID"] { environment[name] = nil }
        let run = try await BinaryRun(arguments, files: files, environment: environment, reading: [])
        #expect(run.status == 0, "\(page): \(run.all)")
    }

    /// The generated reference tables and the pages that hold them.
    static let generated: [(page: String, name: String, objects: [FormatObject])] = [
        ("docs/spec-reference.md", "spec", SpecFormat.all), ("docs/emulator.md", "emulator", ConfigurationFormat.all),
    ]

    /// The commands whose help the manual shows, as `azspec help` takes them.
    static let commands: [[String]] = [
        [], ["run"], ["validate"], ["list"], ["init"], ["schema"], ["merge-reports"], ["import", "postman"],
        ["snapshot", "permissions"], ["token"], ["emulator"],
    ]

    /// Replaces what is between a page's `<!-- generated: NAME -->` and `<!-- end generated -->` with `expected` when
    /// AZSPEC_WRITE_DOCS=1, and otherwise expects it to be `expected` already.
    static func holdGenerated(_ page: String, _ name: String, to expected: String) throws {
        let text = try Self.text(page)
        let start = "<!-- generated: \(name) -->\n"
        let opening = try #require(text.range(of: start), "\(page) has the marker \(start)")
        let closing = try #require(text.range(of: "<!-- end generated -->", range: opening.upperBound..<text.endIndex))
        if ProcessInfo.processInfo.environment["AZSPEC_WRITE_DOCS"] == "1" {
            let rewritten = text.replacingCharacters(in: opening.upperBound..<closing.lowerBound, with: expected)
            try rewritten.write(toFile: Self.root + "/" + page, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            String(text[opening.upperBound..<closing.lowerBound]) == expected,
            "\(page) differs from what it is generated from: AZSPEC_WRITE_DOCS=1 swift test --filter DocsTests rewrites it")
    }

    @Test func theCommandReferenceIsWhatTheCommandsSay() async throws {
        var expected = "\n"
        for command in Self.commands {
            let result = try await AzspecProcess.run(["help"] + command, in: Self.root, environment: ["COLUMNS": "100"])
            #expect(result.status == 0, "\(result.all)")
            expected += "### `\((["azspec"] + command).joined(separator: " "))`\n\n```text\n"
            expected += result.stdout.trimmingCharacters(in: .newlines) + "\n```\n\n"
        }
        #expect(expected.contains("--junit-strict"), "the run command's options are there")
        try Self.holdGenerated("docs/command-line.md", "commands", to: expected)
    }

    /// The `azspec` command lines in the pages' code blocks (not synopses such as `azspec run [PATH…]`), as words.
    static func commandLines() throws -> [(page: String, words: [String])] {
        var lines: [(String, [String])] = []
        for page in pages {
            let text = try Self.text(page)
            for block in text.matches(of: /(?s)```[a-z]*\n(.*?)```/) {
                for line in block.output.1.split(separator: "\n") {
                    var command = line.trimmingCharacters(in: .whitespaces)
                    for prefix in ["$ ", "swift run "] where command.hasPrefix(prefix) { command.removeFirst(prefix.count) }
                    guard command.hasPrefix("azspec "), !command.contains("["), !command.contains("…") else { continue }
                    lines.append((page, words(command)))
                }
            }
        }
        return lines
    }

    /// A shell line's words (quotes joined, a comment, a redirection and a trailing `&` dropped).
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        for character in line + " " {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == " " {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if let comment = words.firstIndex(where: { $0.hasPrefix("#") }) { words.removeSubrange(comment...) }
        if let redirection = words.firstIndex(of: ">") { words.removeSubrange(redirection...) }
        if words.last == "&" { words.removeLast() }
        return words
    }

    /// Whether a command's help lists the option `name` (`--tag`, `-o`) as an option of its own.
    static func takes(_ name: String, help: String) -> Bool {
        [" ", ",", "\n", "="].contains { help.contains(" \(name)\($0)") }
    }

    @Test func anOptionIsTakenOnlyWhereTheHelpListsIt() {
        let help = "OPTIONS:\n  -o, --output <output>   Where.\n  --tag <tag>   Tags.\n  --junit-strict\n"
        #expect(Self.takes("--tag", help: help) && Self.takes("-o", help: help) && Self.takes("--junit-strict", help: help))
        #expect(!Self.takes("--junit", help: help) && !Self.takes("--ta", help: help) && !Self.takes("--bogus", help: help))
    }

    /// Every `azspec` command in the docs names a command that exists, and only options that command takes (as its
    /// help lists them); a line that names no command is `run`'s.
    @Test func everyCommandInTheDocsUsesOptionsItsCommandTakes() async throws {
        let lines = try Self.commandLines()
        #expect(lines.count >= 8, "the docs' commands are found: \(lines.map(\.words))")
        let commands = Set(Self.commands.compactMap(\.first))
        let nested = Set(Self.commands.filter { $0.count == 2 }.map { $0[1] })
        var helps: [[String]: String] = [:]
        for (page, words) in lines {
            var path = Array(words.dropFirst().prefix { commands.contains($0) || nested.contains($0) }.prefix(2))
            if path.isEmpty { path = ["run"] }
            if helps[path] == nil {
                let result = try await AzspecProcess.run(["help"] + path, in: Self.root)
                #expect(result.status == 0, "\(page): azspec \(path.joined(separator: " ")) is a command: \(result.all)")
                helps[path] = result.stdout
            }
            let help = helps[path] ?? ""
            for option in words where option.hasPrefix("-") {
                let name = String(option.prefix { $0 != "=" })
                #expect(
                    Self.takes(name, help: help),
                    "\(page): 'azspec \(words.dropFirst().joined(separator: " "))' uses \(name), which azspec \(path.joined(separator: " ")) does not take"
                )
            }
        }
    }

    @Test func theKeyTablesAreWhatTheDeclarationsAndTheSchemaGive() throws {
        let schema = SpecSchema.completeDocument
        for (page, name, objects) in Self.generated {
            let expected = "\n" + FormatReference.markdown(objects, schema: schema)
            try Self.holdGenerated(page, name, to: expected)
        }
        #expect(FormatReference.markdown(SpecFormat.all, schema: schema).contains("| `url` | required |"))
    }
}
