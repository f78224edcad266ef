import ArgumentParser
import Foundation

/// The `conductor` command: argument parsing and wiring only.
@main
struct Conductor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conductor",
        abstract: "Release orchestration for Octopus Deploy.",
        version: "0.2.0",
        subcommands: [ShellCommand.self, PromoteCommand.self, SandboxCommand.self, CompletionCommand.self, CompleteCommand.self],
        defaultSubcommand: ShellCommand.self
    )

    /// Parses and runs the command line. A usage error (unknown flag, bad value, unknown
    /// subcommand) exits with 2 as shell-conventions.md §8 says, not ArgumentParser's 64.
    static func main() async {
        // Tab in bash, zsh or fish: straight to the completer (the words are passed through unparsed anyway).
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == CompleteCommand._commandName {
            CompleteCommand.complete(Array(arguments.dropFirst()))
            return
        }
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
