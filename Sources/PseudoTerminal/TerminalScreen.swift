/// A small VT100/xterm screen model: renders what a program wrote to its terminal into the text a
/// person would see, so tests assert on the screen rather than on redraw sequences.
/// Handles printable text with auto-wrap, CR, LF, BS, TAB, BEL and the CSI sequences line editors
/// use (cursor moves A B C D G H, erase J K); other sequences are ignored.
public struct TerminalScreen: Sendable, Equatable {
    /// The screen's width in columns.
    public let columns: Int
    /// The screen's height in rows.
    public let rows: Int
    /// Lines that scrolled off the top, oldest first.
    public private(set) var scrollback: [String] = []
    private var cells: [[Character]]
    /// Zero-based cursor row.
    public private(set) var cursorRow = 0
    /// Zero-based cursor column.
    public private(set) var cursorColumn = 0
    private var wrapPending = false

    /// Renders `output` on an empty screen of the given size.
    public init(columns: Int, rows: Int, output: [UInt8] = []) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        cells = Array(repeating: Array(repeating: " ", count: max(1, columns)), count: max(1, rows))
        write(output)
    }

    /// The visible lines without trailing spaces.
    public var lines: [String] {
        cells.map { String(String($0).reversed().drop { $0 == " " }.reversed()) }
    }

    /// Scrollback and screen, trailing empty lines removed, joined with newlines.
    public var text: String {
        var all = scrollback + lines
        while all.last?.isEmpty == true { all.removeLast() }
        return all.joined(separator: "\n")
    }

    /// The line the cursor is on, through its last non-blank character or up to the cursor,
    /// whichever is longer (so a prompt's trailing space shows while the cursor sits after it).
    public var cursorLine: String {
        let visible = lines[cursorRow]
        let padding = max(0, cursorColumn - visible.count)
        return visible + String(repeating: " ", count: padding)
    }

    /// Applies more output.
    public mutating func write(_ output: [UInt8]) {
        var scalars = String(decoding: output, as: UTF8.self).unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\u{1B}": escape(&scalars)
            case "\r": cursorColumn = 0; wrapPending = false
            case "\n": lineFeed()
            case "\u{08}": cursorColumn = max(0, cursorColumn - 1); wrapPending = false
            case "\t": cursorColumn = min(columns - 1, (cursorColumn / 8 + 1) * 8)
            case "\u{07}", "\u{00}": break
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { break }
                if scalar.properties.generalCategory == .nonspacingMark { break }
                put(Character(scalar))
            }
        }
    }

    private mutating func put(_ character: Character) {
        if wrapPending {
            cursorColumn = 0
            lineFeed()
        }
        cells[cursorRow][cursorColumn] = character
        if cursorColumn == columns - 1 {
            wrapPending = true
        } else {
            cursorColumn += 1
        }
    }

    private mutating func lineFeed() {
        wrapPending = false
        if cursorRow == rows - 1 {
            scrollback.append(lines[0])
            cells.removeFirst()
            cells.append(Array(repeating: " ", count: columns))
        } else {
            cursorRow += 1
        }
    }

    private mutating func escape(_ scalars: inout Substring.UnicodeScalarView) {
        guard let kind = scalars.popFirst() else { return }
        switch kind {
        case "[": controlSequence(&scalars)
        case "]":
            // Operating system command (window title): skip to BEL or ST.
            while let scalar = scalars.popFirst(), scalar != "\u{07}" {
                if scalar == "\u{1B}" { _ = scalars.popFirst(); break }
            }
        case "(", ")", "#": _ = scalars.popFirst()
        default: break
        }
    }

    private mutating func controlSequence(_ scalars: inout Substring.UnicodeScalarView) {
        var parameterText = ""
        var final: Unicode.Scalar = "m"
        while let scalar = scalars.popFirst() {
            if (0x40...0x7E).contains(scalar.value) {
                final = scalar
                break
            }
            parameterText.unicodeScalars.append(scalar)
        }
        if parameterText.hasPrefix("?") || parameterText.hasPrefix(">") { return }
        let parameters = parameterText.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func parameter(_ index: Int, default value: Int) -> Int {
            index < parameters.count ? (parameters[index] ?? value) : value
        }
        let count = max(1, parameter(0, default: 1))
        wrapPending = false
        switch final {
        case "A": cursorRow = max(0, cursorRow - count)
        case "B": cursorRow = min(rows - 1, cursorRow + count)
        case "C": cursorColumn = min(columns - 1, cursorColumn + count)
        case "D": cursorColumn = max(0, cursorColumn - count)
        case "G": cursorColumn = min(columns - 1, count - 1)
        case "H", "f":
            cursorRow = min(rows - 1, max(1, parameter(0, default: 1)) - 1)
            cursorColumn = min(columns - 1, max(1, parameter(1, default: 1)) - 1)
        case "K": eraseInLine(parameter(0, default: 0))
        case "J": eraseInDisplay(parameter(0, default: 0))
        case "P":
            cells[cursorRow].removeSubrange(cursorColumn..<min(columns, cursorColumn + count))
            cells[cursorRow] += Array(repeating: " ", count: columns - cells[cursorRow].count)
        case "@":
            let inserted = min(count, columns - cursorColumn)
            cells[cursorRow].insert(contentsOf: Array(repeating: " ", count: inserted), at: cursorColumn)
            cells[cursorRow].removeLast(inserted)
        default: break
        }
    }

    private mutating func eraseInLine(_ mode: Int) {
        let range: Range<Int>
        switch mode {
        case 1: range = 0..<(cursorColumn + 1)
        case 2: range = 0..<columns
        default: range = cursorColumn..<columns
        }
        for column in range { cells[cursorRow][column] = " " }
    }

    private mutating func eraseInDisplay(_ mode: Int) {
        switch mode {
        case 1:
            for row in 0..<cursorRow { cells[row] = Array(repeating: " ", count: columns) }
            eraseInLine(1)
        case 2, 3:
            cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        default:
            eraseInLine(0)
            for row in (cursorRow + 1)..<rows { cells[row] = Array(repeating: " ", count: columns) }
        }
    }
}
