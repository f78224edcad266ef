import Foundation
import GRDB
import Hummingbird
import Synchronization

/// Values derived from the database, each kept until the database changes.
///
/// An entry stays valid while SQLite's `total_changes()` for the store's single connection is unchanged, which any
/// insert, update or delete (task progress included) bumps. Lists, dashboards and every request's permission check are
/// read far more often than the data changes (issue 10).
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

    /// The value for `key`: the kept one while the data is unchanged, else `compute`'s, kept.
    func value(for key: String, in db: Database, compute: () throws -> Value) throws -> Value {
        let changes = try db.totalChanges()
        if let kept = value(for: key, at: changes) { return kept }
        let value = try compute()
        keep(value, for: key, at: changes)
        return value
    }
}

extension Database {
    /// SQLite's count of rows inserted, updated or deleted through this connection since it opened: a generation of
    /// the store's data (the sandbox has one connection).
    func totalChanges() throws -> Int {
        try Int.fetchOne(self, sql: "SELECT total_changes()") ?? 0
    }
}

extension UntilChangedCache<Int> {
    /// The number of documents of `T` matching `query` (`TotalResults`): counting half a million deployments costs
    /// ~15 ms even from an index, while the page itself costs ~1 ms.
    func count<T: StoredDocument>(_ type: T.Type, _ query: DocumentQuery, in db: Database) throws -> Int {
        let clause = query.whereClause
        return try value(for: "\(T.table.name)\(clause.sql)|\(clause.arguments)", in: db) { try db.count(type, query) }
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
        let counts = counts
        let (items, total) = try await store.read { db in
            (try db.documents(type, query, skip: page.skip, take: page.take), try counts.count(type, query, in: db))
        }
        return try JSONResponse.ok(
            CollectionPage.make(
                itemType: itemType, items: items.map(transform), total: total, page: page, path: request.uri.path,
                query: parameters, template: template))
    }
}
