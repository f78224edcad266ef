/// Lays out completion candidates in columns like bash's listing on a second Tab: sorted, filled
/// down each column, every column as wide as the longest name plus two spaces.
public enum CandidateColumns {
    /// The listing's rows, without trailing spaces.
    /// - Parameters:
    ///   - names: the names to list, shown unescaped.
    ///   - width: the terminal width in columns.
    ///   - keepingOrder: list them in the given (ranked) order instead of sorted.
    /// - Returns: the rows, top to bottom.
    public static func rows(_ names: [String], width: Int, keepingOrder: Bool = false) -> [String] {
        let sorted = keepingOrder ? names : names.sorted()
        guard let widest = sorted.map(\.count).max() else { return [] }
        let columnWidth = widest + 2
        let columns = max(1, width / columnWidth)
        let rowCount = (sorted.count + columns - 1) / columns
        return (0..<rowCount).map { row in
            var line = ""
            for column in 0..<columns {
                let index = column * rowCount + row
                guard index < sorted.count else { break }
                let name = sorted[index]
                line += name + String(repeating: " ", count: columnWidth - name.count)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
