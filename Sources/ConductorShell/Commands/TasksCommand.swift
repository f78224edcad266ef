import Foundation
import Orchestration
import OctopusClient
import OctopusModel

/// `tasks [PROJECT] [--active] [--limit N]`: the space's server tasks, newest first (one request, two with a
/// project name to look up).
enum TasksCommand {
    static let spec = CommandSpec(
        "tasks", group: .exploration, abstract: "Server tasks, newest first: state, what, when",
        examples: ["tasks", "tasks \"Web API\" --active", "tasks --limit 5 -o basic"],
        parameters: [
            .positional("project", .project, help: "Only this project's tasks"),
            .flag("active", help: "Only queued, executing or cancelling tasks"),
            ExplorationSupport.limitOption(20), CommandSupport.outputOption,
        ],
        discussion: "'log TASK' shows one's log, 'cancel TASK' stops one. -o basic prints one task id per line.",
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let client = try session.requireConnection().client
        let project = try await invocation["project"].asyncMap { try await ExplorationSupport.project(named: $0, client: client) }
        let limit = invocation["limit"].flatMap(Int.init) ?? 20
        let states: [TaskState] = invocation.has("active") ? [.queued, .executing, .cancelling] : []
        let tasks = try await client.tasks(project: project?.id, name: nil, states: states).pageSize(min(limit, 100)).prefix(limit)
        switch ExplorationSupport.format(invocation, session) {
        case .basic:
            io.output.write(ExplorationSupport.basic(tasks.map(\.id.rawValue)))
        case .json:
            io.output.write(ExplorationSupport.json(tasks.map(JSONTask.init)))
        case .table:
            guard !tasks.isEmpty else {
                io.output.message(invocation.has("active") ? "No task is queued or running." : "No tasks yet.")
                return CommandOutcome(session)
            }
            io.output.write(table(tasks, zone: session.timeZone, style: io.style, width: session.terminalColumns))
        }
        return CommandOutcome(session)
    }

    /// TASK, STATE, QUEUED, DURATION, DESCRIPTION (last, so a narrow terminal cuts it rather than wrapping every
    /// row); the state coloured, a pending intervention said. Below 100 columns DURATION gives way, so the
    /// description keeps its project and environment at 80.
    static func table(_ tasks: [ServerTask], zone: TimeZone, style: Style, width: Int? = nil) -> String {
        let showsDuration = (width ?? .max) >= 100
        let rows = tasks.map { task in
            let waiting = task.hasPendingInterruptions
            return [
                task.id.rawValue,
                TaskStateText.colour("\(TaskStateText.symbol(task.state, waitingForPerson: waiting)) \(TaskStateText.word(task.state, waitingForPerson: waiting))", task.state, waitingForPerson: waiting, style: style),
                ExplorationSupport.time(task.queueTime ?? task.startTime, in: zone),
            ] + (showsDuration ? [TerminalText.clean(task.duration ?? "")] : []) + [TerminalText.clean(shortDescription(task.description))]
        }
        let header = ["TASK", "STATE", "QUEUED"] + (showsDuration ? ["DURATION"] : []) + ["DESCRIPTION"]
        return TableLayout(header: header, rows: rows).render(style: style, width: width)
    }

    /// Octopus's deployment description said shorter, environment before version — `Deploy Web API release
    /// 2021.1.0.15 to Test` is `Web API to Test (2021.1.0.15)` — so a cut at the terminal's edge takes the version
    /// (which `log` shows) rather than the environment; other tasks' text as it is.
    static func shortDescription(_ description: String) -> String {
        guard let match = description.wholeMatch(of: /Deploy (.+) release (\S+) to (.+)/) else { return description }
        return "\(match.1) to \(match.3) (\(match.2))"
    }

    /// One task in `-o json`.
    struct JSONTask: Encodable {
        var id: String
        var state: String
        var description: String
        var waitingForPerson: Bool
        var queued: Date?
        var started: Date?
        var completed: Date?
        var errorMessage: String?

        init(_ task: ServerTask) {
            id = task.id.rawValue
            state = task.state.rawValue
            description = TerminalText.clean(task.description)
            waitingForPerson = task.hasPendingInterruptions
            queued = task.queueTime
            started = task.startTime
            completed = task.completedTime
            errorMessage = task.errorMessage.isEmpty ? nil : TerminalText.clean(task.errorMessage)
        }
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
