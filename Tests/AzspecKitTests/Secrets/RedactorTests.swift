import Testing

@testable import AzspecKit

@Suite struct RedactorTests {
    @Test func masksEveryOccurrenceLongestFirst() {
        let redactor = Redactor(secrets: ["secret-value", "secret-value-longer", "ab"])
        #expect(redactor.redact("a secret-value-longer and secret-value") == "a *** and ***")
        #expect(redactor.redact("ab stays: too short to be a secret") == "ab stays: too short to be a secret")
    }

    @Test func secretStoreLearnsDuringARun() {
        let store = SecretStore(["initial-secret"])
        store.add("eyJ0eXAiOiJKV1QiLCJhbGciOi.token")
        #expect(store.redactor.redact("Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.token initial-secret") == "Bearer *** ***")
    }

    @Test(arguments: ["AZURE_CLIENT_SECRET", "AZSPEC_READER_CLIENT_SECRET", "GITHUB_TOKEN", "MY_PASSWORD", "API_KEY"])
    func secretLookingNames(_ name: String) {
        #expect(SecretPolicy.isSecretVariable(name))
    }

    @Test(arguments: ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "HOME", "PATH"])
    func ordinaryNames(_ name: String) {
        #expect(!SecretPolicy.isSecretVariable(name))
    }
}
