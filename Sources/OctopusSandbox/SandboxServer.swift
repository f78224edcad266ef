import Foundation
import Hummingbird
import Logging
import NIOCore
import OctopusModel
import ServiceLifecycle
import UnixSignals

/// The embedded Octopus-compatible server, running in-process on 127.0.0.1.
///
/// ```swift
/// let server = try await SandboxServer.start(SandboxConfiguration(seed: .sample))
/// // server.baseURL, e.g. http://127.0.0.1:53127 ; API key: SampleSeed.releaseConductorAPIKey
/// await server.stop()
/// ```
public final class SandboxServer: Sendable {
    /// `http://127.0.0.1:<port>` (no trailing slash; the API is under `/api`).
    public let baseURL: URL
    /// The TCP port the server listens on.
    public let port: Int
    /// The store behind the server (tests may inspect or modify it directly).
    package let store: SandboxStore
    /// The clock the server runs on.
    public let clock: any SandboxClock
    /// The configuration it was started with.
    public let configuration: SandboxConfiguration
    /// Everything route handlers use.
    package let services: SandboxServices

    private let serviceGroup: ServiceGroup
    private let runTask: Task<Void, any Error>

    private init(
        baseURL: URL, port: Int, services: SandboxServices, serviceGroup: ServiceGroup,
        runTask: Task<Void, any Error>
    ) {
        self.port = port
        self.baseURL = baseURL
        self.store = services.store
        self.clock = services.clock
        self.configuration = services.configuration
        self.services = services
        self.serviceGroup = serviceGroup
        self.runTask = runTask
    }

    /// Opens (and seeds, when new) the store, starts listening, and returns once the port is bound.
    /// - Parameters:
    ///   - configuration: port, storage, seed, clock and simulation settings.
    ///   - stopOnSignals: stop gracefully on SIGINT/SIGTERM (the `conductor sandbox serve` command);
    ///     in-process users (tests, the shell) leave signals alone.
    /// - Returns: the running server, with its bound port and base URL.
    /// - Throws: the store's error when it cannot be opened or seeded; `SandboxError.serviceUnavailable`
    ///   when the port cannot be bound.
    public static func start(
        _ configuration: SandboxConfiguration = SandboxConfiguration(), stopOnSignals: Bool = false
    ) async throws -> SandboxServer {
        let store: SandboxStore
        switch configuration.storage {
        case .memory: store = try SandboxStore.inMemory()
        case .file(let url): store = try SandboxStore.file(at: url)
        }
        if try await store.isEmpty() {
            try await SandboxSeeder.seed(configuration.seed, into: store, configuration: configuration)
        }
        let services = SandboxServices(store: store, clock: configuration.clock, configuration: configuration)
        let router = Router(context: SandboxRequestContext.self, options: [.autoGenerateHeadEndpoints, .caseInsensitive])
        SandboxRoutes.register(on: router, services: services)
        let responder = SandboxResponder(router: router.buildResponder(), services: services)

        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "conductor.sandbox")
        logger.logLevel = .warning
        let application = Application(
            responder: responder,
            // A connection that sends nothing (between requests, or a request head that never completes) is closed.
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000 + configuration.idleTimeout.components.attoseconds / 1_000_000_000))),
            configuration: .init(address: .hostname("127.0.0.1", port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        let serviceGroup = ServiceGroup(
            configuration: .init(
                services: [application], gracefulShutdownSignals: stopOnSignals ? [.sigint, .sigterm] : [],
                logger: logger))
        // The server outlives this call by design (tests and the shell start it, then talk to it);
        // stop() ends the task.
        let runTask = Task {
            defer { portContinuation.finish() }
            try await serviceGroup.run()
        }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0, let baseURL = URL(string: "http://127.0.0.1:\(port)") else {
            runTask.cancel()
            var reason = "the server stopped before it was listening"
            if case .failure(let error) = await runTask.result { reason = String(describing: error) }
            throw SandboxError.serviceUnavailable(
                message: "The sandbox could not listen on 127.0.0.1:\(configuration.port) (\(reason)). Pick another --port, or 0 for any free port.")
        }
        return SandboxServer(baseURL: baseURL, port: port, services: services, serviceGroup: serviceGroup, runTask: runTask)
    }

    /// Stops listening and waits for in-flight requests to finish.
    public func stop() async {
        await serviceGroup.triggerGracefulShutdown()
        _ = await runTask.result
    }

    /// Waits until the server stops (``stop()`` from elsewhere, or a failure).
    public func waitUntilStopped() async throws {
        try await runTask.value
    }

    /// Starts a server, runs `body` with it, and stops it afterwards (also when `body` throws).
    public static func withRunning<T: Sendable>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (SandboxServer) async throws -> T
    ) async throws -> T {
        let server = try await start(configuration)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}
