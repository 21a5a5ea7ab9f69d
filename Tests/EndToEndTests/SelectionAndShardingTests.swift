import AzspecCore
import AzspecTesting
import Foundation
import Testing

/// Choosing and splitting what runs, through the binary against the built-in emulator: `--filter`, `--tag`,
/// `--skip-tag`, `--fail-fast`, `--shard` with `merge-reports`, `--exclude` and the files that are not specs.
@Suite(.serialized) struct SelectionAndShardingTests {
    static let taggedSpec = """
        name: Tagged
        tags: [rbac]
        vars: { subscriptionId: "{{env.AZURE_SUBSCRIPTION_ID}}" }
        identity: true
        tests:
          - name: read the subscription
            tags: [smoke]
            request: { url: "/subscriptions/{{subscriptionId}}", query: { api-version: "2022-12-01" } }
            expect: { status: 200 }
            capture: { name: $.displayName }
          - name: slow listing
            tags: [smoke, slow]
            request: { url: "/subscriptions/{{subscriptionId}}/resourcegroups", query: { api-version: "2021-04-01" } }
            expect: { status: 200 }
          - name: the name again
            tags: [names]
            request: { url: "/subscriptions/{{subscriptionId}}", query: { api-version: "2022-12-01" } }
            expect: { json: { $.displayName: "{{name}}" } }

        """

    @Test func tagsFiltersAndTheChainOfCaptures() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/tagged.yaml", Self.taggedSpec)
        let smoke = try await folder.run(["run", "--emulator", "specs", "--tag", "smoke and not slow"])
        #expect(smoke.status == 0, "\(smoke.all)")
        #expect(smoke.stdout.contains("✓ read the subscription"))
        #expect(!smoke.stdout.contains("slow listing"))
        #expect(smoke.stdout.contains("1 test in 1 file"), "\(smoke.stdout)")
        // A selected test brings the test that captures what it uses.
        let names = try await folder.run(["run", "--emulator", "specs", "--filter", "again"])
        #expect(names.status == 0, "\(names.all)")
        #expect(
            names.stderr.contains("note: specs/tagged.yaml: also running 'read the subscription': it captures 'name' for 'the name again'"))
        #expect(names.stdout.contains("2 tests in 1 file"))
        let skipped = try await folder.run(["run", "--emulator", "specs", "--skip-tag", "slow"])
        #expect(skipped.stdout.contains("2 tests in 1 file"), "\(skipped.all)")
        let xml = try #require(folder.read("reports/junit.xml"))
        #expect(!xml.contains("slow listing"), "a test left out is not in the report")
    }

    @Test func aSelectionThatMatchesNothingExitsTwoWithAReportSayingSo() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/tagged.yaml", Self.taggedSpec)
        let none = try await folder.run(["run", "--emulator", "specs", "--tag", "nightly"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("error: no test matches --tag 'nightly' in 1 spec file; nothing was sent"), "\(none.all)")
        let xml = try #require(folder.read("reports/junit.xml"))
        #expect(xml.contains("name=\"the selection matches a test\""))
        #expect(xml.contains("no test matches --tag &apos;nightly&apos;") || xml.contains("no test matches --tag 'nightly'"), "\(xml)")
        let bad = try await folder.run(["run", "--emulator", "specs", "--tag", "smoke or"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--tag 'smoke or': it ends where a tag was expected"), "\(bad.all)")
    }

    @Test func failFastStopsStartingTestsButRunsCleanups() async throws {
        let result = try await BinaryRun(
            ["run", "--emulator", "specs", "--fail-fast"],
            files: [
                "specs/a.yaml": """
                name: Fails early
                vars: { subscriptionId: "{{env.AZURE_SUBSCRIPTION_ID}}" }
                identity: true
                tests:
                  - name: wrong expectation
                    request: { url: "/subscriptions/{{subscriptionId}}", query: { api-version: "2022-12-01" } }
                    expect: { status: 418 }
                  - name: never started
                    request: { url: "/subscriptions/{{subscriptionId}}", query: { api-version: "2022-12-01" } }
                  - name: cleanup
                    always: true
                    request: { url: "/subscriptions/{{subscriptionId}}", query: { api-version: "2022-12-01" } }
                    expect: { status: 200 }

                """
            ])
        #expect(result.status == 1, "\(result.all)")
        #expect(
            result.stdout.contains(
                "○ never started  skipped: not run: --fail-fast stopped the run after 'Fails early › wrong expectation' failed"),
            "\(result.stdout)")
        #expect(result.stdout.contains("✓ cleanup"))
        #expect(result.stdout.contains("1 passed, 1 failed, 1 skipped"))
    }

    @Test func shardsMergeIntoTheReportOfOneRun() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let specs = AzspecProcess.packageRoot + "/specs"
        let whole = try await folder.run(["run", "--emulator", specs, "--junit", "whole.xml"])
        #expect(whole.status == 0, "\(whole.all)")
        var shardTests = 0
        for index in 1...4 {
            let shard = try await folder.run(
                ["run", "--emulator", specs, "--shard", "\(index)/4", "--junit", "shard-\(index).xml"])
            #expect(shard.status == 0, "\(shard.all)")
            let count = try #require(shard.stdout.firstMatch(of: /(\d+) tests? in/)?.output.1)
            shardTests += Int(count) ?? 0
        }
        #expect(shardTests == 31, "every test in exactly one shard")
        let merged = try await folder.run(
            ["merge-reports", "merged.xml", "shard-1.xml", "shard-2.xml", "shard-3.xml", "shard-4.xml"])
        #expect(merged.status == 0, "\(merged.all)")
        let wholeXML = try #require(folder.read("whole.xml"))
        let mergedXML = try #require(folder.read("merged.xml"))
        func cases(_ xml: String) -> [String] {
            xml.matches(of: /<testcase name="([^"]*)" classname="([^"]*)"/).map { "\($0.output.2) \($0.output.1)" }
        }
        #expect(cases(mergedXML) == cases(wholeXML), "the same cases in the same order")
        #expect(mergedXML.contains("<testsuites name=\"azspec\" tests=\"31\" failures=\"0\" errors=\"0\""))
        if XMLLint.isUsable(for: "merged report validity") {
            let verdict = try XMLLint.validate(
                XMLLint.removingTestcaseFileAndLine(mergedXML), schema: XMLLint.schema("jenkins-xunit-junit-10.xsd"))
            #expect(verdict.isValid, "\(verdict)")
        }
        let bad = try await folder.run(["run", "--emulator", specs, "--shard", "3/2"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--shard '3/2': the index must be from 1 to 2 (shards are numbered from 1)"))
        // More shards than files: an empty shard passes with a report that says so.
        let empty = try await folder.run(
            ["run", "--emulator", specs + "/01-list-resource-groups.yaml", "--shard", "2/2", "--junit", "empty.xml"])
        #expect(empty.status == 0, "\(empty.all)")
        #expect(folder.read("empty.xml")?.contains("no spec file fell to shard 2/2") == true)
    }

    @Test func mergeRefusesWhatIsNotAJUnitReport() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.xml", "<html/>")
        try folder.write("b.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><testsuites>&a;</testsuites>")
        try folder.write("c.xml", "<testsuites><testsuite")
        for (file, message) in [
            ("a.xml", "a.xml: not a JUnit report (its root is <html>, not <testsuites> or <testsuite>)"),
            ("b.xml", "b.xml: a JUnit report with a DTD or entities is refused"), ("c.xml", "not well-formed XML"),
            ("missing.xml", "missing.xml"),
        ] {
            let result = try await folder.run(["merge-reports", "out.xml", file])
            #expect(result.status == 2, "\(file): \(result.all)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(folder.read("out.xml") == nil)
    }

    @Test func excludedFilesAndFilesThatAreNotSpecsStayOut() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("specs/tagged.yaml", Self.taggedSpec)
        try folder.write("specs/wip/broken.yaml", "name: broken\ntests: [")
        try folder.write("specs/azspec.yaml", "exclude: [\"wip/**\"]\n")
        // An emulator configuration kept beside the specs: given to --emulator-config, never read as a spec.
        try folder.write("specs/emulator.yaml", "tenants:\n  - id: 72f988bf-86f1-41af-91ab-2d7cd011db47\n")
        // A YAML file that is plainly not a spec is skipped with a note.
        try folder.write("specs/data/regions.yaml", "regions: [westeurope, eastus]\n")
        let result = try await folder.run(["run", "--emulator", "specs"])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stderr.contains("specs/data/regions.yaml: note: skipped: not a spec (no 'tests:'): its keys are regions"))
        #expect(result.stderr.contains("specs/emulator.yaml: note: skipped"))
        #expect(!result.all.contains("broken"))
        let excluded = try await folder.run(["validate", "specs", "--exclude", "*.yaml"])
        #expect(excluded.status == 2, "everything excluded leaves nothing to check")
        // The file given to --emulator-config is never read as a spec, not even to be skipped.
        let configuration = try String(
            contentsOfFile: AzspecProcess.packageRoot + "/Tests/EndToEndTests/Fixtures/schema/valid/emulator/every-key.yaml",
            encoding: .utf8)
        try folder.write("specs/seed.yaml", configuration)
        let seeded = try await folder.run(
            ["validate", "--emulator", "--emulator-config", "specs/seed.yaml", "specs/data", "specs/seed.yaml"])
        #expect(!seeded.all.contains("seed.yaml"), "\(seeded.all)")
        // A file named on the command line is always a spec: its mistakes are reported.
        let named = try await folder.run(["validate", "specs/data/regions.yaml"])
        #expect(named.status == 2)
        #expect(named.stderr.contains("unknown key 'regions'"), "\(named.all)")
    }
}
