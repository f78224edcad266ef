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
        discussion: "-o basic prints one version per line.",
        handler: run)

    /// How far back a pattern looks: the progression returns the newest releases only.
    static let patternHistory = 500

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let client = try session.requireConnection().client
        let project = try await ExplorationSupport.project(named: invocation["project"] ?? "", client: client)
        let limit = invocation["limit"].flatMap(Int.init) ?? 10
        let pattern = try invocation["pattern"].map { try VersionPattern($0) }
        let progression = try await client.projectProgression(project.id, releaseHistoryCount: pattern == nil ? limit : patternHistory)
        let releases = Array(progression.releases.filter { pattern?.matches($0.release.version) ?? true }.prefix(limit))
        let environments = progression.environments
        let entries = releases.map { Entry($0, environments: environments) }
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
            io.output.write(TerminalText.clean(table(entries, zone: session.timeZone, style: io.style)))
        }
        return CommandOutcome(session)
    }

    /// One release and where it is.
    struct Entry: Encodable, Equatable {
        struct Place: Encodable, Equatable {
            var environment: String
            var state: TaskState
            var waitingForPerson: Bool
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

        init(_ progression: ReleaseProgression, environments: [ReferenceDataItem]) {
            let places = environments.compactMap { environment -> Place? in
                guard let items = progression.deployments[environment.id], let latest = items.max(by: { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) }) else { return nil }
                return Place(environment: environment.name, state: latest.state, waitingForPerson: latest.hasPendingInterruptions)
            }
            self.init(version: progression.release.version, releaseId: progression.release.id.rawValue,
                      channel: progression.channel?.name ?? progression.release.channelId.rawValue, created: progression.release.assembled, deployedTo: places)
        }
    }

    /// The table: VERSION, CHANNEL, CREATED, DEPLOYED TO (each environment coloured by its state).
    static func table(_ entries: [Entry], zone: TimeZone, style: Style) -> String {
        let rows = entries.map { entry in
            [entry.version, entry.channel, ExplorationSupport.time(entry.created, in: zone),
             entry.deployedTo.isEmpty ? style.dim("not deployed") : entry.deployedTo.map { place in
                 TaskStateText.colour("\(TaskStateText.symbol(place.state, waitingForPerson: place.waitingForPerson)) \(place.environment)", place.state, waitingForPerson: place.waitingForPerson, style: style)
             }.joined(separator: "  ")]
        }
        return TableLayout(header: ["VERSION", "CHANNEL", "CREATED", "DEPLOYED TO"], rows: rows).render(style: style)
    }
}
