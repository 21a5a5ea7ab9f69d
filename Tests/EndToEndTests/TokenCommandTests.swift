import AzspecTesting
import Foundation
import Testing

/// `azspec token`: an identity's token decoded, for writing claim assertions; the token and its signature never shown.
@Suite struct TokenCommandTests {
    @Test func theClaimsAreShownAndTheTokenIsNot() async throws {
        let project = try String(contentsOfFile: AzspecProcess.packageRoot + "/specs/azspec.yaml", encoding: .utf8)
        let graph = try await BinaryRun(
            ["token", "--emulator", "--identity", "reader", "--resource", "graph"], files: ["specs/azspec.yaml": project], reading: [])
        #expect(graph.status == 0, "\(graph.all)")
        #expect(
            graph.stdout.hasPrefix("identity 'reader' (clientSecret), audience https://graph.microsoft.com/: a v1.0 token;"),
            "\(graph.stdout)")
        #expect(
            graph.stdout.contains(#""roles": [\#n      "Directory.Read.All",\#n      "RoleEligibilitySchedule.Read.Directory"\#n    ]"#),
            "\(graph.stdout)")
        #expect(graph.stdout.contains(#""alg": "RS256""#), "the header")
        #expect(!graph.all.contains("eyJ"), "no token or piece of one: \(graph.all)")
        let arm = try await BinaryRun(["token", "--emulator", "--identity", "reader"], files: ["specs/azspec.yaml": project], reading: [])
        #expect(arm.status == 0, "\(arm.all)")
        #expect(!arm.stdout.contains(#""roles""#), "no Graph permission in a Resource Manager token: \(arm.stdout)")
        let unknown = try await BinaryRun(
            ["token", "--emulator", "--identity", "raeder"], files: ["specs/azspec.yaml": project], reading: [])
        #expect(unknown.status == 2, "\(unknown.all)")
        #expect(unknown.stderr.contains("unknown identity 'raeder' (did you mean 'reader'?)"), "\(unknown.stderr)")
        let refused = try await BinaryRun(
            ["token", "--emulator", "--identity", "reader", "--resource", "https://api.unknown.example"],
            files: ["specs/azspec.yaml": project],
            reading: [])
        #expect(refused.status == 1, "\(refused.all)")
        #expect(refused.stderr.contains("AADSTS500011"), "Entra's words: \(refused.stderr)")
    }
}
