import Foundation

/// Everything needed to talk to one Octopus Server: where, as whom, in which space, how patiently.
public struct OctopusConnection: Sendable {
    /// The server root without `/api` and without a trailing slash, e.g. `https://octopus.example.com`.
    public let serverRoot: URL
    /// The API key sent as `X-Octopus-ApiKey` (prints redacted).
    public var apiKey: APIKey
    /// The space to work in, resolved once by `OctopusClient.connect`.
    public var space: SpaceSelector
    /// The time one request (one attempt) may take.
    public var requestTimeout: Duration
    /// Retries of transient failures.
    public var retryPolicy: RetryPolicy
    /// The `User-Agent` header.
    public var userAgent: String

    /// Creates a connection.
    ///
    /// - Parameters:
    ///   - server: the server URL, with or without a trailing `/api` (`https://host`,
    ///     `https://host/octopus/api/`).
    ///   - apiKey: the API key.
    ///   - space: the space (default: the server's default space).
    ///   - requestTimeout: per-attempt timeout (default 60 s).
    ///   - retryPolicy: retries (default `.standard`).
    ///   - userAgent: the user agent (default `conductor/0.1`).
    /// - Throws: `OctopusClientError.invalidServerURL` when `server` is not an absolute http(s) URL.
    public init(
        server: String,
        apiKey: APIKey,
        space: SpaceSelector = .default,
        requestTimeout: Duration = .seconds(60),
        retryPolicy: RetryPolicy = .standard,
        userAgent: String = "conductor/0.1"
    ) throws(OctopusClientError) {
        self.serverRoot = try Self.serverRoot(from: server)
        self.apiKey = apiKey
        self.space = space
        self.requestTimeout = requestTimeout
        self.retryPolicy = retryPolicy
        self.userAgent = userAgent
    }

    /// Normalises a user's server URL to the root the `/api` links are relative to.
    static func serverRoot(from text: String) throws(OctopusClientError) -> URL {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.lowercased().hasSuffix("/api") { trimmed.removeLast(4) }
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty,
              url.query == nil, url.fragment == nil
        else {
            throw .invalidServerURL(text)
        }
        return url
    }
}
