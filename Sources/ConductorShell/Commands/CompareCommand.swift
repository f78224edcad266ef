import Foundation
import Orchestration
import OctopusClient
import OctopusModel

/// `compare ENV ENV`: per child, the release in each environment and what promoting from the first to the second
/// would change — from the dashboard (one request).
enum CompareCommand {
    static let spec = CommandSpec(
        "compare", group: .exploration, abstract: "Per child the release in two environments and what a promotion would change",
        examples: ["compare Staging Production", "compare Test Staging -o json"],
        parameters: [
            .positional("from", .environment, required: true, help: "The source environment"),
            .positional("to", .environment, required: true, help: "The destination environment"),
            CommandSupport.outputOption,
        ],
        discussion: "The source side is the release last deployed successfully there (what a promotion takes); the destination side is what is there now. -o basic prints the projects a promotion would change, one per line.",
        handler: run)

    /// One project's row.
    struct Row: Encodable, Equatable {
        /// What a promotion from the source would do.
        enum Change: String, Encodable {
            case deploy, rollback, redeploy, upToDate = "up-to-date", nothingToPromote = "nothing-to-promote"
        }
        var project: String
        var from: String?
        var to: String?
        var toState: TaskState?
        var change: Change
    }

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let connection = try session.requireConnection()
        let dashboard = try await connection.client.dashboard()
        let environments = dashboard.environments
        let source = try ExplorationSupport.named(invocation["from"] ?? "", among: environments, kind: "environment", name: \.name)
        let destination = try ExplorationSupport.named(invocation["to"] ?? "", among: environments, kind: "environment", name: \.name)
        let (projects, _) = try StatusCommand.selection(names: nil, session, dashboard)
        let rows = projects.map { row($0, source: source.id, destination: destination.id, dashboard) }
        switch ExplorationSupport.format(invocation, session) {
        case .basic:
            io.output.write(ExplorationSupport.basic(rows.filter { [.deploy, .rollback, .redeploy].contains($0.change) }.map(\.project)))
        case .json:
            io.output.write(ExplorationSupport.json(rows))
        case .table:
            io.output.write(table(rows, from: TerminalText.clean(source.name), to: TerminalText.clean(destination.name), style: io.style))
        }
        return CommandOutcome(session)
    }

    /// The comparison of one project, its server names cleaned.
    static func row(_ project: DashboardProject, source: String, destination: String, _ dashboard: Dashboard) -> Row {
        let all = dashboard.items + dashboard.previousItems
        func latest(_ items: [DashboardItem]) -> DashboardItem? { items.max { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) } }
        let promoted = latest(all.filter { $0.projectId == project.id && $0.environmentId.rawValue == source && $0.state == .success && $0.tenantId == nil })
        let current = latest(dashboard.items.filter { $0.projectId == project.id && $0.environmentId.rawValue == destination && $0.tenantId == nil })
        return Row(project: TerminalText.clean(project.name), from: promoted.map { TerminalText.clean($0.releaseVersion) }, to: current.map { TerminalText.clean($0.releaseVersion) }, toState: current?.state,
                   change: change(from: promoted?.releaseVersion, to: current?.releaseVersion, state: current?.state))
    }

    /// What promoting `from` over `to` (in `state`) does.
    static func change(from: String?, to: String?, state: TaskState?) -> Row.Change {
        guard let from else { return .nothingToPromote }
        guard let to else { return .deploy }
        if from == to { return state == .success ? .upToDate : .redeploy }
        return from.compare(to, options: .numeric) == .orderedAscending ? .rollback : .deploy
    }

    /// PROJECT, the two environments, what a promotion would do in words (short: the versions are in the columns
    /// before it).
    static func table(_ rows: [Row], from: String, to: String, style: Style) -> String {
        let lines = rows.map { row -> [String] in
            let destination = row.to.map { version in
                row.toState.map { TaskStateText.colour("\(TaskStateText.symbol($0)) \(version)", $0, style: style) } ?? version
            } ?? style.dim("·")
            let words: String = switch row.change {
            case .deploy: style.bold(row.to == nil ? "deploy (first time in \(to))" : "deploy")
            case .rollback: style.yellow("roll back (\(to) is newer)")
            case .redeploy: style.yellow("redeploy (last attempt \(TaskStateText.word(row.toState ?? .failed).lowercased()))")
            case .upToDate: style.dim("up to date")
            case .nothingToPromote: style.dim("nothing to promote (no success in \(from))")
            }
            return [row.project, row.from ?? style.dim("·"), destination, words]
        }
        return TableLayout(header: ["PROJECT", from.uppercased(), to.uppercased(), "A PROMOTION WOULD"], rows: lines).render(style: style)
    }
}
