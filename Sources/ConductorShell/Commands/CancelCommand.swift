import Foundation
import Orchestration
import OctopusClient
import OctopusModel

/// `cancel TASK [--yes]`: cancels a queued or running server task after a confirmation.
enum CancelCommand {
    static let spec = CommandSpec(
        "cancel", group: .exploration, abstract: "Cancel a queued or running server task",
        examples: ["cancel ServerTasks-12", "cancel ServerTasks-12 --yes"],
        parameters: [
            .positional("task", .taskID, required: true, help: "The task (see 'tasks --active')"),
            CommandSupport.yesFlag,
        ],
        changesServer: true,
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let client = try session.requireConnection().client
        let id = ServerTaskID(invocation["task"] ?? "")
        let task = try await ExplorationSupport.lookingUp("task", id.rawValue, listedBy: "tasks") { try await client.task(id) }
        if task.isCompleted {
            io.output.message(TerminalText.clean("\(id.rawValue) has already ended (\(TaskStateText.word(task.state))): nothing to cancel."))
            return CommandOutcome(session)
        }
        io.output.message(TerminalText.clean("Will cancel \(id.rawValue): \(task.description) (\(TaskStateText.word(task.state, waitingForPerson: task.hasPendingInterruptions)))."))
        try await Confirmation.confirm("Cancel \(id.rawValue)", invocation: invocation, session: session, io: io)
        let after = try await client.cancelTask(id)
        io.output.message(TerminalText.clean("\(id.rawValue): \(TaskStateText.word(after.state)). 'log \(id.rawValue)' shows how it ended."))
        return CommandOutcome(session, invalidates: [.tasks, .deployments])
    }
}
