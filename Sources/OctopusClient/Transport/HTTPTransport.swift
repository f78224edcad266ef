import Foundation

/// The HTTP methods the Octopus REST API uses.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"

    /// Whether repeating the request has the same effect as sending it once (RFC 9110 §9.2.2).
    public var isIdempotent: Bool { self != .post }
}

/// One HTTP request as the transport sees it: already authenticated, already encoded.
public struct TransportRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL.
    public var url: URL
    /// Header fields, in order.
    public var headers: [(name: String, value: String)]
    /// The body, when there is one.
    public var body: Data?
    /// How long the request may take from start to the last byte of the response.
    public var timeout: Duration

    /// Creates a request.
    public init(method: HTTPMethod, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil, timeout: Duration = .seconds(60)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The first value of a header field, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// One HTTP response as the transport returns it.
public struct TransportResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields, in order.
    public var headers: [(name: String, value: String)]
    /// The complete body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header field, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Why a transport could not produce a response (connection refused or dropped, timeout, TLS).
///
/// Anything a transport throws that is not a `TransportFailure` or `CancellationError` is treated
/// as a connection failure too.
public struct TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short, key-free explanation ("connection reset by peer", "timed out after 60 s").
    public var reason: String

    /// Creates a failure.
    public init(reason: String) { self.reason = reason }

    public var description: String { reason }
}

/// The one capability the client needs from the network: send a request, get the response.
///
/// Retries, authentication, the user agent, JSON and errors are layered above it by
/// `OctopusClient`, so tests can inject a `RecordingTransport` and production uses
/// `AsyncHTTPTransport`. A transport returns every HTTP status as a response; it throws only
/// when no response arrived.
public protocol HTTPTransport: Sendable {
    /// Sends one request and returns the complete response.
    /// - Throws: `TransportFailure` (or any error) when no response arrived; `CancellationError`.
    func send(_ request: TransportRequest) async throws -> TransportResponse
}
