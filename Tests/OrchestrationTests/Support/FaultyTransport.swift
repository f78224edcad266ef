import Foundation
import OctopusClient
import Synchronization

/// A proxy between the client and the sandbox that fails chosen requests: the next `times` requests whose line
/// (`POST /api/Spaces-1/interruptions/…/submit`) matches `pattern` get `status` (a 503 with no body) — or, with
/// `forwardFirst`, are passed to the server first and only their answer is replaced (the server did the work, the
/// client never heard).
final class FaultyTransport: HTTPTransport {
    struct Rule: Sendable {
        var method: HTTPMethod
        var pattern: String
        var times: Int
        var status: Int = 503
        var forwardFirst = false
    }

    private let inner: any HTTPTransport
    private let rules: Mutex<[Rule]>
    private let injected = Mutex(0)

    init(_ inner: any HTTPTransport, rules: [Rule]) {
        self.inner = inner
        self.rules = Mutex(rules)
    }

    /// Faults injected so far.
    var faults: Int { injected.withLock { $0 } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let line = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
        let rule = rules.withLock { rules -> Rule? in
            guard let index = rules.firstIndex(where: { $0.times > 0 && $0.method == request.method && line.contains($0.pattern) }) else { return nil }
            rules[index].times -= 1
            return rules[index]
        }
        guard let rule else { return try await inner.send(request) }
        injected.withLock { $0 += 1 }
        if rule.forwardFirst { _ = try await inner.send(request) }
        return TransportResponse(status: rule.status)
    }
}
