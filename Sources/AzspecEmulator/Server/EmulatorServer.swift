import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore

/// Builds the emulator's parts from a configuration and runs the Hummingbird application for a scope.
struct EmulatorServer {
    let configuration: EmulatorConfiguration
    let host: String
    let port: Int
    /// Serve HTTPS with this identity; nil: plain HTTP.
    let tls: EmulatorTLS?
    let logger: Logger

    /// Validates the configuration, generates the signing key, binds, runs `body` while serving, then shuts down
    /// (also when `body` throws). A failed bind throws ``EmulatorError`` before `body` runs.
    func run<T: Sendable>(
        handleSignals: Bool,
        _ body: (EmulatorEndpoint, _ stopped: OneShot<Void>) async throws -> T
    ) async throws -> T {
        try configuration.validate()
        let directory = Directory(configuration)
        let signer = try TokenSigner(.accessTokens)
        let issuer = TestIssuer(
            signer: try TokenSigner(.testIssuer),
            githubRequestToken: configuration.githubRequestToken,
            githubSubject: configuration.githubSubject
        )
        let state = EmulatorState(directory: directory)
        let tokens = AccessTokenIssuer(signer: signer, lifetime: directory.tokenLifetime)
        let assertions = ClientAssertionVerifier(
            directory: directory, issuers: directory.federatedIssuers + [issuer.federatedIssuer], state: state)
        let authenticator = Authenticator(signer: signer)
        let responder = EmulatorResponder(
            scheme: tls == nil ? "http" : "https",
            advertisedHost: EmulatorAddress.advertisedHost(host),
            tokens: TokenEndpoint(directory: directory, tokens: tokens, assertions: assertions, state: state),
            discovery: DiscoveryEndpoint(directory: directory, signer: signer),
            managedIdentity: ManagedIdentityEndpoint(
                directory: directory, tokens: tokens, state: state, identityHeader: configuration.identityHeader),
            testIssuer: TestIssuerEndpoint(issuer: issuer),
            arm: ARMService(directory: directory, state: state, authenticator: authenticator),
            graph: GraphService(directory: directory, authenticator: authenticator)
        )
        let server: HTTPServerBuilder = try tls.map { try .tls(.http1(), tlsConfiguration: $0.configuration()) } ?? .http1()
        let started = OneShot<Int>()
        let stopped = OneShot<Void>()
        let requestedPort = port
        let application = Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                started.complete(.success(channel.localAddress?.port ?? requestedPort))
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    if handleSignals {
                        try await application.runService()
                    } else {
                        try await application.runService(gracefulShutdownSignals: [])
                    }
                    started.complete(.failure(EmulatorError.stoppedBeforeStart))
                    stopped.complete(.success(()))
                } catch {
                    started.complete(.failure(error))
                    stopped.complete(.failure(error))
                    throw error
                }
            }
            let boundPort: Int
            do {
                boundPort = try await started.value()
            } catch let error as EmulatorError {
                throw error
            } catch {
                throw EmulatorError.bindFailed(host: host, port: port, underlying: error)
            }
            let baseURL = EmulatorAddress.baseURL(scheme: tls == nil ? "http" : "https", host: host, port: boundPort)
            let endpoint = EmulatorEndpoint(
                baseURL: baseURL,
                port: boundPort,
                environment: configuration.environment.mapValues {
                    EmulatorAddress.resolvingPlaceholder($0, baseURL: baseURL)
                },
                caCertificatePEM: tls?.caCertificatePEM,
                state: state
            )
            defer { group.cancelAll() }
            return try await body(endpoint, stopped)
        }
    }
}
