import ArgumentParser
import ConductorShell
import Foundation

/// `conductor [options]`: the shell — interactive on a terminal, a script runner with `-f`, `-c` or piped input.
/// Parses the options and hands them to `ShellMain`; everything else lives in ConductorShell.
struct ShellCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "The Conductor shell (the default): interactive on a terminal; scripts with -f, -c or piped input.",
        discussion: """
            Examples:
              conductor                                   the interactive shell (embedded sandbox unless a server is configured)
              conductor -f examples/promote-to-staging.cond
              conductor -c 'use parent "Release Orchestration"; find to Staging; whatif'
              printf 'find to Staging\\n' | conductor -v 'pattern=2021.1.0.*'

            Exit codes: 0 ok, 1 a command failed, 2 usage, 3 a script stopped on an error, 4 a deployment failed, 5 authentication or permission, 124 a wait timed out, 130 interrupted.
            """
    )

    @Option(help: ArgumentHelp("Octopus Server URL (or OCTOPUS_URL); none: the embedded sandbox.", valueName: "url"))
    var server: String?

    @Option(name: .customLong("api-key"), help: ArgumentHelp("API key (discouraged: prefer OCTOPUS_API_KEY).", valueName: "key"))
    var apiKey: String?

    @Option(help: ArgumentHelp("Space name or Spaces-N id (or OCTOPUS_SPACE).", valueName: "space"))
    var space: String?

    @Option(help: ArgumentHelp("A profile saved with 'connect … --save-profile'.", valueName: "name"))
    var profile: String?

    @Option(name: .customShort("v"), help: ArgumentHelp("Set a session variable (repeatable).", valueName: "NAME=VALUE"))
    var variables: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("table, json or basic.", valueName: "format"))
    var output: String?

    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Answer yes to every confirmation.")
    var yes = false

    @Flag(name: [.customShort("X"), .customLong("no-rc")], help: "Do not run the rc file.")
    var noRC = false

    @Flag(name: .customLong("no-color"), help: "No colour.")
    var noColor = false

    @Option(name: .customShort("f"), help: ArgumentHelp("Run a command file ('-' for standard input), then exit (repeatable).", valueName: "file"))
    var files: [String] = []

    @Option(name: .customShort("c"), help: ArgumentHelp("Run commands (';' separates them), then exit (repeatable).", valueName: "commands"))
    var commands: [String] = []

    func run() async throws {
        var options = ShellOptions()
        options.connection = ConnectionResolver.Flags(server: server, apiKey: apiKey, space: space, profile: profile)
        options.variables = variables
        options.output = output
        options.assumeYes = yes
        options.skipRC = noRC
        options.noColor = noColor
        options.files = files
        options.commands = commands
        let status = await ShellMain.run(options, launcher: EmbeddedSandboxLauncher(), environment: ProcessInfo.processInfo.environment)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
