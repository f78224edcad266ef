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

    /// The table as lines ending in newlines.
    public func render(style: Style = Style(enabled: false)) -> String {
        var widths = header.map(Self.visibleWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], Self.visibleWidth(cell)) }
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
