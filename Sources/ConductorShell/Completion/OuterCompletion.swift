import Foundation
import LineEditor

/// `conductor __complete WORDS…`: completes the last word of a `conductor` command line for bash, zsh and fish in
/// Cobra's protocol (one `value<TAB>description` line per candidate, then `:DIRECTIVE`), from the disk catalogue
/// only — never the network, so Tab answers at once even with the server down.
public struct OuterCompletion: Sendable {
    /// Cobra's directives (bits; none means the shell's default, file names).
    public struct Directive: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let error = Directive(rawValue: 1)
        public static let noSpace = Directive(rawValue: 2)
        public static let noFileCompletion = Directive(rawValue: 4)
    }

    public var commandLine: OuterCommandLine
    public var completer: Completer

    public init(commandLine: OuterCommandLine, completer: Completer = Completer()) {
        self.commandLine = commandLine
        self.completer = completer
    }

    /// The protocol's output for `words` (after `conductor`; the last one is being completed, possibly empty).
    public func output(for words: [String], environment: [String: String]) -> String {
        let (candidates, directive) = complete(words.map(Self.unquoted), environment: environment)
        return candidates.map { candidate in
            let description = candidate.description.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            return description.isEmpty ? candidate.value : candidate.value + "\t" + description
        }.joined(separator: "\n") + (candidates.isEmpty ? "" : "\n") + ":\(directive.rawValue)\n"
    }

    /// Candidates and directive for already-unquoted words.
    func complete(_ words: [String], environment: [String: String]) -> ([CompletionCandidate], Directive) {
        let typed = words.last ?? ""
        let finished = Array(words.dropLast())
        var subcommand = commandLine.root
        var index = 0
        while index < finished.count, let next = (index == 0 ? commandLine.subcommands : subcommand.subcommands).first(where: { $0.name == finished[index] }) {
            subcommand = next
            index += 1
        }
        // The option waiting for its value, if the word before the cursor is one.
        var pending: OuterCommandLine.Option?
        var optionWords: [String: String] = [:]
        for word in finished[index...] {
            if let option = pending {
                optionWords[option.name] = word
                pending = nil
            } else if let option = Self.option(word, in: subcommand), option.kind != nil {
                pending = option
            }
        }
        if let option = pending, let kind = option.kind {
            if option.name == "c" || option.name == "commands" {
                return shellLine(typed, catalogue: Catalogue(options: optionWords, environment: environment, parts: nil))
            }
            if kind == .file { return ([], []) }
            // Only the parts this slot draws from are decoded (a project list needs no tenants, no releases).
            let catalogue = Catalogue(options: optionWords, environment: environment, parts: CompletionSnapshot.Kind.parts(for: kind))
            var facts = LineFacts()
            facts.project = optionWords["project"]
            let candidates = completer.values(kind, facts: facts, typed: typed, snapshot: catalogue.snapshot, context: catalogue.context)
            return (candidates, .noFileCompletion)
        }
        var candidates: [CompletionCandidate] = []
        if typed.hasPrefix("-") {
            candidates = subcommand.options.map { CompletionCandidate($0.spelling, $0.help) }
        } else if index == 0 {
            candidates = commandLine.subcommands.map { CompletionCandidate($0.name, $0.abstract) }
        } else {
            candidates = subcommand.subcommands.map { CompletionCandidate($0.name, $0.abstract) } + subcommand.values.map { CompletionCandidate($0) }
        }
        return (CompletionRanking.best(candidates, for: typed), .noFileCompletion)
    }

    /// Inside `-c '…'`: the shell's own completer on the command text; each value is the whole text so far.
    private func shellLine(_ text: String, catalogue: Catalogue) -> ([CompletionCandidate], Directive) {
        let result = completer.complete(text, snapshot: catalogue.snapshot, context: catalogue.context)
        let statement = StatementSplitter.unfinishedStatement(in: text) ?? ""
        let raw = Tokenizer.scan(statement).partial.raw
        let head = String(text.dropLast(raw.count))
        return (result.candidates.map { CompletionCandidate(head + WordQuoting.escapedWithBackslashes($0.value), $0.description) }, [.noSpace, .noFileCompletion])
    }

    static func option(_ word: String, in subcommand: OuterCommandLine.Subcommand) -> OuterCommandLine.Option? {
        if word.hasPrefix("--") {
            let name = word.dropFirst(2).split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return word.contains("=") ? nil : subcommand.options.first { $0.name == name }
        }
        if word.hasPrefix("-"), word.count == 2, let short = word.last {
            return subcommand.options.first { $0.short == short || $0.name == String(short) }
        }
        return nil
    }

    /// A word as the outer shell passed it, possibly still quoted (`"Web`), as it means.
    static func unquoted(_ word: String) -> String {
        guard word.first == "\"" || word.first == "'" || word.contains("\\") else { return word }
        return Tokenizer.scan(word).partial.text
    }

    /// The disk catalogue of the server the command line would connect to: `parts` of it (nil: all).
    struct Catalogue {
        let snapshot: CompletionSnapshot
        let context: CompletionContext

        init(options: [String: String], environment: [String: String], parts: Set<CompletionSnapshot.Kind>?) {
            let paths = StatePaths(environment: environment)
            let flags = ConnectionResolver.Flags(server: options["server"], apiKey: nil, space: options["space"], profile: options["profile"])
            let choice = try? ConnectionResolver(flags: flags, environment: environment, paths: paths).choose()
            let server = choice.map { ShellConnection.identity(ofServer: $0.server) } ?? ShellConnection.sandboxIdentity
            let store = CatalogueStore(folder: paths.cache)
            snapshot = parts?.isEmpty == true ? .empty : store.load(server: server, space: choice?.space ?? options["space"], only: parts) ?? .empty
            var context = CompletionContext()
            if let config = try? ConfigFile.load(paths.configFile) {
                context.profiles = config.profiles.keys.sorted()
                context.applications = config.applications.keys.sorted()
            }
            self.context = context
        }
    }
}
