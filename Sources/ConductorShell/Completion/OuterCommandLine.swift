/// The `conductor` command line as the outer shells complete it: its subcommands and their options, read from the
/// executable's ArgumentParser declarations (`init(dump:)`); an option named like a session variable takes that
/// variable's value kind, so the kinds live in one place.
public struct OuterCommandLine: Sendable {
    /// One option: `--name`, `-x`, the kind of its value (nil for a flag).
    public struct Option: Sendable {
        public var name: String
        public var short: Character?
        public var kind: ValueKind?
        public var help: String

        public init(_ name: String, short: Character? = nil, _ kind: ValueKind?, help: String = "") {
            self.name = name
            self.short = short
            self.kind = kind
            self.help = help
        }

        /// As typed: `--output`, or `-v` for an option with a one-letter name only.
        public var spelling: String { name.count == 1 ? "-" + name : "--" + name }
    }

    /// One subcommand (the empty name is the default one, the shell).
    public struct Subcommand: Sendable {
        public var name: String
        public var abstract: String
        public var options: [Option]
        /// Nested subcommands (`sandbox serve`).
        public var subcommands: [Subcommand]
        /// The values its positional argument takes (`completion bash|zsh|fish`).
        public var values: [String]

        public init(_ name: String, abstract: String, options: [Option] = [], subcommands: [Subcommand] = [], values: [String] = []) {
            self.name = name
            self.abstract = abstract
            self.options = options
            self.subcommands = subcommands
            self.values = values
        }
    }

    /// The default subcommand's options (`conductor -c …`).
    public var root: Subcommand
    /// The named subcommands.
    public var subcommands: [Subcommand]

    public init(root: Subcommand, subcommands: [Subcommand]) {
        self.root = root
        self.subcommands = subcommands
    }
}
