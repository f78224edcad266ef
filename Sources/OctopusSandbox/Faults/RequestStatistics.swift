import Foundation
import Synchronization

/// Request counts per route template (`GET /api/{spaceId}/deployments`), for benchmarks and for
/// client and engine tests that assert how many requests an operation costs.
package final class RequestStatistics: Sendable {
    // A small dictionary bumped once per request: a mutex, not an actor, so counting stays synchronous.
    private let counts = Mutex<[String: Int]>([:])
    private let injected = Mutex(0)

    package init() {}

    /// Counts one request.
    package func record(method: String, route: String) {
        counts.withLock { $0["\(method) \(route)", default: 0] += 1 }
    }

    /// Counts by `"METHOD /route/{template}"`.
    package var snapshot: [String: Int] { counts.withLock { $0 } }

    /// Requests counted for one route (`count(.get, "/api/{spaceId}/deployments")`).
    package func count(_ method: String, _ route: String) -> Int {
        counts.withLock { $0["\(method) \(route)"] ?? 0 }
    }

    /// Every request counted.
    package var total: Int { counts.withLock { $0.values.reduce(0, +) } }

    /// Counts one injected fault (a 502/503 or a dropped connection).
    package func recordFault() { injected.withLock { $0 += 1 } }

    /// Faults injected so far (`--fail-rate`, `--reset-rate`).
    package var faults: Int { injected.withLock { $0 } }

    /// Starts counting from zero.
    package func reset() {
        counts.withLock { $0.removeAll() }
        injected.withLock { $0 = 0 }
    }
}
