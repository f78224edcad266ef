import Foundation

/// Request counts per route template (`GET /api/{spaceId}/deployments`), for benchmarks and for
/// client and engine tests that assert how many requests an operation costs.
public final class RequestStatistics: @unchecked Sendable {
    // Guarded by `lock`: a small dictionary bumped once per request.
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var injected = 0

    public init() {}

    /// Counts one request.
    public func record(method: String, route: String) {
        lock.withLock { counts["\(method) \(route)", default: 0] += 1 }
    }

    /// Counts by `"METHOD /route/{template}"`.
    public var snapshot: [String: Int] { lock.withLock { counts } }

    /// Requests counted for one route (`count(.get, "/api/{spaceId}/deployments")`).
    public func count(_ method: String, _ route: String) -> Int {
        lock.withLock { counts["\(method) \(route)"] ?? 0 }
    }

    /// Every request counted.
    public var total: Int { lock.withLock { counts.values.reduce(0, +) } }

    /// Counts one injected fault (a 502/503 or a dropped connection).
    public func recordFault() { lock.withLock { injected += 1 } }

    /// Faults injected so far (`--fail-rate`, `--reset-rate`).
    public var faults: Int { lock.withLock { injected } }

    /// Starts counting from zero.
    public func reset() {
        lock.withLock {
            counts.removeAll()
            injected = 0
        }
    }
}
