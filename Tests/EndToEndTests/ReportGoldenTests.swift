import AzspecTesting
import Foundation
import Testing

/// The JUnit, JSON and TAP reports of the example specs, run against the built-in emulator, are the committed golden
/// files in `Fixtures/golden/`, once what differs between runs is replaced by a placeholder: the emulator's port,
/// GUIDs (request ids), times and durations, timestamps, the host name, the run's hex, azspec's version (and
/// commit), and the rate limiter's waits (they depend on the run's pace). Any other change to what a
/// writer prints shows here as a diff; when it is meant, `AZSPEC_WRITE_GOLDEN=1 swift test --filter ReportGoldenTests`
/// rewrites the files.
@Suite struct ReportGoldenTests {
    static let golden = AzspecProcess.packageRoot + "/Tests/EndToEndTests/Fixtures/golden"

    /// What differs between two runs of the same specs, each pattern with its placeholder.
    static let placeholders: [(pattern: String, replacement: String)] = [
        (#"127\.0\.0\.1:[0-9]+"#, "127.0.0.1:{port}"),
        // ARM's operation ids (base64url of {"jobId":…}, a run's group name and a GUID in it).
        (#"operationresults/eyJqb2JJZCI6[A-Za-z0-9_-]+"#, "operationresults/{operation}"),
        (#"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"#, "{guid}"),
        (#"time="[0-9.]+""#, #"time="{time}""#),
        (#"timestamp="[^"]*""#, #"timestamp="{timestamp}""#),
        (#"hostname="[^"]*""#, #"hostname="{host}""#),
        (#""(duration|startedAt|finishedAt)": [^,\n]+"#, #""$1": "{time}""#),
        (#"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z?"#, "{timestamp}"),
        (#"azspec-?[0-9a-f]{8}\b"#, "azspec-{hex}"),
        (#""azspec": "[^"]*""#, #""azspec": "{version}""#),
        // The client-side rate limiter waits or not as the run's pace has drained ARM's buckets.
        (#"rate limit: waiting [0-9.]+ s so that ARM's [a-z]+ bucket keeps [0-9]+ tokens(\\n|\n)"#, ""),
        (#"\n *"azspecCommit": "[^"]*","#, ""),
    ]

    static func normalized(_ text: String) -> String {
        placeholders.reduce(text) { text, rule in
            text.replacingOccurrences(of: rule.pattern, with: rule.replacement, options: .regularExpression)
        }
    }

    @Test func theReportsOfTheExampleSpecsAreTheGoldenFiles() async throws {
        let folder = try TemporaryFolder()
        let result = try await AzspecProcess.run(
            [
                // One file at a time: side by side, a file that creates a resource group can land between another's
                // pages, and the reports would differ from run to run.
                "run", "--emulator", "specs", "--jobs", "1", "--junit", folder.path + "/junit.xml", "--report",
                "json=\(folder.path)/report.json",
                "--report", "tap=\(folder.path)/report.tap",
            ], in: AzspecProcess.packageRoot)
        #expect(result.status == 0, "\(result.all)")
        let rewrite = ProcessInfo.processInfo.environment["AZSPEC_WRITE_GOLDEN"] == "1"
        for name in ["junit.xml", "report.json", "report.tap"] {
            let written = Self.normalized(try String(contentsOfFile: folder.path + "/" + name, encoding: .utf8))
            #expect(!written.contains(folder.path), "no temporary path in \(name)")
            let path = Self.golden + "/" + name
            if rewrite {
                try written.write(toFile: path, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            #expect(
                written == expected,
                "\(name) differs from Fixtures/golden/\(name) (AZSPEC_WRITE_GOLDEN=1 rewrites it when the change is meant): \(Self.firstDifference(written, expected))"
            )
        }
    }

    /// The first line that differs, as `line N: written | golden`.
    static func firstDifference(_ written: String, _ expected: String) -> String {
        let a = written.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
            return "line \(index + 1): \(index < a.count ? String(a[index]) : "(end)") | \(index < b.count ? String(b[index]) : "(end)")"
        }
        return "no line differs"
    }

    @Test func thePlaceholdersReplaceWhatChangesAndNothingElse() {
        let line = #"<testcase name="rg-azspec-0a1b2c3d" time="0.015" timestamp="2026-12-07T21:28:56" hostname="vm">"#
        #expect(
            Self.normalized(line)
                == #"<testcase name="rg-azspec-{hex}" time="{time}" timestamp="{timestamp}" hostname="{host}">"#)
        #expect(Self.normalized(#""duration": 0.01508,"#) == #""duration": "{time}","#)
        #expect(Self.normalized("GET http://127.0.0.1:44873/x") == "GET http://127.0.0.1:{port}/x")
        #expect(Self.normalized("status 404, 2 tests") == "status 404, 2 tests")
        #expect(
            Self.normalized(#""output": "rate limit: waiting 0.4 s so that ARM's reads bucket keeps 10 tokens\npermissions"#)
                == #""output": "permissions"#)
    }
}
