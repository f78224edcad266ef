import Foundation
import OctopusClient
import OctopusModel
import Orchestration

/// `releases PROJECT [PATTERN] [--limit N]`: a project's releases newest first — channel, created, and where each
/// is deployed (with the state there) — from the project's progression (one request after the project lookup).
enum ReleasesCommand {
    static let spec = CommandSpec(
        "releases", group: .exploration, abstract: "A project's releases, newest first: channel, created, where each is deployed",
        examples: ["releases \"Web API\"", "releases Database 2021.1.1.*", "releases \"Web UI\" --limit 5 -o basic"],
        parameters: [
            .positional("project", .project, required: true, help: "The project"),
            .positional("pattern", .releasePattern, help: "Only versions matching, '*' and '?' anywhere"),
            ExplorationSupport.limitOption(10), CommandSupport.outputOption,
        ],
        discussion: "DEPLOYED TO lists the environments where the release is current, coloured by its state there, then (dim) those it was deployed to and has since been replaced in. A PATTERN searches the newest \(historyLimit) releases, the most the server's progression returns. -o basic prints one version per line.",
        handler: run)

    /// How far back a pattern (or a large --limit) looks: the most releases Octopus's progression returns.
    static let historyLimit = 100

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let client = try session.requireConnection().client
        let project = try await ExplorationSupport.project(named: invocation["project"] ?? "", client: client)
        let limit = invocation["limit"].flatMap(Int.init) ?? 10
        let pattern = try invocation["pattern"].map { try VersionPattern($0) }
        let progression = try await client.projectProgression(project.id, releaseHistoryCount: pattern == nil ? min(limit, historyLimit) : historyLimit)
        let current = currentReleases(progression)
        let releases = Array(progression.releases.filter { pattern?.matches($0.release.version) ?? true }.prefix(limit))
        let entries = releases.map { Entry($0, environments: progression.environments, current: current) }
        switch ExplorationSupport.format(invocation, session) {
        case .basic:
            io.output.write(ExplorationSupport.basic(entries.map(\.version)))
        case .json:
            io.output.write(ExplorationSupport.json(entries))
        case .table:
            guard !entries.isEmpty else {
                io.output.message(TerminalText.clean("No releases of \(project.name)\(pattern.map { " match \($0.text)" } ?? "")."))
                return CommandOutcome(session)
            }
            io.output.write(table(entries, zone: session.timeZone, style: io.style))
        }
        return CommandOutcome(session)
    }

    /// One release and where it is.
    struct Entry: Encodable, Equatable {
        struct Place: Encodable, Equatable {
            var environment: String
            var state: TaskState
            var waitingForPerson: Bool
            /// Whether this release is still the one there (false: a later deployment replaced it).
            var current: Bool
        }
        var version: String
        var releaseId: String
        var channel: String
        var created: Date
        var deployedTo: [Place]

        init(version: String, releaseId: String, channel: String, created: Date, deployedTo: [Place]) {
            self.version = version
            self.releaseId = releaseId
            self.channel = channel
            self.created = created
            self.deployedTo = deployedTo
        }

        /// `current`: environment id → the release ids deployed there last (see `currentReleases`).
        init(_ progression: ReleaseProgression, environments: [ReferenceDataItem], current: [String: Set<String>]) {
            let places = environments.compactMap { environment -> Place? in
                guard let latest = ReleasesCommand.latest(progression.deployments[environment.id] ?? []) else { return nil }
                return Place(environment: TerminalText.clean(environment.name), state: latest.state, waitingForPerson: latest.hasPendingInterruptions,
                             current: current[environment.id]?.contains(progression.release.id.rawValue) ?? false)
            }
            self.init(version: TerminalText.clean(progression.release.version), releaseId: progression.release.id.rawValue,
                      channel: TerminalText.clean(progression.channel?.name ?? progression.release.channelId.rawValue), created: progression.release.assembled, deployedTo: places)
        }
    }

    /// The most recent of a release's deployments to one environment.
    static func latest(_ deployments: [DashboardItem]) -> DashboardItem? {
        deployments.max { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) }
    }

    /// Per environment id, the releases deployed there most recently (one per tenant; one when untenanted), among
    /// the progression's releases: so a release that was rolled back from Test is not shown as being in Test.
    static func currentReleases(_ progression: ProjectProgression) -> [String: Set<String>] {
        struct Slot: Hashable { var environment: String, tenant: String? }
        var newest: [Slot: (release: String, created: Date)] = [:]
        for release in progression.releases {
            for (environment, deployments) in release.deployments {
                for deployment in deployments {
                    let slot = Slot(environment: environment, tenant: deployment.tenantId?.rawValue)
                    let created = deployment.created ?? .distantPast
                    if newest[slot].map({ created > $0.created }) ?? true { newest[slot] = (release.release.id.rawValue, created) }
                }
            }
        }
        return Dictionary(grouping: newest, by: \.key.environment).mapValues { Set($0.map(\.value.release)) }
    }

    /// The table: VERSION, CHANNEL, CREATED, DEPLOYED TO (where it is current, coloured by its state; then, dim,
    /// where it has been replaced).
    static func table(_ entries: [Entry], zone: TimeZone, style: Style) -> String {
        let rows = entries.map { entry in
            let current = entry.deployedTo.filter(\.current).map { place in
                TaskStateText.colour("\(TaskStateText.symbol(place.state, waitingForPerson: place.waitingForPerson)) \(place.environment)", place.state, waitingForPerson: place.waitingForPerson, style: style)
            }
            let replaced = entry.deployedTo.filter { !$0.current }.map(\.environment)
            let earlier = replaced.isEmpty ? [] : [style.dim("(earlier: \(replaced.joined(separator: ", ")))")]
            let places = current + earlier
            return [entry.version, entry.channel, ExplorationSupport.time(entry.created, in: zone),
                    places.isEmpty ? style.dim("not deployed") : places.joined(separator: "  ")]
        }
        return TableLayout(header: ["VERSION", "CHANNEL", "CREATED", "DEPLOYED TO"], rows: rows).render(style: style)
    }
}
