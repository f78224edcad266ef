import Foundation
import Orchestration
import OctopusClient
import OctopusModel

/// `log TASK [--follow]`: a task's activity log; `--follow` polls until the task ends, printing only new lines
/// (Ctrl-C stops following; the task keeps running).
enum LogCommand {
    static let spec = CommandSpec(
        "log", group: .exploration, abstract: "A server task's log; --follow keeps printing until it ends",
        examples: ["log ServerTasks-12", "log ServerTasks-12 --follow"],
        parameters: [
            .positional("task", .taskID, required: true, help: "The task (see 'tasks')"),
            .flag("follow", short: "f", help: "Keep printing new lines until the task ends (Ctrl-C stops following)"),
            CommandSupport.outputOption,
        ],
        discussion: "-o json prints the task and its log tree as the server gives them; -o basic the task's state.",
        interruptedMessage: { invocation in
            let id = TerminalText.clean(invocation["task"] ?? "")
            return "Stopped following \(id); the task keeps running ('log \(id) --follow' picks it up again)."
        },
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let client = try session.requireConnection().client
        let id = ServerTaskID(invocation["task"] ?? "")
        var details = try await ExplorationSupport.lookingUp("task", id.rawValue, listedBy: "tasks") { try await client.taskDetails(id) }
        let format = ExplorationSupport.format(invocation, session)
        if format != .table || !invocation.has("follow") {
            if invocation.has("follow") {
                details = try await follow(id, from: details, session: session, print: { _ in })
            }
            switch format {
            case .json: io.output.write(ExplorationSupport.json(JSONDetails(details)))
            case .basic: io.output.write(ExplorationSupport.basic([details.task.state.rawValue]))
            case .table: io.output.write(header(details.task, style: io.style) + TaskLog(details.activityLogs, zone: session.timeZone, style: io.style).text + footer(details.task, style: io.style))
            }
            return CommandOutcome(session, status: status(details.task))
        }
        io.output.write(header(details.task, style: io.style))
        var printed = Set<String>()
        var saidWaiting = false
        func emit(_ details: TaskDetails) {
            for line in TaskLog(details.activityLogs, zone: session.timeZone, style: io.style).lines where !printed.contains(line.key) {
                printed.insert(line.key)
                io.output.write(line.text + "\n")
            }
            // Following a task that waits for a person would otherwise look like a hang.
            let waiting = details.task.hasPendingInterruptions && !details.task.isCompleted
            if waiting && !saidWaiting { io.output.message(io.style.boldYellow("Waiting for a person: 'interventions' lists what to answer, 'respond ID proceed' answers it.")) }
            saidWaiting = waiting
        }
        emit(details)
        details = try await follow(id, from: details, session: session, print: emit)
        io.output.write(footer(details.task, style: io.style))
        return CommandOutcome(session, status: status(details.task))
    }

    /// Polls the task's details until it has completed, handing each new version to `print`.
    static func follow(_ id: ServerTaskID, from details: TaskDetails, session: Session, print: (TaskDetails) -> Void) async throws -> TaskDetails {
        let client = try session.requireConnection().client
        var details = details
        while !details.task.isCompleted {
            try await Task.sleep(for: session.pollInterval)
            details = try await client.taskDetails(id)
            print(details)
        }
        return details
    }

    /// The line before the log: the task, what it is, its state.
    static func header(_ task: ServerTask, style: Style) -> String {
        let state = TaskStateText.colour(TaskStateText.word(task.state, waitingForPerson: task.hasPendingInterruptions), task.state, waitingForPerson: task.hasPendingInterruptions, style: style)
        return "\(style.bold(task.id.rawValue))  \(TerminalText.clean(task.description))  \(state)\n"
    }

    /// The line after a finished task's log: how it ended and, when it failed, why.
    static func footer(_ task: ServerTask, style: Style) -> String {
        guard task.isCompleted else {
            return task.hasPendingInterruptions ? style.boldYellow("Waiting for a person: see 'interventions'.") + "\n" : style.dim("Still \(TaskStateText.word(task.state).lowercased()); 'log \(task.id.rawValue) --follow' keeps printing.") + "\n"
        }
        var text = TaskStateText.colour("\(TaskStateText.symbol(task.state)) \(task.id.rawValue) \(TaskStateText.word(task.state).lowercased())", task.state, style: style)
        if let duration = task.duration { text += " after \(TerminalText.clean(duration))" }
        if !task.errorMessage.isEmpty { text += ": " + TerminalText.clean(task.errorMessage) }
        return text + "\n"
    }

    /// A failed or cancelled task is status 4, as a failed deployment is.
    static func status(_ task: ServerTask) -> ExitStatus {
        switch task.state {
        case .failed, .timedOut, .canceled: .deploymentFailed
        default: .success
        }
    }

    /// `-o json`: the task and the log tree, with server text cleaned.
    struct JSONDetails: Encodable {
        struct Node: Encodable {
            var name: String
            var status: String
            var started: Date?
            var ended: Date?
            var messages: [Message]
            var children: [Node]
            init(_ node: ActivityLogTreeNode) {
                name = TerminalText.clean(node.name)
                status = node.status.rawValue
                started = node.started
                ended = node.ended
                messages = node.logElements.map(Message.init)
                children = node.children.map(Node.init)
            }
        }
        struct Message: Encodable {
            var occurredAt: Date?
            var category: String
            var text: String
            init(_ entry: ActivityLogEntry) {
                occurredAt = entry.occurredAt
                category = entry.category.rawValue
                text = TerminalText.clean(entry.messageText)
            }
        }
        var task: TasksCommand.JSONTask
        var log: [Node]
        init(_ details: TaskDetails) {
            task = TasksCommand.JSONTask(details.task)
            log = details.activityLogs.map(Node.init)
        }
    }
}
