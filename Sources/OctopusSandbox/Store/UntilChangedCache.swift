import Foundation
import GRDB
import Hummingbird
import Synchronization

/// Values derived from the database, each kept until the database changes.
///
/// An entry stays valid while the store's ``WriteCounter`` is unchanged, which every write transaction (task progress
/// included) advances. Lists, dashboards and every request's key and permission checks are read far more often than
/// the data changes (issue 10); a kept answer costs no trip to the database's queue.
final class UntilChangedCache<Value: Sendable>: Sendable {
    /// Entries kept at most (keys differ by route, query, user and space).
    let capacity: Int
    // Shared by concurrent readers and used inside database transactions: a mutex, not an actor, since GRDB's
    // closures are synchronous.
    private let entries = Mutex<[String: (changes: Int, value: Value)]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value kept for `key` at this generation of the data, or nil.
    func value(for key: String, at changes: Int) -> Value? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.changes == changes else { return nil }
            return entry.value
        }
    }

    /// Keeps `value` for `key` at this generation; when full, entries of older generations go first.
    func keep(_ value: Value, for key: String, at changes: Int) {
        entries.withLock { entries in
            if entries.count >= capacity { entries = entries.filter { $0.value.changes == changes } }
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = (changes, value)
        }
    }

    /// The value for `key` inside a read of `store`: the kept one while the data is unchanged, else `compute`'s, kept.
    func value(for key: String, in store: SandboxStore, compute: () throws -> Value) throws -> Value {
        let writes = store.writes.current
        if let kept = value(for: key, at: writes) { return kept }
        let value = try compute()
        keep(value, for: key, at: writes)
        return value
    }

    /// The value for `key`: the kept one while the data is unchanged (no trip to the database), else `read`'s, kept.
    func value(for key: String, reading store: SandboxStore, _ read: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
        if let kept = value(for: key, at: store.writes.current) { return kept }
        return try await store.read { db in try self.value(for: key, in: store) { try read(db) } }
    }
}

extension UntilChangedCache<Int> {
    /// The number of documents of `T` matching `query` (`TotalResults`): counting half a million deployments costs
    /// ~15 ms even from an index, while the page itself costs ~1 ms.
    func count<T: StoredDocument>(_ type: T.Type, _ query: DocumentQuery, in db: Database, of store: SandboxStore) throws -> Int {
        let clause = query.whereClause
        return try value(for: "\(T.table.name)\(clause.sql)|\(clause.arguments)", in: store) { try db.count(type, query) }
    }
}

extension SandboxServices {
    /// One page of a large collection (deployments, tasks, events) as a `ResourceCollection`
    /// response, with its total kept in ``counts``.
    func cachedPage<T: StoredDocument & Equatable>(
        _ type: T.Type, itemType: String, request: Request, query: DocumentQuery, template: String,
        transform: @escaping @Sendable (T) -> T = { $0 }
    ) async throws -> Response {
        let parameters = QueryParameters(request)
        let page = try PageRequest(parameters)
        let (counts, store) = (counts, store)
        let (items, total) = try await store.read { db in
            (try db.documents(type, query, skip: page.skip, take: page.take), try counts.count(type, query, in: db, of: store))
        }
        return try JSONResponse.ok(
            CollectionPage.make(
                itemType: itemType, items: items.map(transform), total: total, page: page, path: request.uri.path,
                query: parameters, template: template))
    }
}
