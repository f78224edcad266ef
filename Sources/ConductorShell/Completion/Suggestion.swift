/// What the line before the cursor asks for, worked out from the command table alone (pgcli's `suggest_type`):
/// the completer then turns it into names from the catalogue.
public enum Suggestion: Sendable, Equatable {
    /// A command word.
    case command
    /// A subcommand word of `path`, and (when the command also runs without one) its parameters.
    case subcommand(path: [String], alsoParameters: Bool)
    /// A value of `kind`, with what the line named before it.
    case value(ValueKind, LineFacts)
    /// The command's keywords and options not used yet, and the next positional's values when there is one.
    case parameters(path: [String], positional: ValueKind?, LineFacts)
    /// Nothing completes here (free text, an unknown command).
    case none
}

/// What the words before the cursor already said, for values that depend on it.
public struct LineFacts: Sendable, Equatable {
    /// The command path (`["use", "projects"]`).
    public var path: [String] = []
    /// The first project named on the line (channels and releases are of it).
    public var project: String?
    /// The setting named before a setting value.
    public var setting: String?
    /// Names already given to the rest-of-line parameter (`use projects A, B then …`).
    public var named: [String] = []
    /// Parameter keys already given (not offered again).
    public var used: Set<String> = []

    public init() {}
}
