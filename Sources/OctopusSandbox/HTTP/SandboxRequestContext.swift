import Hummingbird
import NIOCore
import OctopusModel

/// Per-request state: Hummingbird's core context plus the user the API key identified.
package struct SandboxRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The authenticated caller; nil only on anonymous routes (`GET /api`).
    package var user: User?
    /// The API key's identity, as events record it (`IdentityEstablishedWith`): "ApiKey" or "Bearer".
    package var identityEstablishedWith: String?

    /// The connection, so fault injection can drop it (`--reset-rate`).
    package var channel: (any NIOCore.Channel)?

    package init(source: Source) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The authenticated caller, or a 401 error.
    package func authenticatedUser() throws -> User {
        guard let user else { throw SandboxError.unauthorized }
        return user
    }

    /// The `{spaceId}` route parameter (space-scoped routes), or a 404 when the route has none.
    package func spaceID() throws -> SpaceID {
        guard let value = parameters.get("spaceId") else { throw SandboxError.routeNotFound(path: "") }
        return SpaceID(value)
    }

    /// A required route parameter.
    package func parameter(_ name: String) throws -> String {
        guard let value = parameters.get(name) else { throw SandboxError.routeNotFound(path: "") }
        return value
    }
}
