import Hummingbird
import OctopusModel

/// Every failure the sandbox answers with: what went wrong and about which input. Status codes and
/// message text live in one place (`SandboxError+Rendering.swift`).
package enum SandboxError: Error, Sendable, Equatable {
    /// No route matches (404).
    case routeNotFound(path: String)
    /// A resource id (or slug/name/version) that does not exist (404).
    case resourceNotFound(kind: String, id: String)
    /// A 404 with a message of its own (Octopus words some 404s specifically).
    case notFound(message: String, detail: String)
    /// Missing or invalid credentials (401).
    case unauthorized
    /// The caller lacks a permission (403).
    case forbidden(permission: String, detail: String? = nil)
    /// Unparseable body, wrong JSON types, or a bad query parameter (400).
    case badRequest(message: String, errors: [String] = [])
    /// A request that is well-formed but violates a rule; Octopus's 400 validation shape
    /// ("There was a problem with your request." plus the specific messages).
    case validation([String])
    /// The path exists but not for this method (405).
    case methodNotAllowed(method: String, path: String)
    /// A body was required but none was sent (415).
    case unsupportedMediaType(message: String)
    /// An injected or real server-side failure (503/500).
    case serviceUnavailable(message: String)
    /// An unexpected internal failure (500), with the underlying error's description.
    case internalFailure(detail: String)
    /// 408: the request body did not arrive in time.
    case requestTimeout(seconds: Int)
    /// 413: the request body is larger than the sandbox accepts.
    case payloadTooLarge(maximumBytes: Int)
    /// 403: a browser request from another site (its `Origin` or `Sec-Fetch-Site` says so); a page elsewhere must
    /// never drive the sandbox with a key it carries in the URL.
    case crossSiteRequest(origin: String)
}
