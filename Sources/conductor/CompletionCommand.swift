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
        let completion = OuterCompletion(commandLine: Self.commandLine)
        FileHandle.standardOutput.write(Data(completion.output(for: words, environment: ProcessInfo.processInfo.environment).utf8))
    }

    /// The command line's subcommands and options, as ArgumentParser describes the declarations (no list by hand);
    /// nothing completes if that description cannot be read.
    static let commandLine: OuterCommandLine = {
        (try? OuterCommandLine(dump: Data(Conductor._dumpHelp().utf8))) ?? OuterCommandLine(root: .init("", abstract: ""), subcommands: [])
    }()
}
