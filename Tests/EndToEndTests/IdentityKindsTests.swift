import AzspecTesting
import Foundation
import Testing

@testable import AzspecEmulator

/// Every kind of identity that talks to Entra ID or a managed identity endpoint, end to end: the built binary
/// against the in-process emulator, over real HTTP on loopback.
@Suite(.serialized) struct IdentityKindsTests {
    static let listGroups = IdentityTests.listGroups

    /// Made once: RSA key generation is slow in a debug build.
    static let certificate = Result { try SelfSignedCertificate(commonName: "azspec-ci") }

    /// The default configuration with `certificate` registered on the Contributor principal.
    static func configuration(tokenLifetime: Int = 3599) throws -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration.default
        configuration.tokenLifetime = tokenLifetime
        configuration.tenants[0].servicePrincipals[0].certificates = [.init(pem: try certificate.get().certificatePEM)]
        return configuration
    }

    @Test func clientCertificateSignsAnAssertionTheEmulatorAccepts() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pem = try folder.write("ci.pem", try Self.certificate.get().combinedPEM)
        let stranger = try folder.write("stranger.pem", try SelfSignedCertificate(commonName: "stranger").combinedPEM)
        try folder.write(
            "specs/certificate.yaml",
            """
            name: certificate
            identities:
              ci: { kind: clientCertificate, certificate: "{{env.CERT_PATH}}" }
              stranger: { kind: clientCertificate, certificate: "{{env.STRANGER_PATH}}" }
            tests:
              - name: the token says a certificate signed in
                identity: ci
                expect: { token: { appidacr: "2", appid: "{{env.AZURE_CLIENT_ID}}" } }
              - name: list with the certificate's token
                identity: ci
            \(Self.listGroups)
              - name: an unregistered certificate is refused
                identity: stranger
            \(Self.listGroups)
            """)
        try await Emulator.withRunning(configuration: try Self.configuration()) { endpoint in
            let environment = IdentityTests.environment(endpoint, ["CERT_PATH": pem, "STRANGER_PATH": stranger])
            let result = try await folder.run(["run", "specs"], environment: environment)
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stdout.contains("2 passed, 1 failed"), "\(result.stdout)")
            #expect(
                result.stdout.contains(
                    "identity 'stranger' could not get a token: AADSTS700027: The certificate with identifier used to sign the client assertion is not registered"
                ))
            #expect(await endpoint.tokenRequestCount() == 2, "one per identity")
            #expect(!result.all.contains("PRIVATE KEY") && !result.all.contains("eyJ"))
        }
    }

    @Test func theEnvironmentIdentityPicksTheCertificateOrTheFederatedTokenFile() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pem = try folder.write("ci.pem", try Self.certificate.get().combinedPEM)
        try folder.write("specs/default.yaml", "name: default identity\nidentity: true\ntests:\n  - name: list\n\(Self.listGroups)\n")
        try await Emulator.withRunning(configuration: try Self.configuration()) { endpoint in
            var environment = IdentityTests.environment(endpoint, ["AZURE_CLIENT_CERTIFICATE_PATH": pem])
            environment["AZURE_CLIENT_SECRET"] = nil
            let certificate = try await folder.run(["run", "specs", "--verbose"], environment: environment)
            #expect(certificate.status == 0, "\(certificate.all)")

            let federated = try await endpoint.federatedToken(subject: EmulatorConfiguration.Defaults.githubSubject)
            environment["AZURE_CLIENT_CERTIFICATE_PATH"] = nil
            environment["AZURE_FEDERATED_TOKEN_FILE"] = try folder.write("federated-token", federated + "\n")
            let workload = try await folder.run(["run", "specs"], environment: environment)
            #expect(workload.status == 0, "\(workload.all)")
            #expect(await endpoint.tokenRequestCount(clientId: EmulatorConfiguration.Defaults.smokeClientId) == 2)
            #expect(!workload.all.contains(federated))
        }
    }

    @Test func workloadIdentityFromATokenFileOrGitHubActions() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await Emulator.withRunning { endpoint in
            let subject = EmulatorConfiguration.Defaults.githubSubject
            let file = try folder.write("token", try await endpoint.federatedToken(subject: subject))
            let expired = try folder.write("expired", try await endpoint.federatedToken(subject: subject, lifetime: -60))
            let wrongSubject = try folder.write("wrong", try await endpoint.federatedToken(subject: "repo:evil/fork:ref:refs/heads/main"))
            try folder.write(
                "specs/workload.yaml",
                """
                name: workload identity
                identities:
                  aks: { kind: workloadIdentity, tokenFile: "\(file)" }
                  github: { kind: workloadIdentity }
                  fork: { kind: workloadIdentity, tokenFile: "\(wrongSubject)" }
                tests:
                  - name: from a token file
                    identity: aks
                \(Self.listGroups)
                  - name: from GitHub's OIDC endpoint
                    identity: github
                \(Self.listGroups)
                  - name: another repository's token is refused
                    identity: fork
                \(Self.listGroups)
                """)
            let result = try await folder.run(["run", "specs"], environment: IdentityTests.environment(endpoint))
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stdout.contains("2 passed, 1 failed"), "\(result.stdout)")
            #expect(
                result.stdout.contains(
                    "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:evil/fork:ref:refs/heads/main'"
                ))
            #expect(await endpoint.tokenRequestCount() == 3)

            try folder.write(
                "late/expired.yaml",
                "name: expired\nidentities: { old: { kind: workloadIdentity, tokenFile: \"\(expired)\" } }\ntests:\n  - name: t\n    identity: old\n\(Self.listGroups)\n"
            )
            let late = try await folder.run(["validate", "late"], environment: IdentityTests.environment(endpoint))
            #expect(late.status == 2)
            #expect(late.stderr.contains("identity 'old': the federated token in \(expired) expired at "), "\(late.stderr)")
        }
    }

    @Test func managedIdentityInTheAppServiceAndTheIMDSShapes() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "specs/managed.yaml",
            """
            name: managed identity
            identities:
              mi: { kind: managedIdentity, clientId: "{{env.AZSPEC_MI_CLIENT_ID}}" }
            identity: mi
            tests:
              - name: the token names the identity's resource
                expect: { token: { xms_mirid: { matches: "/userassignedidentities/azspec-mi$" } } }
              - name: a Reader may list
            \(Self.listGroups)
              - name: a Reader may not create
                request:
                  method: PUT
                  url: "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups/rg-new"
                  query: { api-version: "2021-04-01" }
                  json: { location: westeurope }
                expect: { status: 403, json: { $.error.code: AuthorizationFailed } }
            """)
        let closedPort = try await FaultServer.closedPort()
        try await Emulator.withRunning { endpoint in
            // App Service: IDENTITY_ENDPOINT and IDENTITY_HEADER win; the IMDS address is dead to prove it is unused.
            var environment = IdentityTests.environment(
                endpoint, ["AZSPEC_IMDS_ENDPOINT": "http://127.0.0.1:\(closedPort)/metadata/identity/oauth2/token"])
            let appService = try await folder.run(["run", "specs"], environment: environment)
            #expect(appService.status == 0, "\(appService.all)")
            // IMDS: without the App Service variables, at the configured (loopback) endpoint.
            environment["IDENTITY_ENDPOINT"] = nil
            environment["IDENTITY_HEADER"] = nil
            environment["AZSPEC_IMDS_ENDPOINT"] = endpoint.environment["AZSPEC_IMDS_ENDPOINT"]
            let imds = try await folder.run(["run", "specs"], environment: environment)
            #expect(imds.status == 0, "\(imds.all)")
            #expect(await endpoint.tokenRequestCount(clientId: EmulatorConfiguration.Defaults.managedIdentityClientId) == 2)
        }
    }

    @Test func tokensAreRenewedBeforeTheyExpire() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await FaultServer.withRunning { server in
            try folder.write(
                "specs/renew.yaml",
                """
                name: renewal
                identities: { deployer: { kind: clientSecret } }
                tests:
                  - name: first
                    identity: deployer
                \(Self.listGroups)
                  - name: five seconds pass
                    request: { url: "{{env.FAULT_URL}}/slow" }
                  - name: after the renewal point
                    identity: deployer
                \(Self.listGroups)
                  - name: same token again
                    identity: deployer
                \(Self.listGroups)
                """)
            // An 8-second token is renewed half-way (short tokens) — after the 5-second pause, once.
            try await Emulator.withRunning(configuration: try Self.configuration(tokenLifetime: 8)) { endpoint in
                let environment = IdentityTests.environment(endpoint, ["FAULT_URL": server.baseURL])
                let result = try await folder.run(["run", "specs"], environment: environment)
                #expect(result.status == 0, "\(result.all)")
                #expect(result.stdout.contains("2 tokens acquired"), "\(result.stdout)")
                #expect(await endpoint.tokenRequestCount() == 2)
            }
        }
    }

    @Test func aRefusedTokenIsReplacedAndTheRequestRetriedOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await FaultServer.withRunning { server in
            try folder.write(
                "specs/refused.yaml",
                """
                name: refused token
                identities: { deployer: { kind: clientSecret, hosts: ["127.0.0.1:\(server.port)"] } }
                identity: deployer
                tests:
                  - name: the first token is refused, the second accepted
                    request: { url: "{{env.FAULT_URL}}/reject-first-token" }
                    expect: { status: 200 }
                  - name: the second token is kept
                    request: { url: "{{env.FAULT_URL}}/reject-first-token" }
                    expect: { status: 200 }
                """)
            try await Emulator.withRunning { endpoint in
                let environment = IdentityTests.environment(endpoint, ["FAULT_URL": server.baseURL])
                let result = try await folder.run(["run", "specs"], environment: environment)
                #expect(result.status == 0, "\(result.all)")
                #expect(await endpoint.tokenRequestCount() == 2, "one renewal after the 401, then the new token is reused")
            }
        }
    }

    @Test func anHTTPSEmulatorIsTrustedThroughCaCert() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let tls = try EmulatorTLS.generate()
        let ca = try folder.write("emulator-ca.pem", try #require(tls.caCertificatePEM))
        try await Emulator.withRunning(tls: tls) { endpoint in
            let environment = IdentityTests.environment(endpoint)
            let specs = AzspecProcess.packageRoot + "/specs"
            let trusted = try await folder.run(["run", specs, "--ca-cert", ca], environment: environment)
            #expect(trusted.status == 0, "\(trusted.all)")
            #expect(trusted.stdout.contains("31 passed, 0 failed"))
            let untrusted = try await folder.run(["run", specs], environment: environment)
            #expect(untrusted.status == 1, "\(untrusted.all)")
            #expect(
                untrusted.stdout.contains(
                    "the TLS certificate of 127.0.0.1:\(endpoint.port) did not verify (CERTIFICATE_VERIFY_FAILED): trust its CA with --ca-cert FILE"
                ), "\(untrusted.stdout)")
        }
        let inProcess = try await folder.run(
            ["run", "--emulator", "--emulator-tls", AzspecProcess.packageRoot + "/specs"])
        #expect(inProcess.status == 0, "\(inProcess.all)")
        #expect(inProcess.stderr.contains("emulator: Entra ID and ARM at https://127.0.0.1:"))
    }

    @Test func aCustomCloudsAudienceIsWhatTokensAreAskedFor() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await Emulator.withRunning { endpoint in
            try folder.write(
                "specs/azspec.yaml",
                """
                cloud: { login: "\(endpoint.baseURL)", arm: "\(endpoint.baseURL)", audience: "https://management.core.windows.net/" }
                identities:
                  v2: { kind: clientSecret }
                  v1: { kind: clientSecret, endpoint: v1 }
                """)
            try folder.write(
                "specs/audience.yaml",
                """
                name: audience
                tests:
                  - name: v2 scope (Entra drops the slash of the scope's resource)
                    identity: v2
                    expect: { token: { aud: "https://management.core.windows.net" } }
                  - name: v1 resource
                    identity: v1
                    expect: { token: { aud: "https://management.core.windows.net/" } }
                  - name: ARM takes the token
                    identity: v2
                \(Self.listGroups)
                """)
            var environment = endpoint.environment
            environment["AZURE_AUTHORITY_HOST"] = nil
            let result = try await folder.run(["run", "specs"], environment: environment)
            #expect(result.status == 0, "\(result.all)")
            #expect(result.stdout.contains("3 passed, 0 failed"))
        }
    }
}
