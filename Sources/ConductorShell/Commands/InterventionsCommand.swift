import Foundation
import Orchestration
import OctopusClient
import OctopusModel

/// `interventions [--mine]`: the pending manual interventions of the space — which deployment waits, on whom, and
/// whether the connected user may answer (`respond ID proceed`).
enum InterventionsCommand {
    static let spec = CommandSpec(
        "interventions", group: .exploration, abstract: "Pending manual interventions: who must act, and whether you can",
        examples: ["interventions", "interventions --mine", "interventions -o basic"],
        parameters: [
            .flag("mine", help: "Only those the connected user may answer"),
            CommandSupport.outputOption,
        ],
        discussion: "'respond ID proceed' (or 'abort') answers one; 'connect sandbox as USER' acts as another seeded user. -o basic prints one id per line.",
        handler: run)

    /// A pending intervention with the names a person reads (cleaned of control characters).
    struct Entry: Encodable, Equatable {
        var id: String
        var title: String
        var project: String
        var release: String
        var environment: String
        var taskId: String
        var teams: [String]
        var canAct: Bool
        var takenBy: String?
    }

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let connection = try session.requireConnection()
        let pending = try await connection.client.interruptions(pendingOnly: true).all().filter(\.isPending)
        var entries = try await describe(pending, client: connection.client)
        if invocation.has("mine") { entries = entries.filter(\.canAct) }
        switch ExplorationSupport.format(invocation, session) {
        case .basic:
            io.output.write(ExplorationSupport.basic(entries.map(\.id)))
        case .json:
            io.output.write(ExplorationSupport.json(entries))
        case .table:
            guard !entries.isEmpty else {
                io.output.message(invocation.has("mine") && !pending.isEmpty
                    ? "No pending intervention that \(TerminalText.clean(connection.userName)) may answer (\(pending.count) for others: 'interventions')."
                    : "No pending manual interventions.")
                return CommandOutcome(session)
            }
            io.output.write(table(
                entries, user: TerminalText.clean(connection.userName), style: io.style,
                width: session.terminalColumns))
        }
        return CommandOutcome(session)
    }

    /// ID, DEPLOYMENT (`Web API 2021.1.0.14 to Staging`), TITLE, TEAMS, YOU (whether the user can act), then who
    /// "you" is and the line to answer; one record per intervention when the table is wider than the terminal.
    static func table(_ entries: [Entry], user: String, style: Style, width: Int? = nil) -> String {
        let rows = entries.map { entry in
            [entry.id, "\(entry.project) \(entry.release) to \(entry.environment)", entry.title, entry.teams.joined(separator: ", "),
             entry.canAct ? style.green(entry.takenBy.map { "yes (taken by \($0))" } ?? "yes") : style.dim(entry.takenBy.map { "no (taken by \($0))" } ?? "no")]
        }
        var text = TableLayout(header: ["ID", "DEPLOYMENT", "TITLE", "TEAMS", "YOU"], rows: rows).renderFitting(style: style, width: width)
        let answer = entries.first(where: \.canAct).map { " Answer with 'respond \($0.id) proceed' (or 'abort')." } ?? ""
        text += style.dim("YOU: whether \(user) may answer it.\(answer)") + "\n"
        return text
    }

    /// Names for `interruptions`: their deployments, projects, releases, environments and teams (4–5 requests for
    /// any number of them).
    static func describe(_ interruptions: [Interruption], client: OctopusClient) async throws -> [Entry] {
        guard !interruptions.isEmpty else { return [] }
        let deploymentIDs = interruptions.compactMap(deploymentID)
        async let deployments = deploymentIDs.isEmpty ? [] : client.deployments(ids: deploymentIDs).pageSize(max(1, deploymentIDs.count)).all()
        async let projects = client.allProjects()
        async let environments = client.allEnvironments()
        let teamIDs = Array(Set(interruptions.flatMap(\.responsibleTeamIds))).sorted { $0.rawValue < $1.rawValue }
        async let teams = teamIDs.isEmpty ? [] : client.teams(ids: teamIDs).all()
        let found = try await deployments
        let releaseIDs = Array(Set(found.map(\.releaseId))).sorted { $0.rawValue < $1.rawValue }
        async let releases = releaseIDs.isEmpty ? [] : client.releases(ids: releaseIDs).all()
        let (projectList, environmentList, teamList, releaseList) = try await (projects, environments, teams, releases)
        let takers = try await takenBy(interruptions, client: client)
        return interruptions.map { interruption in
            let deployment = deploymentID(interruption).flatMap { id in found.first { $0.id == id } }
            return Entry(
                id: interruption.id.rawValue, title: TerminalText.clean(interruption.title),
                project: TerminalText.clean(deployment.flatMap { d in projectList.first { $0.id == d.projectId }?.name } ?? ""),
                release: TerminalText.clean(deployment.flatMap { d in releaseList.first { $0.id == d.releaseId }?.version } ?? ""),
                environment: TerminalText.clean(deployment.flatMap { d in environmentList.first { $0.id == d.environmentId }?.name } ?? ""),
                taskId: interruption.taskId?.rawValue ?? "",
                teams: interruption.responsibleTeamIds.map { id in TerminalText.clean(teamList.first { $0.id == id }?.name ?? id.rawValue) },
                canAct: interruption.canTakeResponsibility || interruption.hasResponsibility,
                takenBy: takers[interruption.id].map(TerminalText.clean))
        }
    }

    /// Who has taken responsibility, for those someone has (one request each; usually none).
    static func takenBy(_ interruptions: [Interruption], client: OctopusClient) async throws -> [InterruptionID: String] {
        var names: [InterruptionID: String] = [:]
        for interruption in interruptions where interruption.responsibleUserId != nil {
            names[interruption.id] = try await client.responsibleUser(interruption: interruption.id).displayName
        }
        return names
    }

    /// The deployment an interruption belongs to, from its related documents.
    static func deploymentID(_ interruption: Interruption) -> DeploymentID? {
        interruption.relatedDocumentIds.first { $0.hasPrefix("Deployments-") }.map { DeploymentID($0) }
    }
}
