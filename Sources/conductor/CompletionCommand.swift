import ArgumentParser
import ConductorShell
import Foundation

/// `conductor completion bash|zsh|fish`: prints the outer shell's completion script.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print the completion script for bash, zsh or fish.",
        discussion: """
            Install:
              bash  conductor completion bash > ~/.local/share/bash-completion/completions/conductor
              zsh   conductor completion zsh > "${fpath[1]}/_conductor"
              fish  conductor completion fish > ~/.config/fish/completions/conductor.fish
            Names come from the catalogue the shell keeps on disk; Tab never contacts the server.
            """
    )

    @Argument(help: "bash, zsh or fish.")
    var shell: CompletionScripts.Shell

    func run() {
        FileHandle.standardOutput.write(Data(CompletionScripts.script(for: shell).utf8))
    }
}

extension CompletionScripts.Shell: ExpressibleByArgument {}

/// `conductor __complete WORDS…` (hidden): what the scripts call on Tab.
struct CompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "__complete", shouldDisplay: false)

    @Argument(parsing: .allUnrecognized)
    var words: [String] = []

    func run() {
        Self.complete(words)
    }

    /// Prints the candidates for `words` (after `conductor __complete`). `Conductor.main` calls it before parsing the
    /// command line: Tab needs none of that work.
    static func complete(_ words: [String]) {
        let completion = OuterCompletion(commandLine: commandLine(for: words))
        FileHandle.standardOutput.write(Data(completion.output(for: words, environment: ProcessInfo.processInfo.environment).utf8))
    }

    /// The command line's subcommands and options, as ArgumentParser describes the declarations (no list by hand):
    /// in full only the subcommand the words name (or the default one, when they name none); the others by name.
    /// A subcommand whose description cannot be read completes nothing after its name.
    static func commandLine(for words: [String]) -> OuterCommandLine {
        let types = Conductor.configuration.subcommands.filter { $0.configuration.shouldDisplay }
        let named = words.count > 1 ? types.first { $0._commandName == words[0] } : nil
        let subcommands = types.map { type in
            type == named ? described(type) : OuterCommandLine.Subcommand(type._commandName, abstract: type.configuration.abstract)
        }
        let root = named == nil ? Conductor.configuration.defaultSubcommand.map(described) : nil
        return OuterCommandLine(root: root ?? OuterCommandLine.Subcommand("", abstract: ""), subcommands: subcommands)
    }

    private static func described(_ type: any ParsableCommand.Type) -> OuterCommandLine.Subcommand {
        (try? OuterCommandLine.Subcommand(dump: Data(type._dumpHelp().utf8)))
            ?? OuterCommandLine.Subcommand(type._commandName, abstract: type.configuration.abstract)
    }
}
