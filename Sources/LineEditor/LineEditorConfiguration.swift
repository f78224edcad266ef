/// How a line editor is set up: program name (for `~/.editrc`), history and completion.
public struct LineEditorConfiguration: Sendable {
    /// The name libedit matches in `~/.editrc`: lines starting `conductor:` apply to "conductor".
    public var programName: String
    /// History file, size and filter.
    public var history: HistoryPolicy
    /// Answers Tab; nil leaves Tab inserting nothing.
    public var completion: CompletionSource?
    /// The editrc file to read; nil means `$EDITRC`, else `$HOME/.editrc`.
    public var editrcPath: String?

    /// Creates a configuration.
    /// - Parameters:
    ///   - programName: the name matched by `name:` lines in the editrc file.
    ///   - history: where history is kept and what enters it.
    ///   - completion: the completion function called on Tab.
    ///   - editrcPath: an explicit editrc file; nil for the usual lookup.
    public init(
        programName: String = "conductor",
        history: HistoryPolicy = HistoryPolicy(),
        completion: CompletionSource? = nil,
        editrcPath: String? = nil
    ) {
        self.programName = programName
        self.history = history
        self.completion = completion
        self.editrcPath = editrcPath
    }
}
