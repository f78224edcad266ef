import Foundation
import Orchestration
import OctopusClient
import OctopusModel

/// `status [PROJECT…]`: what is deployed where — the application (or the named projects; every project when no
/// application is set) × environments, from the dashboard (one request).
enum StatusCommand {
    static let spec = CommandSpec(
        "status", group: .exploration, abstract: "What is deployed where: projects × environments, coloured like the dashboard",
        examples: ["status", "status Database \"Web API\"", "status -o json"],
        parameters: [
            .positional("projects", .project, rest: true, help: "Projects to show (default: the application, else every project)"),
            CommandSupport.outputOption,
        ],
        discussion: "Each cell is the release last deployed there and its state: ✓ success, ✗ failed, ● executing, ◷ queued, ! waiting for a person (see 'interventions'), ⊘ cancelled, · never deployed; blank when the environment is not in the project's lifecycle. -o basic prints the task id of each cell, for 'log'.",
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let connection = try session.requireConnection()
        let dashboard = try await connection.client.dashboard()
        let (projects, title) = try selection(names: invocation.lists["projects"], session, dashboard)
        switch ExplorationSupport.format(invocation, session) {
        case .basic:
            io.output.write(ExplorationSupport.basic(items(of: projects, in: dashboard).map(\.taskId.rawValue)))
        case .json:
            io.output.write(ExplorationSupport.json(items(of: projects, in: dashboard).map { JSONCell($0, dashboard) }))
        case .table:
            if projects.isEmpty {
                io.output.message("No projects in space \(connection.spaceName).")
                return CommandOutcome(session)
            }
            let matrix = self.matrix(projects, dashboard)
            let heading = io.style.bold(TerminalText.clean(title)) + io.style.dim(TerminalText.clean(" — space \(connection.spaceName), \(connection.serverLabel)"))
            let width = session.terminalColumns
            io.output.write(heading + "\n" + matrix.render(width: width, style: io.style))
        }
        return CommandOutcome(session)
    }

    /// The projects to show, in order, and what they are.
    static func selection(names: [String]?, _ session: Session, _ dashboard: Dashboard) throws -> ([DashboardProject], String) {
        let known = dashboard.projects
        func resolve(_ names: [String]) throws -> [DashboardProject] {
            try names.map { try ExplorationSupport.named($0, among: known, kind: "project", name: \.name) }
        }
        if let names, !names.isEmpty { return (try resolve(names), "Projects") }
        if let application = session.application {
            // Without a source (`use projects`, a resumed plan) the title names the projects instead.
            return (try resolve(application.projects), "Application " + (session.applicationSource.map { "(\($0))" } ?? application.notation))
        }
        let groupOrder = Dictionary(dashboard.projectGroups.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = known.sorted { (groupOrder[$0.projectGroupId] ?? .max, $0.name) < (groupOrder[$1.projectGroupId] ?? .max, $1.name) }
        return (sorted, "Every project (no application set: 'use parent …' or 'use projects …')")
    }

    /// The dashboard's current items of `projects`, in project then environment order.
    static func items(of projects: [DashboardProject], in dashboard: Dashboard) -> [DashboardItem] {
        let environmentOrder = Dictionary(dashboard.environments.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return projects.flatMap { project in
            dashboard.items.filter { $0.projectId == project.id }
                .sorted { (environmentOrder[$0.environmentId.rawValue] ?? .max) < (environmentOrder[$1.environmentId.rawValue] ?? .max) }
        }
    }

    /// The matrix: columns are the environments any shown project can deploy to, in the dashboard's (lifecycle)
    /// order. Server names are cleaned here, before the matrix colours them.
    static func matrix(_ projects: [DashboardProject], _ dashboard: Dashboard) -> StatusMatrix {
        let reachable = Set(projects.flatMap(\.environmentIds))
        let columns = dashboard.environments.filter { reachable.contains(EnvironmentID($0.id)) }
        let rows = projects.map { project in
            StatusMatrix.Row(project: TerminalText.clean(project.name), cells: columns.map { environment in
                let here = dashboard.items.filter { $0.projectId == project.id && $0.environmentId.rawValue == environment.id }
                guard let latest = here.max(by: { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) }) else {
                    return project.environmentIds.contains(EnvironmentID(environment.id)) ? .never : .notApplicable
                }
                let worst = here.max { severity($0) < severity($1) } ?? latest
                let tenants = Set(here.compactMap(\.tenantId)).count
                return .deployed(version: TerminalText.clean(latest.releaseVersion), state: worst.state, waiting: worst.hasPendingInterruptions, tenants: tenants)
            })
        }
        return StatusMatrix(environments: columns.map { TerminalText.clean($0.name) }, rows: rows)
    }

    /// Which of several tenants' deployments a cell shows the state of: the one that needs attention most.
    static func severity(_ item: DashboardItem) -> Int {
        if item.hasPendingInterruptions && !item.state.isCompleted { return 6 }
        switch item.state {
        case .failed, .timedOut: return 5
        case .executing, .cancelling: return 4
        case .queued: return 3
        case .canceled: return 2
        case .success: return 1
        }
    }

    /// One cell in `-o json`.
    struct JSONCell: Encodable {
        var project: String
        var environment: String
        var version: String
        var state: String
        var waitingForPerson: Bool
        var taskId: String
        var deploymentId: String
        var releaseId: String
        var tenantId: String?
        var completed: Date?

        init(_ item: DashboardItem, _ dashboard: Dashboard) {
            project = TerminalText.clean(dashboard.projects.first { $0.id == item.projectId }?.name ?? item.projectId.rawValue)
            environment = TerminalText.clean(dashboard.environments.first { $0.id == item.environmentId.rawValue }?.name ?? item.environmentId.rawValue)
            version = TerminalText.clean(item.releaseVersion)
            state = item.state.rawValue
            waitingForPerson = item.hasPendingInterruptions
            taskId = item.taskId.rawValue
            deploymentId = item.deploymentId.rawValue
            releaseId = item.releaseId.rawValue
            tenantId = item.tenantId?.rawValue
            completed = item.completedTime
        }
    }
}
