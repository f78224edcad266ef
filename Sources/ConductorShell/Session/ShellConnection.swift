import Foundation
import OctopusClient
import OctopusModel

/// The server the session talks to: the client bound to a space, and what the prompt and the first line show.
public struct ShellConnection: Sendable {
    /// Where the connection came from (for the first stderr line and `show`).
    public enum Origin: Sendable, Hashable {
        case flags, environment, profile(String), octopusCLIConfig, embeddedSandbox, connectCommand
    }

    /// The client, bound to the space.
    public var client: OctopusClient
    /// The space's name.
    public var spaceName: String
    /// The key's user's display name.
    public var userName: String
    /// Where it came from.
    public var origin: Origin
    /// Whether this is the embedded sandbox.
    public var isSandbox: Bool { origin == .embeddedSandbox }

    /// The server as the prompt shows it: `sandbox`, or the host.
    public var serverLabel: String {
        isSandbox ? "sandbox" : (client.connection.serverRoot.host ?? client.connection.serverRoot.absoluteString)
    }

    /// The server URL, for messages.
    public var serverURL: String { client.connection.serverRoot.absoluteString }

    /// What tells plans of different servers apart: the URL, or `embedded sandbox` (whose port changes with every
    /// start while its data stays).
    public var identity: String { isSandbox ? Self.sandboxIdentity : serverURL }

    /// The embedded sandbox's identity.
    public static let sandboxIdentity = "embedded sandbox"

    /// The identity a server URL as typed will have once connected (the client's normalised root), without
    /// connecting: what `conductor __complete` finds the disk catalogue by.
    public static func identity(ofServer server: String) -> String {
        (try? OctopusConnection(server: server, apiKey: APIKey("none"), space: SpaceSelector(nil)))?.serverRoot.absoluteString ?? server
    }

    /// The key as `show` prints it: `API-****1234`.
    public var maskedKey: String {
        let key = client.connection.apiKey.revealed
        return key.count > 8 ? "API-****" + String(key.suffix(4)) : "API-****"
    }

    /// Opens a connection: resolves the space and reads the key's user (2–3 requests). `warn` hears, before the first
    /// request, that the key would travel in plain text (http to another machine).
    public static func open(
        server: String, apiKey: String, space: String?, origin: Origin, warn: (String) -> Void = { _ in }
    ) async throws -> ShellConnection {
        try await describing(try await client(server: server, apiKey: apiKey, space: space, warn: warn), origin: origin)
    }

    /// The first half of ``open``: the client bound to the space (1 request when the space is named, none for an id).
    public static func client(
        server: String, apiKey: String, space: String?, warn: (String) -> Void = { _ in }
    ) async throws -> OctopusClient {
        if let warning = ConnectionBanner.plainHTTPWarning(server: server) { warn(warning) }
        let connection = try OctopusConnection(server: server, apiKey: APIKey(apiKey), space: SpaceSelector(space))
        return try await OctopusClient.connect(connection)
    }

    /// The second half of ``open``: the key's user and the space's name, read at once (2 requests).
    public static func describing(_ client: OctopusClient, origin: Origin) async throws -> ShellConnection {
        async let user = client.currentUser()
        async let spaceDocument = client.space(client.spaceID)
        return ShellConnection(client: client, spaceName: try await spaceDocument.name, userName: try await user.displayName, origin: origin)
    }

    /// This connection moved to another space.
    public func inSpace(_ name: String) async throws -> ShellConnection {
        try await Self.open(server: serverURL, apiKey: client.connection.apiKey.revealed, space: name, origin: origin)
    }
}
