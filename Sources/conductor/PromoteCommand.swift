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
///     conductor promote --projects "Database then Web API, Scheduling Service then Web UI" --from Test --to Staging
///
/// In the sample, Web API's and Web UI's Staging processes hold a "Web Admin Approval" manual
/// intervention that only the Web Admins team may take (the embedded sandbox's key is the Release
/// Conductor's), so that run waits there until someone approves it — the sandbox's URL is printed
/// on stderr, Wes Admin's key is `SampleSeed.webAdminAPIKey` — or until `--timeout` cancels it
/// (exit 124).
struct PromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Promote an application's child projects to the next environment, like the 'Deploy Child Octopus Deploy Project' step template.",
        discussion: """
            Examples:
              conductor promote --projects "Database then Web API" --to Staging
              conductor promote --project "Web API" --to Production --release "2021.1.1.*" --what-if -o json
              conductor promote --project Database --to Production --at "tomorrow 19:00" --parent "Release Orchestration" --parent-release 2021.1.0 --approval-environment "Prod Approval"

            With no --server (or OCTOPUS_URL) the embedded sandbox with the sample application is used. Results go to standard output, progress and messages to standard error.

            Exit codes: 0 done, 1 failed, 2 bad usage, 4 a deployment failed or was cancelled, 5 authentication or permission, 124 a wait timed out.
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
        let engine = PromotionEngine(
            client: target.client, pollInterval: tuning.pollInterval(default: target.pollInterval), concurrency: tuning.concurrency)
        let plan: PromotionPlan
        do {
            plan = try await engine.promote(options) { event in StandardError.write(PromotionReport.progressLine(event)) }
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
