import AzspecEmulator
import AzspecTesting
import Foundation
import Testing
import Yams

/// The README's main command, run as a user would: the example specs against the built-in emulator.
@Suite(.serialized) struct ExampleSpecsTests {
    @Test func exampleSpecsPassAgainstTheBuiltInEmulator() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = folder.path + "/reports/junit.xml"
        let result = try await folder.run(
            ["run", "--emulator", AzspecProcess.packageRoot + "/specs", "--junit", report])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains("31 passed, 0 failed"), "\(result.stdout)")
        #expect(!result.all.contains("warning"), "a newcomer's first run is clean: \(result.all)")
        #expect(
            result.stdout.contains("4 tokens acquired"),
            "one per (identity, resource): deployer and reader for Resource Manager and for Graph (the audits read it)")
        #expect(result.stdout.contains("✓ acquire a token (client credentials, v1 endpoint)"))
        let xml = try String(contentsOfFile: report, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"Service principal can list resource groups\""))
        #expect(xml.contains("tests=\"31\""))
        // The specs were named by absolute path, so the class name is that path, dotted.
        let classname = AzspecProcess.packageRoot.dropFirst().replacingOccurrences(of: "/", with: ".") + ".specs.01-list-resource-groups"
        #expect(xml.contains("classname=\"\(classname)\""), "\(xml)")
        // The emulator's client secrets and every issued token stay out of every output.
        for secret in EmulatorConfiguration.default.environment.filter({ $0.key.contains("SECRET") }).map(\.value) {
            #expect(!result.all.contains(secret))
            #expect(!xml.contains(secret))
        }
        // ARM's operation ids are base64url JSON too (`{"jobId":…}`), shown in polling URLs; nothing else may start so.
        let operation = "operationresults/eyJqb2JJZCI6"
        #expect(!result.all.replacingOccurrences(of: operation, with: "").contains("eyJ"), "a JWT leaked to the console")
        #expect(!xml.replacingOccurrences(of: operation, with: "").contains("eyJ"), "a JWT leaked to the report")
    }

    @Test func validateAndListWorkWithoutSendingAnything() async throws {
        let root = AzspecProcess.packageRoot
        let validated = try await AzspecProcess.run(["validate", "--emulator", "specs"], in: root)
        #expect(validated.status == 0, "\(validated.all)")
        #expect(validated.stdout.contains("11 spec files valid, 31 tests"))
        let listed = try await AzspecProcess.run(["list", "specs"], in: root)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("Reader can read but not create resource groups  (specs/03-reader-permissions.yaml)"))
        #expect(listed.stdout.contains("  the reader cannot create a resource group  (line "))
    }

    @Test func validateWithoutTheEnvironmentNamesTheMissingVariables() async throws {
        let result = try await AzspecProcess.run(["validate", "specs"], in: AzspecProcess.packageRoot)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("specs/01-list-resource-groups.yaml:4:14: error: environment variable AZURE_TENANT_ID is not set"),
            "\(result.stderr)")
    }

    /// Every permission check of the example specs that asks the permissions API as the caller is also run as an
    /// audit of that identity's principal (by the reader, which may read assignments and Graph), and both decide each
    /// action the same way; for the reader's own check the auditor is the principal itself.
    @Test func everyExamplePermissionCheckAgreesWithAnAuditOfItsIdentity() async throws {
        let folder = AzspecProcess.packageRoot + "/specs"
        var checks: [[String: Any]] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        where file.hasSuffix(".yaml") && file != "azspec.yaml" {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            guard let suite = try Yams.load(yaml: text) as? [String: Any], let tests = suite["tests"] as? [[String: Any]] else { continue }
            for test in tests {
                guard var permissions = test["permissions"] as? [String: Any], permissions["principal"] == nil,
                    permissions["whoCan"] == nil, let identity = (test["identity"] ?? suite["identity"]) as? String
                else { continue }
                let name = test["name"] as? String ?? "check"
                checks.append(["name": "caller: " + name, "identity": identity, "permissions": permissions])
                permissions["principal"] = identity
                permissions["eligible"] = "ignored"  // the permissions API knows no eligible role
                checks.append(["name": "audit: " + name, "identity": "reader", "permissions": permissions])
            }
        }
        #expect(checks.count >= 4, "the examples hold permission checks: \(checks.count / 2)")
        let spec = try Yams.dump(object: [
            "name": "cross-check", "vars": ["subscriptionId": "{{env.AZURE_SUBSCRIPTION_ID}}"], "tests": checks,
        ])
        let run = try await BinaryRun(
            ["run", "--emulator", "specs", "-v"],
            files: ["specs/azspec.yaml": try String(contentsOfFile: folder + "/azspec.yaml", encoding: .utf8), "specs/cross.yaml": spec])
        #expect(run.status == 0, "\(run.all)")
        // Each action's verdict, test by test: `allowed: 'X' …` or `denied: 'X' …` under the test's line.
        var verdicts: [String: [String: [String: String]]] = ["caller": [:], "audit": [:]]
        var current: (kind: String, name: String)?
        for line in run.stdout.split(separator: "\n") {
            if let match = line.firstMatch(of: #/^  \S+ (caller|audit): (.*?)  \(\d+ ms\)$/#) {
                current = (String(match.output.1), String(match.output.2))
            } else if let current, let match = line.firstMatch(of: #/^\s+(allowed|denied)[^:']*: '([^']+)'/#.ignoresCase()) {
                verdicts[current.kind, default: [:]][current.name, default: [:]][String(match.output.2)] = match.output.1.lowercased()
            }
        }
        let names = Set(verdicts["caller", default: [:]].keys)
        #expect(names.count == checks.count / 2, "every check printed its verdicts: \(run.stdout)")
        for name in names.sorted() {
            let caller = verdicts["caller"]?[name] ?? [:]
            #expect(!caller.isEmpty, "\(name): \(run.stdout)")
            #expect(verdicts["audit"]?[name] == caller, "\(name): the audit decides as the permissions API does")
        }
    }
}
