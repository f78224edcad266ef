import ConductorShell
import Foundation
import OctopusSandbox

/// The embedded sandbox behind the shell's `EmbeddedServer` protocol, so the shell never imports the sandbox.
struct EmbeddedSandbox: EmbeddedServer {
    /// Task steps run this many times faster than real time in the shell's sandbox.
    static let speed = 50.0

    let server: SandboxServer

    var baseURL: URL { server.baseURL }
    var defaultAPIKey: String { SampleSeed.releaseConductorAPIKey }
    var accounts: [EmbeddedAccount] {
        SampleSeed.accounts.map { EmbeddedAccount(displayName: $0.displayName, apiKey: $0.apiKey, role: $0.role) }
    }

    func stop() async { await server.stop() }
}

/// Starts the sample sandbox, keeping its data in a file so a session can be resumed after quitting.
struct EmbeddedSandboxLauncher: EmbeddedServerLauncher {
    func start(database: URL?) async throws -> any EmbeddedServer {
        let storage: SandboxConfiguration.Storage = database.map { .file($0) } ?? .memory
        let server = try await SandboxServer.start(SandboxConfiguration(storage: storage, seed: .sample, speed: Self.speed))
        return EmbeddedSandbox(server: server)
    }

    static let speed = EmbeddedSandbox.speed
}
