import ArgumentParser
import ConductorShell
import Foundation
import OctopusClient
import OctopusSandbox
import Orchestration

/// `conductor promote`: the step template "Deploy Child Octopus Deploy Project" for a whole
/// application, non-interactively, every parameter a flag.
///
/// The sample application's promotion on the embedded sandbox:
///
///     conductor promote --projects "Database then Web API, Scheduling Service then Web UI" --from Test --to Staging --approve-as-me
///
/// In the sample, Web API's and Web UI's Staging processes hold a "Web Admin Approval" manual
/// intervention for the Web Admins and Release Management teams. Conductor never approves as
/// itself unless asked: with `--approve-as-me` the embedded sandbox's key (the Release Conductor
/// service account, Release Management) approves them. Without that flag the run waits there until
/// a person approves — the sandbox's URL is printed on stderr, Wes Admin's key is
/// `SampleSeed.webAdminAPIKey` — or until `--timeout` cancels it (exit 124).
struct PromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Promote an application's child projects to the next environment, like the 'Deploy Child Octopus Deploy Project' step template.",
        discussion: """
            Examples:
              conductor promote --projects "Database then Web API" --to Staging
              conductor promote --project "Web API" --to Production --release "2021.1.1.*" --what-if -o json
              conductor promote --projects "Database then Web API, Scheduling Service then Web UI" --to Production --at 19:00 --parent "Release Orchestration" --parent-release 2021.1.0 --approval-environment "Prod Approval"
                (approved at 11:00 through Prod Approval: waits until 19:00, then deploys the stages in order, approving each QA and Web Admin intervention on behalf of the parent's approvers)

            Approvals: with --parent, the users who approved the parent release's deployment (to --approval-environment) stand in for the children's manual interventions of their teams; with --approve-as-me, the API key's own user does, for its teams; otherwise nobody's approval is taken and every intervention is left to people. What each intervention will get is listed before anything deploys (and by --what-if).

            With no --server (or OCTOPUS_URL) the embedded sandbox with the sample application is used. Results go to standard output, progress and messages to standard error.

            Exit codes: 0 done, 1 failed, 2 bad usage, 4 a deployment failed or was cancelled, 5 authentication or permission, 75 stopped by failing requests with deployments left running (run the same command again to resume), 124 a wait timed out.

            Created deployments are recorded in $XDG_STATE_HOME/conductor/ledger.json (default ~/.local/state/conductor), and the server is asked before creating, so running the command again never deploys a release twice: it follows what is running.
            """
    )

    @OptionGroup(title: "Application") var application: ApplicationFlags
    @OptionGroup(title: "Release selection") var selection: SelectionFlags
    @OptionGroup(title: "Deployment") var deployment: DeploymentFlags
    @OptionGroup(title: "Approvals") var approvals: ApprovalFlags
    @OptionGroup(title: "Connection") var connection: ConnectionFlags
    @OptionGroup(title: "Tuning") var tuning: TuningFlags
    @OptionGroup(title: "Output") var output: OutputFlags

    func run() async throws {
        let options: PromotionOptions
        do {
            options = try promotionOptions()
        } catch {
            let diagnostic = ErrorRenderer.render(error, on: .commandLine)
            for line in diagnostic.lines(on: .commandLine) { StandardError.write(line) }
            StandardError.write("See 'conductor promote --help'.")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        var run = PromotionRun()
        run.format = output.format
        run.serviceMessages = output.octopusServiceMessages
        run.connection = ConnectionResolver.Flags(server: connection.server, apiKey: connection.apiKey, space: connection.space)
        run.settings = tuning.settings
        let environment = ProcessInfo.processInfo.environment
        let status = await run.run(options, launcher: EmbeddedSandboxLauncher(), environment: environment, output: StandardStreams(environment: environment, noColor: true))
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// Writes lines to standard output (data).
enum StandardOutput {
    static func write(_ text: String, newline: Bool = true) {
        FileHandle.standardOutput.write(Data((newline ? text + "\n" : text).utf8))
    }
}

/// Writes lines to standard error (progress and messages).
enum StandardError {
    /// Server- and flag-derived text is stripped of control characters first, so nothing printed here can move
    /// the cursor, clear the screen or set the terminal's title.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.sanitized(text, keepingLineBreaks: true) + "\n").utf8))
    }
}
