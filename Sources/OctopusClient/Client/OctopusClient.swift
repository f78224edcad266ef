import Foundation
import Logging
import OctopusModel

/// A client for the Octopus REST API (Octopus Server 2020.1 and later, API 3.0), bound to one
/// server, API key and space.
///
/// Layers, bottom up: an `HTTPTransport` (AsyncHTTPClient in production, `RecordingTransport`
/// in tests), then retries (`RetryPolicy`), the `X-Octopus-ApiKey` header, the user agent, JSON
/// decoding, and `OctopusClientError`. Typed endpoints live in `Endpoints/` as extensions.
///
/// A value type: copies share the transport and are safe to use from many tasks at once.
public struct OctopusClient: Sendable {
    /// The connection settings.
    public let connection: OctopusConnection
    /// The id of the space every space-scoped call uses.
    public let spaceID: SpaceID
    /// The transport requests go through.
    public let transport: any HTTPTransport
    let logger: Logger

    /// Creates a client for a space whose id is already known (no request is made).
    public init(connection: OctopusConnection, spaceID: SpaceID, transport: any HTTPTransport = AsyncHTTPTransport(), logger: Logger = Logger(label: "conductor.client")) {
        self.connection = connection
        self.spaceID = spaceID
        self.transport = transport
        self.logger = logger
    }

    /// Connects: resolves the connection's space once and returns a client bound to it.
    ///
    /// A space id costs no request; a name costs one `GET /api/spaces?partialName=` (paged until
    /// the exact, case-insensitive match); the default space costs one `GET /api/spaces/all`.
    /// - Throws: `OctopusClientError.spaceNotFound` naming the spaces that exist, or any request error
    ///   (401 when the key is wrong).
    public static func connect(_ connection: OctopusConnection, transport: any HTTPTransport = AsyncHTTPTransport(), logger: Logger = Logger(label: "conductor.client")) async throws -> OctopusClient {
        let unbound = OctopusClient(connection: connection, spaceID: SpaceID(""), transport: transport, logger: logger)
        let spaceID = try await unbound.resolveSpace(connection.space)
        return OctopusClient(connection: connection, spaceID: spaceID, transport: transport, logger: logger)
    }

    /// A path in the client's space: `/api/<spaceId>/<segments...>`.
    public func spacePath(_ segments: String..., query: [APIPath.QueryItem] = []) -> APIPath {
        APIPath([spaceID.rawValue] + segments, query: query)
    }

    /// A system path outside any space: `/api/<segments...>`.
    public func systemPath(_ segments: String..., query: [APIPath.QueryItem] = []) -> APIPath {
        APIPath(segments, query: query)
    }
}
