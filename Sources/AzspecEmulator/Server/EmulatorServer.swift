import Hummingbird
import Logging
import NIOCore

/// Builds the emulator's parts from a configuration and runs the Hummingbird application for a scope.
struct EmulatorServer {
    let configuration: EmulatorConfiguration
    let host: String
    let port: Int
    let logger: Logger

    /// Validates the configuration, generates the signing key, binds, runs `body` while serving, then shuts down
    /// (also when `body` throws). A failed bind throws ``EmulatorError`` before `body` runs.
    func run<T: Sendable>(
        handleSignals: Bool,
        _ body: (EmulatorEndpoint, _ stopped: OneShot<Void>) async throws -> T
    ) async throws -> T {
        try configuration.validate()
        let directory = Directory(configuration)
        let signer = try TokenSigner()
        let state = EmulatorState(directory: directory)
        let responder = EmulatorResponder(
            advertisedHost: EmulatorAddress.advertisedHost(host),
            tokens: TokenEndpoint(directory: directory, signer: signer, state: state),
            discovery: DiscoveryEndpoint(directory: directory, signer: signer),
            arm: ARMService(directory: directory, state: state, authenticator: Authenticator(signer: signer))
        )
        let started = OneShot<Int>()
        let stopped = OneShot<Void>()
        let requestedPort = port
        let application = Application(
            responder: responder,
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
            let endpoint = EmulatorEndpoint(
                baseURL: EmulatorAddress.baseURL(host: host, port: boundPort),
                port: boundPort,
                environment: configuration.environment,
                state: state
            )
            defer { group.cancelAll() }
            return try await body(endpoint, stopped)
        }
    }
}
