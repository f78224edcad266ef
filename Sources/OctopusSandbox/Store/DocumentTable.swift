import GRDB

/// A table of JSON documents: `ordinal` (insertion order, for newest-first lists), `id`, `spaceId`,
/// `name` (case-insensitive) and the extra indexed columns list filters need, plus the encoded
/// `document`.
package struct DocumentTable: Sendable {
    /// An extra column extracted from each document.
    package struct Column: Sendable {
        package var name: String
        package var type: Database.ColumnType
        package var indexed: Bool

        package init(_ name: String, type: Database.ColumnType = .text, indexed: Bool = true) {
            self.name = name
            self.type = type
            self.indexed = indexed
        }
    }

    /// SQL table name.
    package var name: String
    /// Columns beyond `ordinal`, `id`, `spaceId`, `name` and `document`.
    package var columns: [Column]

    package init(_ name: String, columns: [Column] = []) {
        self.name = name
        self.columns = columns
    }

    /// Creates the table and its indexes (call from a migration).
    package func create(in db: Database) throws {
        try db.create(table: name) { table in
            table.column("ordinal", .integer).primaryKey()
            table.column("id", .text).notNull().unique()
            table.column("spaceId", .text).indexed()
            table.column("name", .text).collate(.nocase).indexed()
            for column in columns {
                let definition = table.column(column.name, column.type)
                if column.type == .text { definition.collate(.nocase) }
                if column.indexed { definition.indexed() }
            }
            table.column("document", .blob).notNull()
        }
    }
}
