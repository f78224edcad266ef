import GRDB

/// Filters and order for listing documents of one table. Column names come from code, never from
/// requests; values are always bound as arguments.
package struct DocumentQuery: Sendable {
    /// One `WHERE` term.
    package enum Condition: Sendable {
        /// `column = value`.
        case equals(String, DatabaseValue)
        /// `column IN (values)`; an empty list matches nothing.
        case oneOf(String, [DatabaseValue])
        /// Case-insensitive equality with any of the texts (`name=` filters).
        case textOneOf(String, [String])
        /// Case-insensitive substring match with any of the texts (`partialName=`).
        case containsText(String, [String])
        /// `column IS NULL`.
        case isNull(String)
        /// Raw SQL with arguments, for filters the cases above cannot say.
        case sql(String, [DatabaseValue])
    }

    /// Result order.
    package enum Order: Sendable {
        /// Last inserted first (deployments, releases, tasks, events, ...).
        case newestFirst
        /// First inserted first.
        case oldestFirst
        /// Alphabetical by `name` (case-insensitive), then insertion order.
        case name
        /// By an extra column, then insertion order.
        case column(String, descending: Bool)
    }

    package var conditions: [Condition]
    package var order: Order

    package init(_ conditions: [Condition] = [], order: Order = .newestFirst) {
        self.conditions = conditions
        self.order = order
    }

    /// Adds a condition.
    package mutating func add(_ condition: Condition) { conditions.append(condition) }

    /// Adds `column IN (ids)` when `ids` is non-nil (an absent filter does not filter).
    package mutating func add(_ column: String, oneOf ids: [String]?) {
        if let ids { conditions.append(.oneOf(column, ids.map(\.databaseValue))) }
    }

    var whereClause: (sql: String, arguments: StatementArguments) {
        var terms: [String] = []
        var values: [DatabaseValue] = []
        for condition in conditions {
            switch condition {
            case .equals(let column, let value):
                terms.append("\(quoted(column)) = ?")
                values.append(value)
            case .oneOf(let column, let list):
                if list.isEmpty {
                    terms.append("0")
                } else {
                    terms.append("\(quoted(column)) IN (\(Array(repeating: "?", count: list.count).joined(separator: ",")))")
                    values += list
                }
            case .textOneOf(let column, let texts):
                if texts.isEmpty {
                    terms.append("0")
                } else {
                    let placeholders = Array(repeating: "?", count: texts.count).joined(separator: ",")
                    terms.append("\(quoted(column)) COLLATE NOCASE IN (\(placeholders))")
                    values += texts.map(\.databaseValue)
                }
            case .containsText(let column, let texts):
                if !texts.isEmpty {
                    let any = texts.map { _ in "instr(lower(\(quoted(column))), lower(?)) > 0" }.joined(separator: " OR ")
                    terms.append("(\(any))")
                    values += texts.map(\.databaseValue)
                }
            case .isNull(let column):
                terms.append("\(quoted(column)) IS NULL")
            case .sql(let sql, let arguments):
                terms.append("(\(sql))")
                values += arguments
            }
        }
        let sql = terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND ")
        return (sql, StatementArguments(values))
    }

    var orderClause: String {
        switch order {
        case .newestFirst: return " ORDER BY ordinal DESC"
        case .oldestFirst: return " ORDER BY ordinal ASC"
        case .name: return " ORDER BY name COLLATE NOCASE ASC, ordinal ASC"
        case .column(let column, let descending):
            return " ORDER BY \(quoted(column)) \(descending ? "DESC" : "ASC"), ordinal ASC"
        }
    }

    private func quoted(_ column: String) -> String { "\"\(column)\"" }
}
