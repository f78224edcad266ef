/// One command of the shell: its words, parameters, help and handler. The command table is an array of these, and
/// the parser, `help`, the manual test and the completer all read it.
public struct CommandSpec: Sendable {
    /// Where `help` lists the command.
    public enum Group: String, Sendable, CaseIterable {
        case promotion = "Promotion (the plan, step by step)"
        case exploration = "Exploration"
        case context = "Context and the rest"
    }

    /// The command word (or the subcommand word under its parent).
    public var name: String
    /// Other words for it, only here, never in an `if` chain.
    public var aliases: [String]
    /// Help group.
    public var group: Group
    /// One line for `help`.
    public var abstract: String
    /// Example lines, shown first by `help COMMAND`; every one parses (a test checks).
    public var examples: [String]
    /// Parameters, in usage order.
    public var parameters: [ParameterSpec]
    /// Subcommands (`plan save`, `approve as`, `use projects`): the next word picks one.
    public var subcommands: [CommandSpec]
    /// Extra help text after the parameters.
    public var discussion: String
    /// What runs it; nil for a command that only groups subcommands.
    public var handler: CommandHandler?
    /// Whether the command changes something on the server (confirmations, request-free checks in tests).
    public var changesServer: Bool
    /// What Ctrl-C during the command says, when the shell's general "server tasks keep running; 'wait' follows
    /// them again" is not the point (`log --follow` names the task it stopped following).
    public var interruptedMessage: (@Sendable (Invocation) -> String)?

    /// Creates a command.
    public init(
        _ name: String, aliases: [String] = [], group: Group, abstract: String, examples: [String] = [],
        parameters: [ParameterSpec] = [], subcommands: [CommandSpec] = [], discussion: String = "",
        changesServer: Bool = false, interruptedMessage: (@Sendable (Invocation) -> String)? = nil, handler: CommandHandler?
    ) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.abstract = abstract
        self.examples = examples
        self.parameters = parameters
        self.subcommands = subcommands
        self.discussion = discussion
        self.handler = handler
        self.changesServer = changesServer
        self.interruptedMessage = interruptedMessage
    }

    /// Every word that names the command.
    public var words: [String] { [name] + aliases }

    /// The usage line after the command's words: `[to ENV] [from ENV] …`.
    public var parameterUsage: String {
        parameters.map(\.usage).joined(separator: " ")
    }

    /// The subcommand named by `word`, if any.
    public func subcommand(_ word: String) -> CommandSpec? {
        subcommands.first { $0.words.contains(word) }
    }
}

/// A command's behaviour: given the parsed invocation and the session, do the work and return what happened.
/// Handlers never print results themselves except through `io` (data on stdout, messages on stderr).
public typealias CommandHandler = @Sendable (Invocation, Session, ShellIO) async throws -> CommandOutcome
