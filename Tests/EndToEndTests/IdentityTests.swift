import AzspecEmulator
import AzspecTesting
import Foundation
import Testing

/// Declared identities against the in-process emulator: acquired once per run, attached only where they belong,
/// failures reported with Entra's words.
@Suite(.serialized) struct IdentityTests {
    /// The emulator's variables plus the cloud pointed at it, as a CI job would set them.
    static func environment(_ endpoint: EmulatorEndpoint, _ extra: [String: String] = [:]) -> [String: String] {
        endpoint.environment.merging(
            ["AZURE_AUTHORITY_HOST": endpoint.baseURL, "AZURE_RESOURCE_MANAGER_ENDPOINT": endpoint.baseURL].merging(extra) { $1 }
        ) { $1 }
    }

    static let listGroups = """
            request:
              url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups"
              query: { api-version: "2021-04-01" }
            expect: { status: 200 }
        """

    @Test func oneTokenPerIdentityForTheWholeRun() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/azspec.yaml",
            """
            defaultIdentity: deployer
            identities:
              deployer: { kind: clientSecret }
            """)
        for file in 1...4 {
            let tests = (1...3).map { "  - name: list \($0)\n\(Self.listGroups)" }.joined(separator: "\n")
            try folder.write("specs/suite-\(file).yaml", "name: suite \(file)\nidentity: true\ntests:\n\(tests)\n")
        }
        try await Emulator.withRunning { endpoint in
            let result = try await folder.run(
                ["run", "specs", "--jobs", "4"], environment: Self.environment(endpoint))
            #expect(result.status == 0, "\(result.all)")
            #expect(result.stdout.contains("12 passed, 0 failed"))
            #expect(result.stdout.contains("1 token acquired"))
            #expect(await endpoint.tokenRequestCount() == 1, "12 tests in 4 concurrent files share one token")
            #expect(!result.all.contains("eyJ"))
        }
    }

    @Test func tokenClaimsCanBeCheckedBeforeAnyCall() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/claims.yaml",
            """
            name: the principal's token
            identities:
              v1: { kind: clientSecret, endpoint: v1 }
              v2: { kind: clientSecret }
            tests:
              - name: v1 token is an app token for this tenant
                identity: v1
                expect:
                  token:
                    tid: "{{env.AZURE_TENANT_ID}}"
                    appid: "{{env.AZURE_CLIENT_ID}}"
                    idtyp: app
                    ver: "1.0"
              - name: a Resource Manager token from the v2 endpoint is still v1.0, as Entra issues it
                identity: v2
                expect:
                  token: { appid: "{{env.AZURE_CLIENT_ID}}", ver: "1.0", azp: { exists: false }, roles: { exists: false } }
              - name: a wrong expectation fails with the claim named
                identity: v2
                expect:
                  token: { tid: not-this-tenant }
              - name: a v2.0 claim asked of a v1.0 token says which one it has
                identity: v2
                expect:
                  token: { azp: "{{env.AZURE_CLIENT_ID}}" }
            """)
        try await Emulator.withRunning { endpoint in
            let result = try await folder.run(["run", "specs"], environment: Self.environment(endpoint))
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stdout.contains("2 passed, 2 failed"), "\(result.stdout)")
            #expect(result.stdout.contains("token claim tid: expected \"not-this-tenant\", got \""))
            #expect(
                result.stdout.contains(
                    "token claim azp: expected \"\(endpoint.environment["AZURE_CLIENT_ID"] ?? "")\", found no value (the token is v1.0, which "
                        + "names it appid; its resource chose v1.0)"),
                "\(result.stdout)")
            #expect(await endpoint.tokenRequestCount() == 2, "one per identity")
        }
    }

    @Test func aFailingIdentityErrorsItsTestsOnceWithEntrasWords() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/mixed.yaml",
            """
            name: two identities
            identities:
              broken: { kind: clientSecret, secret: wrong-secret-value }
              good: { kind: clientSecret }
            tests:
              - name: broken 1
                identity: broken
            \(Self.listGroups)
              - name: good 1
                identity: good
            \(Self.listGroups)
              - name: broken 2
                identity: broken
            \(Self.listGroups)
            """)
        try await Emulator.withRunning { endpoint in
            let result = try await folder.run(["run", "specs"], environment: Self.environment(endpoint))
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stdout.contains("✓ good 1"))
            #expect(result.stdout.contains("identity 'broken' could not get a token: AADSTS7000215: Invalid client secret provided."))
            #expect(result.stdout.contains("(HTTP 401 invalid_client; trace ID "))
            #expect(result.stdout.contains("1 passed, 2 failed"))
            #expect(await endpoint.tokenRequestCount() == 2, "the broken identity asked once for both of its tests")
            let xml = try #require(folder.read("reports/junit.xml"))
            #expect(xml.contains("type=\"AuthenticationError\""))
            #expect(!xml.contains("wrong-secret-value"))
        }
    }

    /// A URL a server chose (a captured value) cannot take a token or a hand-written Authorization header to another
    /// port or scheme of the same host: refused before sending, and nothing reaches the other origin.
    @Test func aCapturedURLTakesNoCredentialToAnotherOrigin() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let closed = try await FaultServer.closedPort()
        try await FaultServer.withRunning { server in
            try await Emulator.withRunning { endpoint in
                let other = "https://127.0.0.1:\(endpoint.port)"  // the emulator's host and port, another scheme
                try folder.write(
                    "specs/captured.yaml",
                    """
                    name: captured URLs
                    vars: { base: "{{env.FAULT_URL}}" }
                    identities: { deployer: { kind: clientSecret } }
                    tests:
                      - name: a server names another port
                        request: { method: POST, url: "{{base}}/encode?as=raw", form: { value: ":\(closed)/echo" } }
                        expect: { status: 500 }
                        capture: { port: $.error.message }
                      - name: a server names another scheme
                        request: { method: POST, url: "{{base}}/encode?as=raw", form: { value: "\(other)/subscriptions" } }
                        expect: { status: 500 }
                        capture: { elsewhere: $.error.message }
                      - name: a server names the suite's own origin
                        request: { method: POST, url: "{{base}}/encode?as=raw", form: { value: ":\(server.port)/echo" } }
                        expect: { status: 500 }
                        capture: { same: $.error.message }
                      - name: the header does not follow it to another port
                        request: { url: "http://127.0.0.1{{port}}", headers: { Authorization: "Bearer hand-written-1" } }
                      - name: the token does not follow it to another scheme
                        identity: deployer
                        request: { url: "{{elsewhere}}" }
                      - name: the token does not follow it to another port
                        identity: deployer
                        request: { url: "http://127.0.0.1{{port}}" }
                      - name: the header goes where the suite's own URLs go
                        request: { url: "http://127.0.0.1{{same}}", headers: { Authorization: "Bearer hand-written-2" } }
                        expect: { json: { "$.headers.authorization": "Bearer hand-written-2" } }
                    """)
                let result = try await folder.run(
                    ["run", "specs"], environment: Self.environment(endpoint, ["FAULT_URL": server.baseURL]))
                let out = result.stdout
                #expect(result.status == 1, "\(result.all)")
                #expect(
                    out.contains(
                        "a hand-written Authorization header goes only to http://127.0.0.1:\(endpoint.port), "),
                    "\(out)")
                #expect(out.contains("http://127.0.0.1:\(closed) is none of them"), "\(out)")
                #expect(
                    out.contains(
                        "identity 'deployer' sends its token only to http://127.0.0.1:\(endpoint.port); https://127.0.0.1:\(endpoint.port) is none of them"
                    ), "\(out)")
                #expect(out.contains("✓ the header goes where the suite's own URLs go"), "\(out)")
                #expect(out.contains("4 passed, 3 failed"), "\(out)")
                #expect(server.bearerTokens == ["hand-written-2"], "only the allowed header reached a server: \(server.bearerTokens)")
            }
        }
    }

    @Test func tokensGoOnlyToTheResourceManagerHostOrListedHosts() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await FaultServer.withRunning { server in
            try folder.write(
                "static/literal.yaml",
                """
                name: literal host
                identities: { deployer: { kind: clientSecret } }
                tests:
                  - name: to another host
                    identity: deployer
                    request: { url: "\(server.baseURL)/echo" }
                """)
            try folder.write(
                "runtime/templated.yaml",
                """
                name: templated host
                identities:
                  deployer: { kind: clientSecret }
                  trusting: { kind: clientSecret, hosts: ["127.0.0.1:\(server.port)"] }
                tests:
                  - name: refused at run time
                    identity: deployer
                    request: { url: "{{env.FAULT_URL}}/echo" }
                  - name: allowed when listed
                    identity: trusting
                    request: { url: "{{env.FAULT_URL}}/echo" }
                    expect: { json: { "$.headers.authorization": { matches: "^Bearer " } } }
                  - name: a redirect to another host is not followed, so the token stays
                    identity: trusting
                    request: { url: "{{env.FAULT_URL}}/redirect" }
                    expect: { status: 302, headers: { location: "http://localhost:\(server.port)/echo" } }
                """)
            try await Emulator.withRunning { endpoint in
                let environment = Self.environment(endpoint, ["FAULT_URL": server.baseURL])
                let literal = try await folder.run(["run", "static"], environment: environment)
                #expect(literal.status == 2, "\(literal.all)")
                #expect(
                    literal.stderr.contains(
                        "static/literal.yaml:6:21: error: identity 'deployer' sends its token only to http://127.0.0.1:\(endpoint.port); "
                            + "http://127.0.0.1:\(server.port) is none of them"),
                    "\(literal.stderr)")
                let templated = try await folder.run(["run", "runtime", "--verbose"], environment: environment)
                #expect(templated.status == 1, "\(templated.all)")
                #expect(
                    templated.stdout.contains(
                        "http://127.0.0.1:\(server.port) is none of them (list its origin under the identity's hosts: to allow it); nothing was sent"
                    ), "\(templated.stdout)")
                #expect(templated.stdout.contains("✓ allowed when listed"))
                #expect(templated.stdout.contains("✓ a redirect to another host is not followed, so the token stays"))
                #expect(!templated.all.contains("eyJ"), "the echoed token is redacted")
            }
        }
    }

    @Test func tokenAndAzureCLIIdentities() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await Emulator.withRunning { endpoint in
            let token = try await endpoint.accessToken()
            // A stand-in for `az`: prints what the real one prints, and records its arguments.
            let fakeAz = try folder.write(
                "bin/fake-az",
                """
                #!/bin/sh
                echo "$@" > "\(folder.path)/az-arguments"
                printf '{"accessToken":"%s","expiresOn":"2099-01-01 00:00:00.000000","expires_on":4070908800,"tokenType":"Bearer"}' "$FAKE_AZ_TOKEN"
                """)
            chmod(fakeAz, 0o755)
            try folder.write(
                "specs/kinds.yaml",
                """
                name: token and cli
                identities:
                  pat: { kind: token, variable: MY_ARM_TOKEN }
                  cli: { kind: azureCli, command: ["\(fakeAz)", account, get-access-token] }
                  noaz: { kind: azureCli, command: [az-is-not-installed-here] }
                tests:
                  - name: a token from a variable
                    identity: pat
                \(Self.listGroups)
                  - name: a token from the Azure CLI
                    identity: cli
                \(Self.listGroups)
                """)
            let environment = Self.environment(endpoint, ["MY_ARM_TOKEN": token, "FAKE_AZ_TOKEN": token])
            let result = try await folder.run(["run", "specs"], environment: environment)
            #expect(result.status == 0, "\(result.all)")
            #expect(folder.read("az-arguments")?.contains("account get-access-token --resource \(endpoint.baseURL)/ --output json") == true)
            try folder.write(
                "bad/noaz.yaml",
                "name: no az\nidentities: { noaz: { kind: azureCli, command: [az-is-not-installed-here] } }\ntests:\n  - name: t\n    identity: noaz\n\(Self.listGroups)\n"
            )
            let missing = try await folder.run(["validate", "bad"], environment: environment)
            #expect(missing.status == 2)
            #expect(
                missing.stderr.contains("identity 'noaz': 'az-is-not-installed-here' was not found on PATH: is the Azure CLI installed?"))
            #expect(!result.all.contains(token) && !missing.all.contains(token))
        }
    }

    @Test func identityMistakesAreFoundBeforeSending() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/mistakes.yaml",
            """
            name: mistakes
            identities:
              cert: { kind: clientCertificate, certificate: /nonexistent/cert.pem }
              federated: { kind: workloadIdentity, tokenFile: "\(folder.path)/empty-token" }
              odd: { kind: clientSecrett }
            tests:
              - name: typo
                identity: deployr
            \(Self.listGroups)
              - name: missing certificate
                identity: cert
            \(Self.listGroups)
              - name: empty federated token
                identity: federated
            \(Self.listGroups)
            """)
        try folder.write("empty-token", "\n")
        try await Emulator.withRunning { endpoint in
            let result = try await folder.run(["run", "specs"], environment: Self.environment(endpoint))
            #expect(result.status == 2, "\(result.all)")
            let err = result.stderr
            #expect(err.contains("unknown identity kind 'clientSecrett' (did you mean 'clientSecret'?)"), "\(err)")
            #expect(err.contains("no identity named 'deployr'"))
            #expect(err.contains("identity 'cert':") && err.contains("/nonexistent/cert.pem"))
            #expect(err.contains("identity 'federated': the federated token file \(folder.path)/empty-token is empty"))
            #expect(await endpoint.tokenRequestCount() == 0)
        }
    }

    @Test func entraAnsweringWithSomethingElseIsAClearError() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await FaultServer.withRunning { server in
            try folder.write(
                "specs/portal.yaml",
                """
                name: a proxy answers instead of Entra ID
                identities: { deployer: { kind: clientSecret } }
                tests:
                  - name: list
                    identity: deployer
                \(Self.listGroups)
                """)
            try await Emulator.withRunning { endpoint in
                let environment = Self.environment(endpoint, ["AZURE_AUTHORITY_HOST": server.baseURL + "/html"])
                let result = try await folder.run(["run", "specs"], environment: environment)
                #expect(result.status == 1, "\(result.all)")
                #expect(
                    result.stdout.contains(
                        "identity 'deployer' could not get a token: Entra ID answered HTTP 200 with a body that is not JSON: <html><body>Sign in</body></html>"
                    ), "\(result.stdout)")
                #expect(await endpoint.tokenRequestCount() == 0)
            }
        }
    }
}
