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
    /// - Throws: `OctopusClientError.invalidServerURL` when `server` is not an absolute http(s) URL,
    ///   `.unusableServerURL` for a port out of range or `user:password@` in it, `.invalidAPIKey` when the key does
    ///   not have Octopus's format — all before any request.
    public init(
        server: String,
        apiKey: APIKey,
        space: SpaceSelector = .default,
        requestTimeout: Duration = .seconds(60),
        retryPolicy: RetryPolicy = .standard,
        userAgent: String = "conductor/0.1"
    ) throws(OctopusClientError) {
        self.serverRoot = try Self.serverRoot(from: server)
        if let problem = apiKey.formatProblem { throw .invalidAPIKey(problem) }
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
        // The port is checked on the text first: URL parsers differ on what they do with 99999.
        if let port = explicitPort(in: trimmed), !(1...65535).contains(port) {
            throw .unusableServerURL(trimmed, reason: "the port \(port) is out of range; use a port from 1 to 65535")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
              let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil
        else {
            throw .invalidServerURL(text)
        }
        if components.user != nil || components.password != nil {
            var shown = components
            shown.user = nil
            shown.password = nil
            throw .unusableServerURL(shown.string ?? "\(scheme)://\(host)", reason: "it holds a user name or password; Octopus authenticates with the API key, so remove 'user:password@' from the URL")
        }
        // URLComponents reads any digits as the port; the range is checked here, before anything uses it.
        if let port = components.port, !(1...65535).contains(port) {
            throw .unusableServerURL(trimmed, reason: "the port \(port) is out of range; use a port from 1 to 65535")
        }
        guard let url = components.url else { throw .invalidServerURL(text) }
        return url
    }

    /// The digits after the authority's last ':' (outside an IPv6 literal's brackets), when there are any.
    static func explicitPort(in text: String) -> Int? {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        let afterScheme = text[schemeEnd.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@").last ?? authority[...]
        guard let colon = hostPort.lastIndex(of: ":"), !hostPort[colon...].contains("]") else { return nil }
        let digits = hostPort[hostPort.index(after: colon)...]
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// Whether the API key travels unencrypted over the network: plain `http` to a host other than loopback
    /// (callers print one warning).
    public var sendsKeyInPlainText: Bool { Self.sendsKeyInPlainText(to: serverRoot) }

    /// The same for a server URL as a user typed it (false when it cannot be read: that error comes later).
    public static func sendsKeyInPlainText(server: String) -> Bool {
        (try? serverRoot(from: server)).map(sendsKeyInPlainText(to:)) ?? false
    }

    static func sendsKeyInPlainText(to serverRoot: URL) -> Bool {
        guard serverRoot.scheme?.lowercased() == "http", let host = serverRoot.host?.lowercased() else { return false }
        let loopback = host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
        return !loopback
    }
}
