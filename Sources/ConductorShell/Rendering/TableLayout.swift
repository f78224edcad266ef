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
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                guard index < cells.count - 1, index < widths.count else { return cell }
                return cell + String(repeating: " ", count: max(0, widths[index] - Self.visibleWidth(cell)))
            }.joined(separator: "  ")
        }
        var text = style.bold(line(header)) + "\n"
        for row in rows { text += line(row) + "\n" }
        return text
    }

    /// The table when it fits `width`, else one record per row (psql's `\\x auto`): the row's first cell as its title,
    /// then each other column as `  NAME  value`, a blank line after each record — nothing cut.
    public func renderFitting(style: Style = Style(enabled: false), width: Int?) -> String {
        let table = render(style: style)
        guard let width, table.split(separator: "\n").contains(where: { Self.visibleWidth(String($0)) > width }) else { return table }
        let nameWidth = header.dropFirst().map(Self.visibleWidth).max() ?? 0
        return rows.map { row in
            var record = style.bold(row.first ?? "") + "\n"
            for (name, cell) in zip(header.dropFirst(), row.dropFirst()) {
                record += "  " + name + String(repeating: " ", count: nameWidth - Self.visibleWidth(name)) + "  " + cell + "\n"
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
