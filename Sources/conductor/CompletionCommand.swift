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

    /// The command line's subcommands and options, as declared by the ArgumentParser types (a test compares them
    /// with `--experimental-dump-help`); options named like a session variable take its value kind.
    static let commandLine: OuterCommandLine = {
        typealias Option = OuterCommandLine.Option
        let connection: [Option] = [
            Option("server", .url, help: "Octopus Server URL"), Option("api-key", .text, help: "API key"),
            Option("space", .space, help: "Space name"),
        ]
        let output = Option("output", short: "o", SettingSpec.named("output")?.kind, help: "table, json or basic")
        let shell = OuterCommandLine.Subcommand("shell", abstract: ShellCommand.configuration.abstract, options: connection + [
            Option("profile", .profile, help: "A saved profile"), Option("v", .text, help: "NAME=VALUE"), output,
            .flag("yes", short: "y", help: "Answer yes"), .flag("no-rc", short: "X", help: "Skip the rc file"), .flag("no-color", help: "No colour"),
            Option("f", .file, help: "A command file"), Option("c", .text, help: "Commands"),
        ])
        let promote = OuterCommandLine.Subcommand("promote", abstract: PromoteCommand.configuration.abstract, options: [
            Option("project", .project, help: "A child project"), Option("projects", .stages, help: "Stages of child projects"),
            .setting("to", help: "Destination environment"), .setting("from", help: "Source environment"),
            .setting("channel", help: "Channel"), Option("release", .releasePattern, help: "Release number pattern"),
            .setting("mode", help: "promote, redeploy or always-latest"), .setting("on-missing", help: "error, warning or skip"),
            .setting("tenant", help: "Tenant"), Option("variable", .text, help: "Name::Value"), .setting("machines", help: "Targets"),
            .flag("ignore-machine-mismatch"), .flag("what-if", help: "Report only"), .flag("no-wait"),
            .setting("timeout", help: "Cancel after"), Option("at", .time, help: "Start time"), .setting("time-zone", help: "Zone for --at"),
            .flag("save-notes"), .flag("refresh-snapshots"), .flag("no-auto-approve"),
            .setting("parent", help: "Parent project"), .setting("parent-release", help: "Parent release"),
            .setting("approval-environment", help: "Approvals' environment"), .setting("approval-tenant", help: "Approvals' tenant"),
        ] + connection + [output, .flag("octopus-service-messages")])
        let serve = OuterCommandLine.Subcommand("serve", abstract: SandboxCommand.Serve.configuration.abstract, options: [
            Option("port", .count), Option("data", .file), .flag("memory"), Option("seed", .choice(["sample", "empty", "large"])),
            Option("large-projects", .count), Option("large-releases", .count), Option("large-deployments", .count),
            Option("speed", .text), Option("latency", .text), Option("fail-rate", .text), Option("reset-rate", .text),
        ])
        let sandbox = OuterCommandLine.Subcommand("sandbox", abstract: SandboxCommand.configuration.abstract, subcommands: [serve])
        let completion = OuterCommandLine.Subcommand("completion", abstract: CompletionCommand.configuration.abstract, subcommands: CompletionScripts.Shell.allCases.map {
            OuterCommandLine.Subcommand($0.rawValue, abstract: "\($0.rawValue) script")
        })
        return OuterCommandLine(root: shell, subcommands: [shell, promote, sandbox, completion])
    }()
}
