public import Logging

/// Starts and stops the local Entra ID + Azure Resource Manager emulator.
///
/// ```swift
/// try await Emulator.withRunning { endpoint in
///     // POST {baseURL}/{tenant}/oauth2/v2.0/token, then GET {baseURL}/subscriptions?api-version=…
/// }
/// ```
public enum Emulator {
    /// Starts the emulator on `host:port` (port 0 picks a free port; `tls` serves HTTPS), runs `body`, and always
    /// shuts down,
    /// also when `body` throws. Throws ``EmulatorError`` for an invalid configuration or when the address
    /// cannot be bound (for example, the port is in use).
    public static func withRunning<T: Sendable>(
        configuration: EmulatorConfiguration = .default,
        host: String = "127.0.0.1",
        port: Int = 0,
        tls: EmulatorTLS? = nil,
        logger: Logger? = nil,
        _ body: (EmulatorEndpoint) async throws -> T
    ) async throws -> T {
        let server = EmulatorServer(
            configuration: configuration, host: host, port: port, tls: tls, logger: logger ?? silentLogger)
        return try await server.run(handleSignals: false) { endpoint, _ in try await body(endpoint) }
    }

    /// Serves until the calling task is cancelled or the process receives SIGINT or SIGTERM (then returns
    /// normally); calls `onStarted` once the socket is bound. Throws ``EmulatorError`` like ``withRunning``.
    public static func serve(
        configuration: EmulatorConfiguration,
        host: String,
        port: Int,
        tls: EmulatorTLS? = nil,
        logger: Logger? = nil,
        onStarted: @escaping @Sendable (EmulatorEndpoint) -> Void
    ) async throws {
        let server = EmulatorServer(
            configuration: configuration, host: host, port: port, tls: tls, logger: logger ?? silentLogger)
        do {
            try await server.run(handleSignals: true) { endpoint, stopped in
                onStarted(endpoint)
                try await stopped.value()
            }
        } catch is CancellationError {
            return
        }
    }

    private static var silentLogger: Logger {
        Logger(label: "azspec.emulator", factory: { _ in SwiftLogNoOpLogHandler() })
    }
}
