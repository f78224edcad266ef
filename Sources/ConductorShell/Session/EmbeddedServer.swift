import Foundation

/// The embedded Octopus-compatible sandbox, as the shell sees it. The executable conforms `SandboxServer` to it, so
/// the shell never imports the sandbox module (DESIGN.md's module graph).
public protocol EmbeddedServer: Sendable {
    /// Where it listens.
    var baseURL: URL { get }
    /// The seeded users the shell can act as (`connect sandbox as USER`).
    var accounts: [EmbeddedAccount] { get }
    /// The key the shell uses by default (the service account's).
    var defaultAPIKey: String { get }
    /// Stops it.
    func stop() async
}

/// Starts embedded servers (the executable provides it).
public protocol EmbeddedServerLauncher: Sendable {
    /// Starts a sandbox keeping its data in `database` (nil: in memory), with the sample seed when new.
    func start(database: URL?) async throws -> any EmbeddedServer
}

/// A seeded sandbox user.
public struct EmbeddedAccount: Sendable, Hashable {
    /// Display name, e.g. `Wes Admin`.
    public var displayName: String
    /// Its API key (never printed).
    public var apiKey: String
    /// Its role, e.g. `Web Admins: view, approve`.
    public var role: String

    /// Creates an account.
    public init(displayName: String, apiKey: String, role: String) {
        self.displayName = displayName
        self.apiKey = apiKey
        self.role = role
    }
}
