/// Everything that can go wrong in line editing and tokenizing, as data; `description` renders it.
public enum LineEditorError: Error, Equatable, Sendable {
    /// A quote opened in `line` is never closed.
    case unterminatedQuote(Character, line: String)
    /// `line` ends in a backslash that escapes nothing.
    case danglingBackslash(line: String)
    /// libedit could not start on this terminal.
    case terminalUnavailable(program: String)
    /// The history file exists but libedit cannot read it.
    case historyUnreadable(path: String)
    /// The history file (or its folder) could not be written.
    case historyNotSaved(path: String)
}

extension LineEditorError: CustomStringConvertible {
    /// The message shown to the user: quotes the input and says how to fix it.
    public var description: String {
        switch self {
        case let .unterminatedQuote(quote, line):
            return "Unterminated \(quote) quote in '\(line)'. Close it with \(quote), or escape it as \\\(quote)."
        case let .danglingBackslash(line):
            return "Trailing backslash in '\(line)' escapes nothing. Remove it, or write \\\\ for a backslash."
        case let .terminalUnavailable(program):
            return "Line editing could not start for '\(program)' on this terminal. Check TERM, or pipe the input to run without editing."
        case let .historyUnreadable(path):
            return "History file '\(path)' is not a libedit history file. Move it away or choose another history file."
        case let .historyNotSaved(path):
            return "History could not be written to '\(path)'. Check that its folder is writable, or choose another history file."
        }
    }
}
