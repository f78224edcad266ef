/// One thing a command takes after its words: a positional value, a keyword followed by a value (`to ENV`), an
/// option (`--limit N`) or a flag (`--yes`).
public struct ParameterSpec: Sendable {
    /// How the parameter is written.
    public enum Form: Sendable, Hashable {
        /// A value in order (`releases PROJECT`).
        case positional
        /// A bare keyword and its value (`find to Staging`): the grammar of shell.md §5.
        case keyword(String)
        /// `--name VALUE` (and `-x VALUE` when a short name is given).
        case option(String, short: Character? = nil)
        /// `--name`, no value.
        case flag(String, short: Character? = nil)
    }

    /// The key handlers read the value by.
    public var name: String
    /// How it is written.
    public var form: Form
    /// The kind of its value (ignored for flags).
    public var kind: ValueKind
    /// Whether the command needs it.
    public var isRequired: Bool
    /// Whether it takes every remaining word (a positional at the end: stages, free text).
    public var takesRest: Bool
    /// One line for `help COMMAND`.
    public var help: String

    /// Creates a parameter.
    public init(_ name: String, _ form: Form, _ kind: ValueKind = .text, required: Bool = false, rest: Bool = false, help: String) {
        self.name = name
        self.form = form
        self.kind = kind
        self.isRequired = required
        self.takesRest = rest
        self.help = help
    }

    /// A positional value.
    public static func positional(_ name: String, _ kind: ValueKind, required: Bool = false, rest: Bool = false, help: String) -> ParameterSpec {
        ParameterSpec(name, .positional, kind, required: required, rest: rest, help: help)
    }

    /// A keyword and its value; the keyword is also the key.
    public static func keyword(_ word: String, _ kind: ValueKind, required: Bool = false, help: String) -> ParameterSpec {
        ParameterSpec(word, .keyword(word), kind, required: required, help: help)
    }

    /// An option with a value.
    public static func option(_ name: String, short: Character? = nil, _ kind: ValueKind, help: String) -> ParameterSpec {
        ParameterSpec(name, .option(name, short: short), kind, help: help)
    }

    /// A flag.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> ParameterSpec {
        ParameterSpec(name, .flag(name, short: short), .text, help: help)
    }

    /// How the parameter reads in a usage line: `[to ENV]`, `PROJECT`, `[--limit N]`.
    public var usage: String {
        let text = switch form {
        case .positional: takesRest ? "\(kind.placeholder)…" : kind.placeholder
        case .keyword(let word): "\(word) \(kind.placeholder)"
        case .option(let name, _): "--\(name) \(kind.placeholder)"
        case .flag(let name, _): "--\(name)"
        }
        return isRequired ? text : "[\(text)]"
    }

    /// The usage without its optional brackets, for messages: `to ENV`.
    public var bareUsage: String {
        isRequired ? usage : String(usage.dropFirst().dropLast())
    }

    /// Whether the parameter is a flag (takes no value).
    public var isFlag: Bool {
        if case .flag = form { return true }
        return false
    }
}
