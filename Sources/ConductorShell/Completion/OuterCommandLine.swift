/// The `conductor` command line as the outer shells complete it: its subcommands and their options. The executable
/// describes it (its ArgumentParser declarations are the truth, and a test compares the two); an option named like a
/// session variable takes that variable's value kind, so the kinds live in one place.
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

        /// A value option whose kind is the session variable's of the same name.
        public static func setting(_ name: String, help: String = "") -> Option {
            Option(name, SettingSpec.named(name)?.kind ?? .text, help: help)
        }

        /// A flag.
        public static func flag(_ name: String, short: Character? = nil, help: String = "") -> Option {
            Option(name, short: short, nil, help: help)
        }
    }

    /// One subcommand (the empty name is the default one, the shell).
    public struct Subcommand: Sendable {
        public var name: String
        public var abstract: String
        public var options: [Option]
        /// Nested subcommands (`sandbox serve`).
        public var subcommands: [Subcommand]

        public init(_ name: String, abstract: String, options: [Option] = [], subcommands: [Subcommand] = []) {
            self.name = name
            self.abstract = abstract
            self.options = options
            self.subcommands = subcommands
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
