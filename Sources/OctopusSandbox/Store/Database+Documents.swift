import Foundation
import GRDB
import OctopusModel

/// Document operations inside a transaction.
extension Database {
    /// The document with this id, or nil.
    package func document<T: StoredDocument>(_ type: T.Type, id: String) throws -> T? {
        let data = try Data.fetchOne(self, sql: "SELECT document FROM \(T.table.name) WHERE id = ?", arguments: [id])
        return try data.map { try OctopusJSON.makeDecoder().decode(T.self, from: $0) }
    }

    /// Documents matching `query`, optionally one page of them.
    package func documents<T: StoredDocument>(
        _ type: T.Type, _ query: DocumentQuery = DocumentQuery(), skip: Int = 0, take: Int? = nil
    ) throws -> [T] {
        let clause = query.whereClause
        var sql = "SELECT document FROM \(T.table.name)\(clause.sql)\(query.orderClause)"
        if let take {
            sql += " LIMIT \(max(0, take)) OFFSET \(max(0, skip))"
        } else if skip > 0 {
            sql += " LIMIT -1 OFFSET \(skip)"
        }
        let decoder = OctopusJSON.makeDecoder()
        return try Data.fetchAll(self, sql: sql, arguments: clause.arguments).map { try decoder.decode(T.self, from: $0) }
    }

    /// Number of documents matching `query`.
    package func count<T: StoredDocument>(_ type: T.Type, _ query: DocumentQuery = DocumentQuery()) throws -> Int {
        let clause = query.whereClause
        return try Int.fetchOne(self, sql: "SELECT COUNT(*) FROM \(T.table.name)\(clause.sql)", arguments: clause.arguments) ?? 0
    }

    /// Inserts a new document.
    package func insert<T: StoredDocument>(_ document: T) throws {
        let (columns, values) = try storageRow(document)
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ",")
        try execute(
            sql: "INSERT INTO \(T.table.name) (\(columns.joined(separator: ","))) VALUES (\(placeholders))",
            arguments: StatementArguments(values))
    }

    /// Inserts or replaces a document, keeping its ordinal when it exists.
    package func save<T: StoredDocument>(_ document: T) throws {
        let (columns, values) = try storageRow(document)
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ",")
        let updates = columns.filter { $0 != "\"id\"" }.map { "\($0) = excluded.\($0)" }.joined(separator: ",")
        try execute(
            sql: """
                INSERT INTO \(T.table.name) (\(columns.joined(separator: ","))) VALUES (\(placeholders))
                ON CONFLICT(id) DO UPDATE SET \(updates)
                """,
            arguments: StatementArguments(values))
    }

    /// Deletes a document; returns whether it existed.
    @discardableResult
    package func deleteDocument<T: StoredDocument>(_ type: T.Type, id: String) throws -> Bool {
        try execute(sql: "DELETE FROM \(T.table.name) WHERE id = ?", arguments: [id])
        return changesCount > 0
    }

    /// Allocates the next sequential id of a kind, e.g. `Releases-12`.
    package func nextID<Kind: OctopusIDKind>(_ kind: Kind.Type) throws -> OctopusID<Kind> {
        try execute(
            sql: """
                INSERT INTO sandboxSequences (kind, last) VALUES (?, 1)
                ON CONFLICT(kind) DO UPDATE SET last = last + 1
                """,
            arguments: [Kind.prefix])
        let number = try Int.fetchOne(self, sql: "SELECT last FROM sandboxSequences WHERE kind = ?", arguments: [Kind.prefix]) ?? 1
        return OctopusID(number: number)
    }

    /// Makes sure later ``nextID(_:)`` calls return numbers above `number` (after inserting
    /// documents with explicit ids).
    package func reserveIDs<Kind: OctopusIDKind>(_ kind: Kind.Type, through number: Int) throws {
        try execute(
            sql: """
                INSERT INTO sandboxSequences (kind, last) VALUES (?, ?)
                ON CONFLICT(kind) DO UPDATE SET last = max(last, excluded.last)
                """,
            arguments: [Kind.prefix, number])
    }

    private func storageRow<T: StoredDocument>(_ document: T) throws -> ([String], [DatabaseValue]) {
        var columns = ["\"id\"", "\"spaceId\"", "\"name\"", "\"document\""]
        var values: [DatabaseValue] = [
            document.storageID.databaseValue, document.storageSpaceID.storageValue,
            document.storageName.storageValue, try OctopusJSON.encode(document).databaseValue,
        ]
        let extra = document.storageColumns
        for column in T.table.columns {
            columns.append("\"\(column.name)\"")
            values.append(extra[column.name] ?? .null)
        }
        return (columns, values)
    }
}
