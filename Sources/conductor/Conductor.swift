import ArgumentParser

/// The `conductor` command: argument parsing and wiring only.
@main
struct Conductor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conductor",
        abstract: "Release orchestration for Octopus Deploy.",
        subcommands: [PromoteCommand.self, SandboxCommand.self]
    )
}
