import Foundation

/// The server's names as Tab sees them, for one (server, space): plain `Sendable` lists, read synchronously and kept
/// on disk between shells. Holds names, ids and dates only, never a key.
public struct CompletionSnapshot: Sendable, Equatable {
    /// A project and its group (shown as the candidate's description).
    public struct Project: Sendable, Equatable {
        public var name: String
        public var group: String
        public init(name: String, group: String) {
            self.name = name
            self.group = group
        }
    }

    /// A release of a project.
    public struct Release: Sendable, Equatable {
        public var version: String
        public var channel: String
        public var created: Date
        public init(version: String, channel: String, created: Date) {
            self.version = version
            self.channel = channel
            self.created = created
        }
    }

    /// A task or an intervention: its id and what it is about.
    public struct Item: Sendable, Equatable {
        public var id: String
        public var title: String
        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    /// The part of the catalogue one listing fills; `fetched` remembers when each was last read.
    public enum Kind: String, Sendable, CaseIterable {
        case projects, projectGroups, environments, tenants, channels, releases, spaces, tasks, interventions

        /// The parts values of `kind` come from: what `conductor __complete` decodes.
        public static func parts(for kind: ValueKind) -> Set<Kind> {
            switch kind {
            case .project, .stages: [.projects]
            case .projectGroup: [.projectGroups]
            case .environment: [.environments]
            case .channel: [.channels]
            case .tenant: [.tenants]
            case .releasePattern, .version: [.releases]
            case .taskID: [.tasks]
            case .interventionID: [.interventions]
            case .space: [.spaces]
            // A setting's values depend on which setting: all of it.
            case .settingValue: Set(allCases)
            case .duration, .time, .file, .text, .settingName, .sandboxUser, .profile, .applicationName, .url, .count, .choice, .command: []
            }
        }
    }

    /// `https://octopus.example.com` or `embedded sandbox`.
    public var server: String
    /// The space's name.
    public var space: String
    // Each list Tab ranks keeps its names folded for the case-insensitive tiers, made anew when the list changes.
    public var projects: [Project] = [] { didSet { foldedProjects = FoldedNames() } }
    public var projectGroups: [String] = [] { didSet { foldedProjectGroups = FoldedNames() } }
    /// Environments in the server's sort order (the lifecycle order of the usual setup).
    public var environments: [String] = [] { didSet { foldedEnvironments = FoldedNames() } }
    public var tenants: [String] = [] { didSet { foldedTenants = FoldedNames() } }
    private(set) var foldedProjects = FoldedNames()
    private(set) var foldedProjectGroups = FoldedNames()
    private(set) var foldedEnvironments = FoldedNames()
    private(set) var foldedTenants = FoldedNames()
    public var spaces: [String] = []
    /// Channels by project name.
    public var channels: [String: [String]] = [:]
    /// Releases by project name, newest first (the disk copy's decoded per project on first use).
    public var releases = Releases()
    /// Recent tasks, newest first.
    public var tasks: [Item] = []
    /// Pending interventions.
    public var interventions: [Item] = []
    /// Project ids by name and channel names by id: what the on-demand release listing needs.
    public var projectIDs: [String: String] = [:]
    public var channelNames: [String: String] = [:]
    /// When each kind was last read (projects' channels and releases: by project name, under `project:NAME`).
    public var fetched: [String: Date] = [:]

    public init(server: String, space: String) {
        self.server = server
        self.space = space
    }

    /// An empty catalogue for no connection.
    public static let empty = CompletionSnapshot(server: "", space: "")

    /// The project's group, for descriptions.
    public func group(ofProject name: String) -> String? {
        projects.first { $0.name == name }?.group
    }

    /// The key `fetched` files a project's channels and releases under.
    public static func projectKey(_ name: String) -> String { "project:" + name }
}
