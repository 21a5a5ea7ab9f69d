import AzspecTesting
import Foundation
import Testing

/// `--emulator` means offline: a spec that names a host other than loopback is refused at validation, with its
/// line and column, and a URL that only a capture completes is refused before sending; nothing leaves the machine.
@Suite struct OfflineTests {
    static let spec = """
        name: offline
        tests:
          - name: the emulator
            request: { url: "{{cloud.arm}}/subscriptions", query: { api-version: "2022-12-01" } }
            expect: { status: 200 }
          - name: the internet
            request: { url: "https://example.com/" }
        """

    @Test func aHostOtherThanLoopbackIsRefusedBeforeAnythingIsSent() async throws {
        for command in [
            ["validate", "--emulator", "specs"], ["run", "--emulator", "specs"], ["run", "--emulator", "--dry-run", "specs"],
        ] {
            let run = try await BinaryRun(command, files: ["specs/offline.yaml": Self.spec])
            #expect(run.status == 2, "\(command): \(run.all)")
            #expect(
                run.stderr.contains(
                    "specs/offline.yaml:7:21: error: under --emulator nothing leaves this machine: https://example.com is not the "
                        + "emulator or loopback"),
                "\(command): \(run.stderr)")
        }
        let without = try await BinaryRun(
            ["validate", "specs"],
            files: ["specs/offline.yaml": Self.spec.replacingOccurrences(of: "{{cloud.arm}}", with: "https://management.azure.com")])
        #expect(without.status == 0, "without --emulator the same spec is valid: \(without.all)")
    }

    @Test func aCapturedHostIsRefusedBeforeSending() async throws {
        let run = try await BinaryRun(
            ["run", "--emulator", "specs", "-v"],
            files: [
                "specs/captured.yaml": """
                name: captured
                identity: true
                vars: { away: "https://example.com" }
                tests:
                  - name: a capture points away
                    request: { url: "{{cloud.arm}}/subscriptions", query: { api-version: "2022-12-01" } }
                    capture: { next: { json: "$.value[0].id" } }
                  - name: follow it
                    identity: false
                    request: { url: "{{away}}{{next}}" }
                """
            ])
        #expect(run.status == 1, "\(run.all)")
        let xml = try #require(run.junit)
        #expect(
            xml.contains(
                "under --emulator nothing leaves this machine: https://example.com is not the emulator or loopback; nothing was sent"),
            "\(xml)")
    }
}
