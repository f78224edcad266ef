/// A parsed command line: the command (and subcommand) path and the values of its parameters, checked by kind.
public struct Invocation: Sendable {
    /// The command words as the table names them, e.g. `["plan", "save"]` (aliases resolved).
    public var path: [String]
    /// The spec that runs.
    public var spec: CommandSpec
    /// Parameter values by parameter name; a `rest` positional joins its words with spaces.
    public var values: [String: String]
    /// The separate words of a `rest` positional, as typed (`status Database "Web API"` is two names).
    public var lists: [String: [String]] = [:]
    /// Flags given.
    public var flags: Set<String>
    /// The words as typed, for messages.
    public var words: [String]

    /// Creates an invocation.
    public init(path: [String], spec: CommandSpec, values: [String: String] = [:], flags: Set<String> = [], words: [String] = []) {
        self.path = path
        self.spec = spec
        self.values = values
        self.flags = flags
        self.words = words
    }

    /// The value of a parameter, nil when not given.
    public subscript(_ name: String) -> String? { values[name] }

    /// Whether a flag was given.
    public func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The full command name, e.g. `plan save`.
    public var commandName: String { path.joined(separator: " ") }
}
