/// A test double that replays scripted input and records what the shell asked for: the prompts
/// shown and the history entries the policy let through.
public final class ScriptedLineEditor: LineEditing {
    private var inputs: ArraySlice<LineInput>
    private let policy: HistoryPolicy
    /// Every prompt passed to `readLine(_:)`, in order.
    public private(set) var prompts: [Prompt] = []
    /// The history as `LibEditLineEditor` would hold it: filtered, trimmed, newest last.
    public private(set) var history: [String] = []
    /// How many times `saveHistory()` was called.
    public private(set) var saveCount = 0

    /// Creates an editor that answers `readLine` with `inputs`, then `.endOfInput`.
    /// - Parameters:
    ///   - inputs: the scripted answers.
    ///   - history: the filter and limit applied to the scripted lines.
    public init(_ inputs: [LineInput], history: HistoryPolicy = HistoryPolicy()) {
        self.inputs = inputs[...]
        self.policy = history
    }

    /// Creates an editor that answers with `lines`, then `.endOfInput`.
    public convenience init(lines: [String], history: HistoryPolicy = HistoryPolicy()) {
        self.init(lines.map(LineInput.line), history: history)
    }

    /// Returns the next scripted input and records the prompt.
    public func readLine(_ prompt: Prompt) -> LineInput {
        prompts.append(prompt)
        guard let next = inputs.popFirst() else { return .endOfInput }
        if case let .line(line) = next, let entry = policy.entry(for: line), entry != history.last {
            history.append(entry)
            history = Array(history.suffix(policy.limit))
        }
        return next
    }

    /// Counts the call; there is no file.
    public func saveHistory() {
        saveCount += 1
    }
}
