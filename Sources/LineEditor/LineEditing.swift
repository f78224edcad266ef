/// Something that reads the shell's input one logical line at a time.
///
/// `LibEditLineEditor` edits on a terminal, `PlainLineReader` reads pipes and files, and
/// `ScriptedLineEditor` replays scripted input in tests. Instances are confined to the thread that
/// calls them (libedit is not thread-safe), so the protocol is deliberately not `Sendable`.
public protocol LineEditing: AnyObject {
    /// Reads one logical line, prompting with `prompt.primary`, and with `prompt.continuation`
    /// while a quote is open or the line ends in a backslash.
    /// - Returns: the line without its newline, `.interrupted` after Ctrl-C, or `.endOfInput`.
    func readLine(_ prompt: Prompt) -> LineInput

    /// Writes the in-memory history to the history file, if there is one.
    /// - Throws: `LineEditorError.historyNotSaved` when the file cannot be written.
    func saveHistory() throws(LineEditorError)
}

/// What one call to `LineEditing.readLine(_:)` produced.
public enum LineInput: Sendable, Equatable {
    /// A complete logical line, without the trailing newline.
    case line(String)
    /// Ctrl-C while editing: the line was discarded; prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// The prompts shown before a line and before each continuation line.
public struct Prompt: Sendable, Equatable, ExpressibleByStringLiteral {
    /// Shown before the first line; may contain ANSI colour sequences.
    public var primary: String
    /// Shown before continuation lines (open quote, trailing backslash).
    public var continuation: String

    /// Creates a prompt.
    /// - Parameters:
    ///   - primary: text shown before the first line.
    ///   - continuation: text shown before continuation lines.
    public init(_ primary: String, continuation: String = "> ") {
        self.primary = primary
        self.continuation = continuation
    }

    /// Creates a prompt with the default continuation prompt `"> "`.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
