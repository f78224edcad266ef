import Foundation
import OctopusClient
import OctopusModel
import Orchestration

/// `notes PROJECT VERSION`: what is in a release — its notes, the package versions it pins, and the work items and
/// commits of their build information.
enum NotesCommand {
    static let spec = CommandSpec(
        "notes", group: .exploration, abstract: "A release's notes, packages, work items and commits",
        examples: ["notes \"Web API\" 2021.1.0.14", "notes Database 2021.1.1.3 -o json"],
        parameters: [
            .positional("project", .project, required: true, help: "The project"),
            .positional("version", .version, required: true, help: "The release version (see 'releases PROJECT')"),
            CommandSupport.outputOption,
        ],
        discussion: "-o basic prints the work item ids, one per line.",
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let client = try session.requireConnection().client
        let project = try await ExplorationSupport.project(named: invocation["project"] ?? "", client: client)
        let version = invocation["version"] ?? ""
        guard let release = try await client.release(project: project.id, version: version) else {
            let versions = try await client.projectReleases(project.id).prefix(200).map(\.version)
            let close = NameSuggestions.closest(to: version, among: versions)
            throw OrchestrationError.notFound(kind: "release of \(project.name)", name: version, suggestions: close.isEmpty ? Array(versions.prefix(3)) : close)
        }
        let notes = NotesPage(release)
        switch ExplorationSupport.format(invocation, session) {
        case .basic: io.output.write(ExplorationSupport.basic(notes.workItems.map(\.id)))
        case .json: io.output.write(ExplorationSupport.json(notes))
        case .table: io.output.write(notes.render(project: TerminalText.clean(project.name), zone: session.timeZone, style: io.style))
        }
        return CommandOutcome(session)
    }

    /// What `notes` shows of a release (not the template's ReleaseNotes output), its server text cleaned of
    /// control characters.
    struct NotesPage: Encodable, Equatable {
        struct Package: Encodable, Equatable {
            var step: String
            var version: String
        }
        struct WorkItem: Encodable, Equatable {
            var id: String
            var description: String?
            var link: String?
        }
        struct Commit: Encodable, Equatable {
            var id: String
            var comment: String?
            var link: String?
        }
        var version: String
        var created: Date
        var notes: String
        var packages: [Package]
        var workItems: [WorkItem]
        var commits: [Commit]

        init(_ release: Release) {
            let clean = TerminalText.clean
            version = clean(release.version)
            created = release.assembled
            notes = clean(release.releaseNotes ?? "")
            packages = release.selectedPackages.map { Package(step: clean($0.stepName ?? $0.actionName), version: clean($0.version)) }
            var seenItems = Set<String>()
            workItems = release.buildInformation.flatMap(\.workItems).filter { seenItems.insert($0.id).inserted }
                .map { WorkItem(id: clean($0.id), description: $0.description.map(clean), link: $0.linkUrl.map(clean)) }
            var seenCommits = Set<String>()
            commits = release.buildInformation.flatMap(\.commits).filter { seenCommits.insert($0.id).inserted }
                .map { Commit(id: clean($0.id), comment: $0.comment.map(clean), link: $0.linkUrl.map(clean)) }
        }

        /// The sections, each said to be empty when it is.
        func render(project: String, zone: TimeZone, style: Style) -> String {
            var text = style.bold("\(project) \(version)") + style.dim("  created \(ExplorationSupport.time(created, in: zone))") + "\n\n"
            text += style.bold("Release notes") + "\n"
            text += notes.isEmpty ? style.dim("  (none)") + "\n" : notes.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)\n" }.joined()
            text += "\n" + style.bold("Packages") + "\n"
            text += packages.isEmpty ? style.dim("  (none)") + "\n" : indent(TableLayout(header: ["STEP", "VERSION"], rows: packages.map { [$0.step, $0.version] }).render(style: style))
            text += "\n" + style.bold("Work items") + "\n"
            text += workItems.isEmpty ? style.dim("  (none: no build information with work items)") + "\n"
                : workItems.map { "  \($0.id)  \($0.description ?? "")\($0.link.map { "  " + style.dim($0) } ?? "")\n" }.joined()
            text += "\n" + style.bold("Commits") + "\n"
            text += commits.isEmpty ? style.dim("  (none: no build information with commits)") + "\n"
                : commits.map { "  \($0.id.prefix(10))  \(($0.comment ?? "").split(separator: "\n").first.map(String.init) ?? "")\n" }.joined()
            return text
        }

        private func indent(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  \($0)" }.joined(separator: "\n")
        }
    }
}
