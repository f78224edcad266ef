import Foundation
import OctopusClient
import Synchronization

/// A transport that forwards to the real one and records every request line (`GET /api/...`), so tests can assert
/// request counts and which calls were made.
final class CountingTransport: HTTPTransport {
    private let inner: any HTTPTransport
    private let log = Mutex<[String]>([])

    init(_ inner: any HTTPTransport = AsyncHTTPTransport()) {
        self.inner = inner
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let path = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
        log.withLock { $0.append("\(request.method.rawValue) \(path)") }
        return try await inner.send(request)
    }

    /// Requests sent so far.
    var requests: [String] { log.withLock { $0 } }

    /// How many requests were sent so far.
    var count: Int { log.withLock { $0.count } }

    /// Requests sent while `body` ran.
    func counting<T>(_ body: () async throws -> T) async rethrows -> (T, [String]) {
        let before = count
        let result = try await body()
        return (result, Array(requests.dropFirst(before)))
    }
}
