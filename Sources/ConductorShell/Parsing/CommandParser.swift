import Foundation
import LineEditor
import Orchestration

/// Turns the words of one statement into an `Invocation` by walking the command table: the first word picks the
/// command (aliases included), a following word may pick a subcommand, the rest fill keywords (`to ENV`), options
/// (`--limit N`), flags (`--yes`) and positionals in order. Values are checked by their kind here, once, so every
/// handler gets valid input and a bad duration or time is a parse error (exit 2) before any request.
public struct CommandParser: Sendable {
    /// The command table.
    public var commands: [CommandSpec]

    /// Creates a parser over `commands`.
    public init(commands: [CommandSpec]) {
        self.commands = commands
    }

    /// Tokenizes and parses a statement.
    public func parse(line: String) throws(ParseError) -> Invocation? {
        let words: [String]
        do {
            words = try Tokenizer.words(in: line)
        } catch {
            switch error {
            case .unterminatedQuote(let quote, _): throw .unterminatedQuote(quote)
            case .danglingBackslash: throw .danglingBackslash
            default: throw .danglingBackslash
            }
        }
        if words.isEmpty { return nil }
        return try parse(words: words)
    }

    /// Parses words (the first is the command word).
    public func parse(words: [String]) throws(ParseError) -> Invocation {
        guard let first = words.first else { throw .unknownCommand("", suggestions: []) }
        guard var spec = command(named: first) else {
            throw .unknownCommand(first, suggestions: NameSuggestions.closest(to: first, among: commands.flatMap(\.words)))
        }
        var path = [spec.name]
        var index = 1
        while !spec.subcommands.isEmpty {
            if index < words.count, let sub = spec.subcommand(words[index]) {
                spec = sub
                path.append(sub.name)
                index += 1
                continue
            }
            if spec.handler == nil {
                throw .missingSubcommand(command: path.joined(separator: " "), choices: spec.subcommands.map(\.name))
            }
            break
        }
        var invocation = Invocation(path: path, spec: spec, words: words)
        try fill(&invocation, with: Array(words[index...]))
        return invocation
    }

    /// The command whose word (or alias) is `word`.
    public func command(named word: String) -> CommandSpec? {
        commands.first { $0.words.contains(word) }
    }

    private func fill(_ invocation: inout Invocation, with words: [String]) throws(ParseError) {
        let spec = invocation.spec
        let name = invocation.commandName
        let usage = HelpRenderer.usageLine(name, spec)
        var positionals = spec.parameters.filter { $0.form == .positional }[...]
        var index = 0
        func set(_ parameter: ParameterSpec, _ value: String) throws(ParseError) {
            if invocation.values[parameter.name] != nil { throw .repeated(command: name, parameter: parameter.bareUsage) }
            invocation.values[parameter.name] = try Self.checked(value, parameter, command: name)
        }
        while index < words.count {
            let word = words[index]
            if Self.looksLikeOption(word) {
                let (optionName, inlineValue) = Self.splitOption(word)
                guard let parameter = spec.parameters.first(where: { Self.matches($0.form, optionName) }) else {
                    let known = spec.parameters.compactMap { parameter -> String? in
                        switch parameter.form {
                        case .option(let n, _), .flag(let n, _): n
                        default: nil
                        }
                    }
                    let close = NameSuggestions.closest(to: optionName, among: known).map { "--" + $0 }
                    throw .unknownOption(command: name, option: word, suggestions: close)
                }
                if parameter.isFlag {
                    invocation.flags.insert(parameter.name)
                    index += 1
                    continue
                }
                if let inlineValue {
                    try set(parameter, inlineValue)
                    index += 1
                    continue
                }
                guard index + 1 < words.count else { throw .missingValue(command: name, parameter: parameter.bareUsage, usage: usage) }
                try set(parameter, words[index + 1])
                index += 2
                continue
            }
            if let parameter = spec.parameters.first(where: { $0.form == .keyword(word) }) {
                guard index + 1 < words.count else { throw .missingValue(command: name, parameter: parameter.bareUsage, usage: usage) }
                try set(parameter, words[index + 1])
                index += 2
                continue
            }
            guard let parameter = positionals.popFirst() else {
                throw .unexpectedArgument(command: name, word: word, usage: usage)
            }
            if parameter.takesRest {
                // Every remaining word up to the next keyword or option of this command.
                var end = index
                while end < words.count, end == index || !isParameterWord(words[end], of: spec) { end += 1 }
                try set(parameter, words[index..<end].joined(separator: " "))
                invocation.lists[parameter.name] = Array(words[index..<end])
                index = end
            } else {
                try set(parameter, word)
                index += 1
            }
        }
        for parameter in spec.parameters where parameter.isRequired && invocation.values[parameter.name] == nil {
            throw .missingArgument(command: name, parameter: parameter.bareUsage, usage: usage)
        }
    }

    /// Whether a rest positional stops at `word`: any `--word`, a short option this command has (`-o`), or one
    /// of its keywords; so `echo a -b` keeps `-b` while `status Database -o json` does not swallow `-o`.
    private func isParameterWord(_ word: String, of spec: CommandSpec) -> Bool {
        if word.hasPrefix("--") { return true }
        if Self.looksLikeOption(word) {
            let (name, _) = Self.splitOption(word)
            if spec.parameters.contains(where: { Self.matches($0.form, name) }) { return true }
        }
        return spec.parameters.contains { $0.form == .keyword(word) }
    }

    /// `-o`, `--limit`, `--limit=3`; not `-` alone or a negative number.
    static func looksLikeOption(_ word: String) -> Bool {
        word.hasPrefix("-") && word.count > 1 && Double(word) == nil
    }

    static func splitOption(_ word: String) -> (String, String?) {
        let body = word.drop { $0 == "-" }
        if let equals = body.firstIndex(of: "=") {
            return (String(body[..<equals]), String(body[body.index(after: equals)...]))
        }
        return (String(body), nil)
    }

    static func matches(_ form: ParameterSpec.Form, _ name: String) -> Bool {
        switch form {
        case .option(let long, let short), .flag(let long, let short):
            return long == name || (short.map { String($0) == name } ?? false)
        default:
            return false
        }
    }

    /// Checks a value against its kind; returns it normalised.
    static func checked(_ value: String, _ parameter: ParameterSpec, command: String) throws(ParseError) -> String {
        func invalid(_ reason: String) -> ParseError {
            let label = parameter.form == .positional ? parameter.name.uppercased() : parameter.bareUsage
            return .invalidValue(command: command, parameter: label, value: value, reason: reason)
        }
        switch parameter.kind {
        case .duration:
            guard DurationText.seconds(value) != nil else { throw invalid(DurationText.hint) }
        case .count:
            guard let number = Int(value), number > 0, number <= 100_000 else { throw invalid("give a whole number from 1 to 100000") }
        case .choice(let words):
            guard let match = words.first(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) else {
                throw invalid("use \(words.map { "'\($0)'" }.joined(separator: ", "))")
            }
            return match
        case .releasePattern:
            do {
                _ = try VersionPattern(value)
            } catch {
                throw invalid("use '*' for any text and '?' for one character, e.g. '2021.1.*'")
            }
        case .taskID:
            guard value.hasPrefix("ServerTasks-") else { throw invalid("a task id looks like 'ServerTasks-12' (see 'tasks')") }
        case .interventionID:
            guard value.hasPrefix("Interruptions-") else { throw invalid("an intervention id looks like 'Interruptions-3' (see 'interventions')") }
        default:
            break
        }
        return value
    }
}
