import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOSSL

/// The production transport: AsyncHTTPClient with one process-wide `HTTPClient`.
///
/// TLS certificates are always fully verified and redirects are never followed: a redirect would
/// carry the API key header to wherever the server points, so it surfaces as a 3xx instead and
/// the error names the URL to use. Connection attempts are not retried inside the pool; the
/// client's `RetryPolicy` decides.
public struct AsyncHTTPTransport: HTTPTransport {
    /// The largest response body accepted (task logs of long deployments can be large).
    public var maximumResponseBytes: Int

    /// Connections kept open to one server at most, which bounds the requests in flight over HTTP/1.1 (HTTP/2
    /// multiplexes them on one). AsyncHTTPClient's default of 8 halved the promotion engine's 16 children at once: a
    /// 50-child find waited on the pool, not on the server (issue 10).
    public static let connectionsPerHost = 16

    /// Creates the transport over the shared client.
    public init(maximumResponseBytes: Int = 64 * 1024 * 1024) {
        self.maximumResponseBytes = maximumResponseBytes
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        switch request.method {
        case .get: outgoing.method = .GET
        case .head: outgoing.method = .HEAD
        case .post: outgoing.method = .POST
        case .put: outgoing.method = .PUT
        case .delete: outgoing.method = .DELETE
        }
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(body)
        }
        let milliseconds = request.timeout.components.seconds * 1000
            + request.timeout.components.attoseconds / 1_000_000_000_000_000
        do {
            let response = try await sharedHTTPClient.execute(outgoing, timeout: .milliseconds(milliseconds))
            let buffer = try await response.body.collect(upTo: maximumResponseBytes)
            var headers: [(name: String, value: String)] = []
            for field in response.headers {
                headers.append((name: field.name, value: field.value))
            }
            return TransportResponse(status: Int(response.status.code), headers: headers, body: Data(buffer.readableBytesView))
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw TransportFailure(reason: "timed out after \(request.timeout)")
        } catch let error as HTTPClientError where error == .cancelled {
            throw CancellationError()
        } catch let error as IOError {
            throw TransportFailure(reason: Self.reason(errno: error.errnoCode, url: request.url))
        } catch {
            throw TransportFailure(reason: String(describing: error))
        }
    }

    /// The system's reason for a failed connection in plain words, with where it was going: SwiftNIO's own
    /// description of the error nests its reasons ("connection reset (error set): Connection refused) (errno: 111)").
    static func reason(errno code: Int32, url: URL) -> String {
        let place = url.host.map { host in url.port.map { "\(host):\($0)" } ?? host } ?? url.absoluteString
        switch code {
        case ECONNREFUSED: return "connection refused (nothing accepts connections at \(place))"
        case ECONNRESET: return "the connection to \(place) was reset"
        case ETIMEDOUT: return "the connection to \(place) timed out"
        case EHOSTUNREACH: return "\(place) is unreachable (no route to the host)"
        case ENETUNREACH: return "\(place) is unreachable (the network is down or has no route)"
        default: return "\(String(cString: strerror(code))) (\(place))"
        }
    }
}

/// One client for the whole process: connection pooling across every `OctopusClient`.
/// Never shut down; it lives as long as the process.
private let sharedHTTPClient: HTTPClient = {
    var configuration = HTTPClient.Configuration(
        certificateVerification: .fullVerification,
        redirectConfiguration: .disallow,
        timeout: .init(connect: .seconds(15), read: .seconds(120))
    )
    configuration.decompression = .enabled(limit: .ratio(25))
    // A failed connection attempt surfaces at once: RetryPolicy owns retries (bounded, with
    // back-off), instead of the pool retrying silently until the connect timeout.
    configuration.connectionPool.retryConnectionEstablishment = false
    configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = AsyncHTTPTransport.connectionsPerHost
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
}()
