import Foundation
import GRDB
import Hummingbird
import OctopusModel
import Synchronization

/// The encoded answers of the dashboard and project progression, kept until the database changes.
///
/// A dashboard is polled far more often than deployments change, and its answer on the large seed is 186 KB, whose
/// reading and encoding were most of a request's time (issue 10). An entry holds the exact bytes first sent and stays
/// valid until the data changes (``UntilChangedCache``): any insert, update or delete, task progress included, ends
/// it. An answer that shows a task still running is not kept, since its `Duration` follows the clock.
final class AnswerCache: Sendable {
    /// Entries kept at most (answers differ by route, space and query).
    static let capacity = 64

    private let entries = UntilChangedCache<Data>(capacity: capacity)

    /// The response for `request`: the kept bytes when the data has not changed since, otherwise `read`'s value,
    /// encoded (outside the database's queue) and kept when `isStable` says it does not follow the clock.
    func response<Value: Encodable & Sendable>(
        for request: Request, store: SandboxStore, isStable: @escaping @Sendable (Value) -> Bool,
        read: @escaping @Sendable (Database) throws -> Value
    ) async throws -> Response {
        let key = request.uri.description
        // A kept answer is served without a trip to the database's queue.
        if let kept = entries.value(for: key, at: store.writes.current) { return JSONResponse.encoded(kept) }
        let answer = try await store.read { db -> Answer<Value> in
            let changes = store.writes.current
            if let kept = self.entries.value(for: key, at: changes) { return .kept(kept) }
            return .read(changes: changes, value: try read(db))
        }
        let changes: Int, value: Value
        switch answer {
        case .kept(let data): return JSONResponse.encoded(data)
        case .read(let readAt, let read): (changes, value) = (readAt, read)
        }
        let data = try OctopusJSON.encode(value)
        if isStable(value) {
            entries.keep(data, for: key, at: changes)
        }
        return JSONResponse.encoded(data)
    }
}

/// What a read found: the kept bytes, or a value read at a generation of the data.
private enum Answer<Value: Sendable>: Sendable {
    case kept(Data)
    case read(changes: Int, value: Value)
}
