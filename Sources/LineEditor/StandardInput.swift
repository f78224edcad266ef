#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Chooses how the shell reads standard input.
public enum StandardInput {
    /// True when both standard input and standard output are terminals.
    public static var isTerminal: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// libedit when standard input and output are terminals; otherwise plain line reading with no
    /// prompts or escape sequences (libedit on a pipe would read one byte per system call, and
    /// with only stdout piped it would write escape codes into the output).
    /// - Throws: what `LibEditLineEditor.init` throws.
    public static func lineEditor(configuration: LineEditorConfiguration) throws(LineEditorError) -> any LineEditing {
        guard isTerminal else { return PlainLineReader() }
        return try LibEditLineEditor(configuration: configuration)
    }
}
