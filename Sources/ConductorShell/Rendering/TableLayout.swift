/// Aligned columns: a header and rows, two spaces between columns, the last column unpadded. Widths count visible
/// characters, so cells may carry colour escapes.
public struct TableLayout: Sendable {
    /// Column titles.
    public var header: [String]
    /// Rows of cells.
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The table as lines ending in newlines. With a `width`, plain (uncoloured) cells of the last column are cut
    /// with "…" so that lines fit, keeping at least 12 characters of them; nothing else is cut.
    public func render(style: Style = Style(enabled: false), width: Int? = nil) -> String {
        var widths = header.map(Self.visibleWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], Self.visibleWidth(cell)) }
        }
        var rows = rows
        if let width, let last = widths.indices.last {
            let room = max(12, width - widths.dropLast().reduce(0) { $0 + $1 + 2 })
            for index in rows.indices where rows[index].count == widths.count && !rows[index][last].contains("\u{1B}") {
                rows[index][last] = Self.cut(rows[index][last], to: room)
            }
        }
        // No trailing spaces: an empty last cell would leave the padding of the one before, and a line one column
        // past the terminal wraps into a blank line.
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                guard index < cells.count - 1, index < widths.count else { return cell }
                return cell + String(repeating: " ", count: max(0, widths[index] - Self.visibleWidth(cell)))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var text = style.bold(line(header)) + "\n"
        for row in rows { text += line(row) + "\n" }
        return text
    }

    /// The table when it fits `width`, else one record per row (psql's `\\x auto`): the cell of `titleColumn` as the
    /// record's title, then each other non-empty cell as `  NAME  value`, a blank line after each record — nothing cut.
    public func renderFitting(style: Style = Style(enabled: false), width: Int?, titleColumn: Int = 0) -> String {
        let table = render(style: style)
        guard let width, table.split(separator: "\n").contains(where: { Self.visibleWidth(String($0)) > width }) else { return table }
        let fields = header.indices.filter { $0 != titleColumn }
        let nameWidth = fields.map { Self.visibleWidth(header[$0]) }.max() ?? 0
        return rows.map { row in
            var record = style.bold(titleColumn < row.count ? row[titleColumn] : "") + "\n"
            for index in fields where index < row.count && !row[index].isEmpty {
                record += "  " + header[index] + String(repeating: " ", count: nameWidth - Self.visibleWidth(header[index])) + "  " + row[index] + "\n"
            }
            return record + "\n"
        }.joined()
    }

    /// `text` cut to `width` characters with an ellipsis, never after a space ("Prod…", not "Prod …").
    static func cut(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(1, width - 1))).trimmingTrailingSpaces() + "…"
    }

    /// The width of `text` without ANSI escape sequences.
    static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }
}
