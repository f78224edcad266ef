import Foundation
import OctopusClient
import OctopusModel

/// Reads the catalogue from the server: one paged listing per kind (large pages, so a usual space takes one
/// request each), and the releases of named projects, one request per project.
struct CatalogueFetcher: Sendable {
    let client: OctopusClient
    /// Items per request: big enough that listings are one request on usual spaces.
    static let pageSize = 1000
    /// Releases kept per project (newest first).
    static let releasesPerProject = 100
    /// Recent tasks kept.
    static let recentTasks = 50

    /// Refreshes `kinds` into `snapshot`.
    func fetch(_ kinds: Set<CompletionSnapshot.Kind>, into snapshot: inout CompletionSnapshot, at now: Date) async throws {
        try await withThrowingTaskGroup(of: Update.self) { group in
            for kind in kinds { group.addTask { try await read(kind) } }
            var updates: [Update] = []
            for try await update in group { updates.append(update) }
            // Projects first: channels are filed under the project names.
            let order = CompletionSnapshot.Kind.allCases
            for update in updates.sorted(by: { (order.firstIndex(of: $0.kind) ?? 0) < (order.firstIndex(of: $1.kind) ?? 0) }) {
                snapshot.fetched[update.kind.rawValue] = now
                update.apply(&snapshot)
            }
        }
    }

    /// Refreshes the releases of `projects` (names the snapshot knows) into `snapshot`, one request per project.
    func fetchReleases(of projects: [String], into snapshot: inout CompletionSnapshot, at now: Date) async throws {
        let ids = projects.compactMap { name in snapshot.projectIDs[name].map { (name, ProjectID(rawValue: $0)) } }
        let channelNames = snapshot.channelNames
        try await withThrowingTaskGroup(of: (String, [CompletionSnapshot.Release]).self) { group in
            for (name, id) in ids {
                group.addTask {
                    let releases = try await client.projectReleases(id).prefix(Self.releasesPerProject)
                    return (name, Self.newestFirst(releases, channelNames: channelNames))
                }
            }
            for try await (name, releases) in group {
                snapshot.releases[name] = releases
                snapshot.fetched[CompletionSnapshot.projectKey(name)] = now
            }
        }
    }

    /// The catalogue's releases, newest first, with their channels' names.
    static func newestFirst(_ releases: [Release], channelNames: [String: String]) -> [CompletionSnapshot.Release] {
        releases.map { release in
            CompletionSnapshot.Release(version: release.version, channel: channelNames[release.channelId.rawValue] ?? "", created: release.assembled)
        }.sorted { $0.created > $1.created }
    }

    /// One kind's listing, applied later on the caller's copy.
    struct Update: Sendable {
        let kind: CompletionSnapshot.Kind
        let apply: @Sendable (inout CompletionSnapshot) -> Void
    }

    private func read(_ kind: CompletionSnapshot.Kind) async throws -> Update {
        switch kind {
        case .projects:
            let projects: [Project] = try await client.projects().pageSize(Self.pageSize).all()
            let groups: [ProjectGroup] = try await client.all(client.spacePath("projectgroups"), pageSize: Self.pageSize)
            let groupNames = Dictionary(groups.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            return Update(kind: kind) { snapshot in
                snapshot.projects = projects.map { CompletionSnapshot.Project(name: $0.name, group: groupNames[$0.projectGroupId] ?? "") }
                    .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
                snapshot.projectIDs = Dictionary(projects.map { ($0.name, $0.id.rawValue) }, uniquingKeysWith: { a, _ in a })
                snapshot.projectGroups = groups.map(\.name).sorted()
            }
        case .projectGroups:
            // Read with the projects (their descriptions need the group names); kept as a kind for `fetched`.
            return Update(kind: kind) { _ in }
        case .environments:
            let environments = try await client.allEnvironments()
            return Update(kind: kind) { snapshot in
                snapshot.environments = environments.sorted { ($0.sortOrder, $0.name) < ($1.sortOrder, $1.name) }.map(\.name)
            }
        case .tenants:
            let tenants = try await client.tenants().pageSize(Self.pageSize).all()
            return Update(kind: kind) { $0.tenants = tenants.map(\.name).sorted() }
        case .channels:
            let channels: [Channel] = try await client.all(client.spacePath("channels"), pageSize: Self.pageSize)
            return Update(kind: kind) { snapshot in
                let projectNames = Dictionary(snapshot.projectIDs.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
                snapshot.channelNames = Dictionary(channels.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
                var byProject: [String: [String]] = [:]
                for channel in channels {
                    guard let project = projectNames[channel.projectId.rawValue] else { continue }
                    byProject[project, default: []].append(channel.name)
                }
                snapshot.channels = byProject.mapValues { $0.sorted() }
            }
        case .releases:
            // The space's newest releases in one request: without an application, the first Tab on a version
            // already has them. A whole listing also answers for projects with no release at all.
            let (releases, isWhole) = try await Paged<Release>(client: client, path: client.spacePath("releases")).pageSize(Self.pageSize).firstPage()
            return Update(kind: kind) { snapshot in
                let projectNames = Dictionary(snapshot.projectIDs.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
                let byProject = Dictionary(grouping: releases) { projectNames[$0.projectId.rawValue] ?? "" }
                let covered = isWhole ? Array(snapshot.projectIDs.keys) : []
                for name in Set(byProject.keys).union(covered) where !name.isEmpty {
                    let read = Self.newestFirst(byProject[name] ?? [], channelNames: snapshot.channelNames)
                    // A truncated listing never replaces a project's longer list read on its own.
                    if isWhole || read.count > (snapshot.releases[name]?.count ?? 0) { snapshot.releases[name] = Array(read.prefix(Self.releasesPerProject)) }
                }
                for name in covered { snapshot.fetched[CompletionSnapshot.projectKey(name)] = snapshot.fetched[CompletionSnapshot.Kind.releases.rawValue] }
            }
        case .spaces:
            let spaces = try await client.allSpaces()
            return Update(kind: kind) { $0.spaces = spaces.map(\.name).sorted() }
        case .tasks:
            let tasks = try await client.tasks(name: nil).prefix(Self.recentTasks)
            return Update(kind: kind) { $0.tasks = tasks.map { CompletionSnapshot.Item(id: $0.id.rawValue, title: "\($0.state.rawValue): \($0.description)") } }
        case .interventions:
            let interruptions = try await client.interruptions(pendingOnly: true).pageSize(Self.pageSize).all()
            return Update(kind: kind) { $0.interventions = interruptions.map { CompletionSnapshot.Item(id: $0.id.rawValue, title: $0.title) } }
        }
    }
}
