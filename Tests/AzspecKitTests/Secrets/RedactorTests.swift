import Testing

@testable import AzspecKit

@Suite struct RedactorTests {
    @Test func masksEveryOccurrenceLongestFirst() {
        let redactor = Redactor(secrets: ["secret-value", "secret-value-longer", "ab"])
        #expect(redactor.redact("a secret-value-longer and secret-value") == "a *** and ***")
        #expect(redactor.redact("ab stays: too short to be a secret") == "ab stays: too short to be a secret")
    }

    /// ARM's operation ids are base64url JSON too (`{"jobId":…}`): shown, so that polling can be followed; a JWT's
    /// header, alone or cut short, and any other lone segment of encoded JSON, are still masked.
    @Test func aLoneBase64SegmentIsShownOnlyWhenItIsAnOperationId() {
        let redactor = Redactor()
        let operation = "operationresults/eyJqb2JJZCI6IlJFU09VUkNFR1JPVVBERUxFVElPTkpPQi1SRy1QT0xMIn0?api-version=2021-04-01"
        #expect(redactor.redact(operation) == operation)
        #expect(redactor.redact("header eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9 only") == "header *** only")
        #expect(redactor.redact("cut eyJhbGciOiJSUzI1") == "cut ***")
        #expect(redactor.redact("encoded eyJjbGllbnRTZWNyZXQiOiJ4In0 credential") == "encoded *** credential", "{\"clientSecret\":…}")
        #expect(
            redactor.redact("whole eyJqb2JJZCI6IngifQ.eyJzdWIiOiJ4In0.c2ln") == "whole ***",
            "three segments are a token whatever the header")
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
