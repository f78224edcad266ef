import ArgumentParser
import ConductorShell
import Foundation
import OctopusClient
import OctopusSandbox
import Orchestration

/// `conductor promote`: the step template "Deploy Child Octopus Deploy Project" for a whole
/// application, non-interactively, every parameter a flag.
///
/// Until the shell exists, `make run` runs the sample application's promotion on the embedded
/// sandbox with exactly this command line:
///
///     conductor promote --projects "Database then Web API, Scheduling Service then Web UI" --from Test --to Staging --approve-as-me
///
/// In the sample, Web API's and Web UI's Staging processes hold a "Web Admin Approval" manual
/// intervention for the Web Admins and Release Management teams. Conductor never approves as
/// itself unless asked: `make run` asks (`--approve-as-me`), so the embedded sandbox's key (the
/// Release Conductor service account, Release Management) approves them. Without that flag the run
/// waits there until a person approves — the sandbox's URL is printed on stderr, Wes Admin's key is
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

            Exit codes: 0 done, 1 failed, 2 bad usage, 4 a deployment failed or was cancelled, 5 authentication or permission, 124 a wait timed out.
            """
    )

    @OptionGroup(title: "Application") var application: ApplicationFlags
    @OptionGroup(title: "Release selection") var selection: SelectionFlags
    @OptionGroup(title: "Deployment") var deployment: DeploymentFlags
    @OptionGroup(title: "Approvals") var approvals: ApprovalFlags
    @OptionGroup(title: "Connection") var connection: ConnectionFlags
    @OptionGroup(title: "Output") var output: OutputFlags

    func run() async throws {
        let options: PromotionOptions
        do {
            options = try promotionOptions()
        } catch {
            throw usageFailure(error)
        }
        let target: PromotionTarget
        do {
            target = try await PromotionTarget.open(connection, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw failure(error)
        }
        let status = await promote(options, on: target)
        await target.close()
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Runs the promotion, streams progress to standard error, prints the result; returns the exit status.
    func promote(_ options: PromotionOptions, on target: PromotionTarget) async -> ExitStatus {
        let engine = PromotionEngine(client: target.client, pollInterval: target.pollInterval)
        let plan: PromotionPlan
        do {
            let followUp = Self.followUpCommand(CommandLine.arguments)
            plan = try await engine.promote(options) { event in
                StandardError.write(PromotionReport.progressLine(event))
                if case .laterStagesNotScheduled = event {
                    StandardError.write("To keep the order, run once the first stage has succeeded: \(followUp)")
                    StandardError.write("(or run without --no-wait: Conductor then sleeps until the start time, follows the first stage, approves and starts the later stages in order)")
                }
            }
        } catch {
            StandardError.write("Error: \(Self.message(for: error))")
            return ExitStatus(error: error)
        }
        for child in plan.children {
            for message in child.messages where message.level != .info {
                StandardError.write("\(child.project.name): \(message.level.rawValue): \(message.text)")
            }
        }
        let report = PromotionReport(plan: plan)
        do {
            try writeNotesArtifacts(report)
        } catch {
            StandardError.write("Error: could not write the release notes file: \(error.localizedDescription)")
            return .failure
        }
        if output.octopusServiceMessages {
            for message in report.outputVariableMessages() { StandardOutput.write(message.line) }
        }
        StandardOutput.write(report.render(output.format), newline: false)
        return ExitStatus(plan: plan)
    }

    /// `--save-notes`: each child's notes go to a file in the current directory, named as the
    /// template names it; with `--octopus-service-messages` Octopus collects it as an artifact.
    func writeNotesArtifacts(_ report: PromotionReport) throws {
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for artifact in report.notesArtifacts {
            let file = directory.appendingPathComponent(artifact.name)
            let data = Data(artifact.contents.utf8)
            try data.write(to: file)
            StandardError.write("Release notes written to \(file.path)")
            if output.octopusServiceMessages {
                StandardOutput.write(OctopusServiceMessage.createArtifact(path: file.path, name: artifact.name, length: data.count).line)
            }
        }
    }

    /// This command line without `--at`/`--no-wait`, quoted for a shell: what to run to deploy the later stages in
    /// order once the first has succeeded (it is then current in the destination and skipped).
    static func followUpCommand(_ arguments: [String]) -> String {
        var kept: [String] = []
        var skipNext = false
        for argument in arguments.dropFirst() {
            if skipNext { skipNext = false; continue }
            if argument == "--at" || argument == "--time-zone" { skipNext = true; continue }
            if argument == "--no-wait" || argument.hasPrefix("--at=") || argument.hasPrefix("--time-zone=") { continue }
            kept.append(argument)
        }
        let quoted = kept.map { argument in
            argument.allSatisfy({ $0.isLetter || $0.isNumber || "-_./:=*".contains($0) }) ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        return (["conductor"] + quoted).joined(separator: " ")
    }

    /// Text for an error, through the error types' own renderers.
    static func message(for error: any Error) -> String {
        switch error {
        case let error as OctopusClientError: error.description
        case let error as OrchestrationError: error.description
        case let error as PromoteUsageError: error.description
        default: String(describing: error)
        }
    }

    func usageFailure(_ error: any Error) -> ExitCode {
        StandardError.write("Error: \(Self.message(for: error))")
        StandardError.write("See 'conductor promote --help'.")
        return ExitCode(ExitStatus.usage.rawValue)
    }

    func failure(_ error: any Error) -> ExitCode {
        if error is PromoteUsageError { return usageFailure(error) }
        StandardError.write("Error: \(Self.message(for: error))")
        return ExitCode(ExitStatus(error: error).rawValue)
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
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
