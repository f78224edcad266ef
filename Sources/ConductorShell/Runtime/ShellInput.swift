/// Where the shell's lines come from.
public enum ShellInput: Sendable {
    /// A line editor (libedit on a terminal, plain reading of a pipe or file), named for messages (`-` for stdin).
    case editor(EditorThread, name: String)
    /// `-c` commands, each numbered by its position.
    case commands([String])

    /// The name scripts report errors with.
    var name: String {
        switch self {
        case .editor(_, let name): name
        case .commands: "-c"
        }
    }
}
