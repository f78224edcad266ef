import Foundation
import GRDB
import OctopusModel

/// The sandbox's persistent state: JSON documents in SQLite tables (GRDB), with indexed columns for
/// the filters the API offers.
///
/// Every operation exists twice: as an `async` method that runs its own transaction, and as a
/// method on `Database` (see `Database+Documents.swift`) for use inside a larger
/// ``write(_:)`` transaction (seeds, multi-document updates).
package struct SandboxStore: Sendable {
    /// The database (use ``read(_:)``/``write(_:)``; exposed for custom SQL).
    package let database: DatabaseQueue
    /// The writes run so far: what the caches are valid for.
    package let writes = WriteCounter()

    /// Opens an in-memory store, migrated to the current schema.
    package static func inMemory() throws -> SandboxStore {
        try SandboxStore(database: DatabaseQueue())
    }

    /// Opens (creating when missing) a store in a file, migrated to the current schema.
    package static func file(at url: URL) throws -> SandboxStore {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return try SandboxStore(database: DatabaseQueue(path: url.path))
    }

    /// Opens a store over an existing database queue and migrates it.
    package init(database: DatabaseQueue) throws {
        self.database = database
        try SandboxSchema.migrator.migrate(database)
    }

    /// Runs a read-only transaction.
    package func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await database.read(body)
    }

    /// Runs a write transaction.
    package func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let writes = writes
        return try await database.write { db in
            defer { writes.advance() }
            return try body(db)
        }
    }

    /// True when no space exists yet (a new database that needs seeding).
    package func isEmpty() async throws -> Bool {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(Space.table.name)") == 0 }
    }

    /// The document with this id, or nil.
    package func document<T: StoredDocument>(_ type: T.Type, id: String) async throws -> T? {
        try await read { db in try db.document(type, id: id) }
    }

    /// One page of the documents matching `query`, and the total number matching.
    package func page<T: StoredDocument>(
        _ type: T.Type, _ query: DocumentQuery, skip: Int, take: Int
    ) async throws -> (items: [T], total: Int) {
        try await read { db in
            (try db.documents(type, query, skip: skip, take: take), try db.count(type, query))
        }
    }

    /// Every document matching `query`.
    package func all<T: StoredDocument>(_ type: T.Type, _ query: DocumentQuery = DocumentQuery()) async throws -> [T] {
        try await read { db in try db.documents(type, query) }
    }

    /// Inserts a new document (fails if its id exists).
    package func insert<T: StoredDocument>(_ document: T) async throws {
        try await write { db in try db.insert(document) }
    }

    /// Inserts or replaces a document, keeping its position in newest-first order when it exists.
    package func save<T: StoredDocument>(_ document: T) async throws {
        try await write { db in try db.save(document) }
    }

    /// Allocates the next sequential id of a kind (`Projects-7`, ...).
    package func nextID<Kind: OctopusIDKind>(_ kind: Kind.Type) async throws -> OctopusID<Kind> {
        try await write { db in try db.nextID(kind) }
    }
}
