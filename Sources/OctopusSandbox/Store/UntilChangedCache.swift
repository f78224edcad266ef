import Foundation
import GRDB
import Hummingbird
import Synchronization

/// Remembers `TotalResults` of list queries until the database changes.
///
/// Counting half a million deployments costs ~15 ms even from an index, while the page itself
/// costs ~1 ms; lists are read far more often than they change. An entry stays valid while
/// SQLite's `total_changes()` for the store's single connection is unchanged, which any insert,
/// update or delete (task progress included) bumps.
final class CountCache: Sendable {
    // A small dictionary shared by concurrent readers, read and written inside database
    // transactions: a mutex, not an actor, since GRDB's closures are synchronous.
    private let entries = Mutex<[String: (changes: Int, count: Int)]>([:])

    /// The number of documents of `T` matching `query`.
    func count<T: StoredDocument>(_ type: T.Type, _ query: DocumentQuery, in db: Database) throws -> Int {
        let clause = query.whereClause
        let key = "\(T.table.name)\(clause.sql)|\(clause.arguments)"
        let changes = try db.totalChanges()
        if let entry = entries.withLock({ $0[key] }), entry.changes == changes {
            return entry.count
        }
        let count = try db.count(type, query)
        entries.withLock { entries in
            if entries.count > 512 { entries.removeAll() }
            entries[key] = (changes, count)
        }
        return count
    }
}

extension SandboxServices {
    /// One page of a large collection (deployments, tasks, events) as a `ResourceCollection`
    /// response, with its total from ``CountCache``.
    func cachedPage<T: StoredDocument & Equatable>(
        _ type: T.Type, itemType: String, request: Request, query: DocumentQuery, template: String,
        transform: @escaping @Sendable (T) -> T = { $0 }
    ) async throws -> Response {
        let parameters = QueryParameters(request)
        let page = try PageRequest(parameters)
        let counts = countCache
        let (items, total) = try await store.read { db in
            (try db.documents(type, query, skip: page.skip, take: page.take), try counts.count(type, query, in: db))
        }
        return try JSONResponse.ok(
            CollectionPage.make(
                itemType: itemType, items: items.map(transform), total: total, page: page, path: request.uri.path,
                query: parameters, template: template))
    }
}
