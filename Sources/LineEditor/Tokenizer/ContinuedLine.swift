/// Joins physical lines into one logical line while a quote is open or a line ends in a backslash.
/// Shared by every `LineEditing` so a terminal and a piped script read the same logical lines.
public struct ContinuedLine {
    /// An empty logical line.
    public init() {}

    public private(set) var text = ""
    public private(set) var isEmpty = true

    /// Adds the next physical line (without its newline).
    /// - Returns: true when the logical line is complete.
    public mutating func append(_ line: String) -> Bool {
        if isEmpty {
            text = line
            isEmpty = false
        } else if Tokenizer.scan(text).partial.endsInEscape {
            // Backslash-newline joins the lines and disappears, as in POSIX shells.
            text.unicodeScalars.removeLast()
            text += line
        } else {
            text += "\n" + line
        }
        return Tokenizer.scan(text).isComplete
    }
}
