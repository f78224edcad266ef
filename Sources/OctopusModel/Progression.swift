import Foundation

/// Releases of a project and where each is deployed (`GET /progression/{projectId}`).
public struct ProjectProgression: Codable, Sendable, Equatable {
    public var id: String?
    /// In lifecycle order.
    public var environments: [ReferenceDataItem]
    public var channelEnvironments: [String: [ReferenceDataItem]]
    public var releases: [ReleaseProgression]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: String? = nil,
        environments: [ReferenceDataItem] = [],
        channelEnvironments: [String: [ReferenceDataItem]] = [:],
        releases: [ReleaseProgression] = [],
        lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil,
        links: Links = [:]
    ) {
        self.id = id
        self.environments = environments
        self.channelEnvironments = channelEnvironments
        self.releases = releases
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case environments = "Environments"
        case channelEnvironments = "ChannelEnvironments"
        case releases = "Releases"
        case lastModifiedOn = "LastModifiedOn"
        case lastModifiedBy = "LastModifiedBy"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        environments = try c.decodeIfPresent([ReferenceDataItem].self, forKey: .environments) ?? []
        channelEnvironments = try c.decodeIfPresent([String: [ReferenceDataItem]].self, forKey: .channelEnvironments) ?? [:]
        releases = try c.decodeIfPresent([ReleaseProgression].self, forKey: .releases) ?? []
        lastModifiedOn = try c.decodeIfPresent(Date.self, forKey: .lastModifiedOn)
        lastModifiedBy = try c.decodeIfPresent(String.self, forKey: .lastModifiedBy)
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// One release in a project progression.
public struct ReleaseProgression: Codable, Sendable, Equatable {
    public var release: Release
    public var channel: Channel?
    /// Deployments per environment id, newest first.
    public var deployments: [String: [DashboardItem]]
    /// Environment ids the release can be deployed to next.
    public var nextDeployments: [EnvironmentID]
    public var hasUnresolvedDefect: Bool
    public var releaseRetentionPeriod: RetentionPeriod?
    public var tentacleRetentionPeriod: RetentionPeriod?

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        release: Release,
        channel: Channel? = nil,
        deployments: [String: [DashboardItem]] = [:],
        nextDeployments: [EnvironmentID] = [],
        hasUnresolvedDefect: Bool = false,
        releaseRetentionPeriod: RetentionPeriod? = nil,
        tentacleRetentionPeriod: RetentionPeriod? = nil
    ) {
        self.release = release
        self.channel = channel
        self.deployments = deployments
        self.nextDeployments = nextDeployments
        self.hasUnresolvedDefect = hasUnresolvedDefect
        self.releaseRetentionPeriod = releaseRetentionPeriod
        self.tentacleRetentionPeriod = tentacleRetentionPeriod
    }

    enum CodingKeys: String, CodingKey {
        case release = "Release"
        case channel = "Channel"
        case deployments = "Deployments"
        case nextDeployments = "NextDeployments"
        case hasUnresolvedDefect = "HasUnresolvedDefect"
        case releaseRetentionPeriod = "ReleaseRetentionPeriod"
        case tentacleRetentionPeriod = "TentacleRetentionPeriod"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        release = try c.decode(Release.self, forKey: .release)
        channel = try c.decodeIfPresent(Channel.self, forKey: .channel)
        deployments = try c.decodeIfPresent([String: [DashboardItem]].self, forKey: .deployments) ?? [:]
        nextDeployments = try c.decodeIfPresent([EnvironmentID].self, forKey: .nextDeployments) ?? []
        hasUnresolvedDefect = try c.decodeIfPresent(Bool.self, forKey: .hasUnresolvedDefect) ?? false
        releaseRetentionPeriod = try c.decodeIfPresent(RetentionPeriod.self, forKey: .releaseRetentionPeriod)
        tentacleRetentionPeriod = try c.decodeIfPresent(RetentionPeriod.self, forKey: .tentacleRetentionPeriod)
    }
}

/// Where a release stands in its lifecycle (`GET /releases/{id}/progression`).
public struct LifecycleProgression: Codable, Sendable, Equatable {
    public var id: String?
    public var phases: [PhaseProgression]
    public var nextDeployments: [EnvironmentID]
    public var nextDeploymentsMinimumRequired: Int
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: String? = nil,
        phases: [PhaseProgression] = [],
        nextDeployments: [EnvironmentID] = [],
        nextDeploymentsMinimumRequired: Int = 0,
        lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil,
        links: Links = [:]
    ) {
        self.id = id
        self.phases = phases
        self.nextDeployments = nextDeployments
        self.nextDeploymentsMinimumRequired = nextDeploymentsMinimumRequired
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case phases = "Phases"
        case nextDeployments = "NextDeployments"
        case nextDeploymentsMinimumRequired = "NextDeploymentsMinimumRequired"
        case lastModifiedOn = "LastModifiedOn"
        case lastModifiedBy = "LastModifiedBy"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        phases = try c.decodeIfPresent([PhaseProgression].self, forKey: .phases) ?? []
        nextDeployments = try c.decodeIfPresent([EnvironmentID].self, forKey: .nextDeployments) ?? []
        nextDeploymentsMinimumRequired = try c.decodeIfPresent(Int.self, forKey: .nextDeploymentsMinimumRequired) ?? 0
        lastModifiedOn = try c.decodeIfPresent(Date.self, forKey: .lastModifiedOn)
        lastModifiedBy = try c.decodeIfPresent(String.self, forKey: .lastModifiedBy)
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// How far a release has come in one lifecycle phase.
public enum PhaseProgress: String, Codable, Sendable, CaseIterable {
    case pending = "Pending"
    case current = "Current"
    case complete = "Complete"
}

/// One phase of a release's lifecycle progression.
public struct PhaseProgression: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String
    public var blocked: Bool
    public var progress: PhaseProgress
    public var deployments: [PhaseDeployment]
    public var automaticDeploymentTargets: [EnvironmentID]
    public var optionalDeploymentTargets: [EnvironmentID]
    public var minimumEnvironmentsBeforePromotion: Int
    public var isOptionalPhase: Bool

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: String? = nil,
        name: String = "",
        blocked: Bool = false,
        progress: PhaseProgress = .pending,
        deployments: [PhaseDeployment] = [],
        automaticDeploymentTargets: [EnvironmentID] = [],
        optionalDeploymentTargets: [EnvironmentID] = [],
        minimumEnvironmentsBeforePromotion: Int = 0,
        isOptionalPhase: Bool = false
    ) {
        self.id = id
        self.name = name
        self.blocked = blocked
        self.progress = progress
        self.deployments = deployments
        self.automaticDeploymentTargets = automaticDeploymentTargets
        self.optionalDeploymentTargets = optionalDeploymentTargets
        self.minimumEnvironmentsBeforePromotion = minimumEnvironmentsBeforePromotion
        self.isOptionalPhase = isOptionalPhase
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case name = "Name"
        case blocked = "Blocked"
        case progress = "Progress"
        case deployments = "Deployments"
        case automaticDeploymentTargets = "AutomaticDeploymentTargets"
        case optionalDeploymentTargets = "OptionalDeploymentTargets"
        case minimumEnvironmentsBeforePromotion = "MinimumEnvironmentsBeforePromotion"
        case isOptionalPhase = "IsOptionalPhase"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        blocked = try c.decodeIfPresent(Bool.self, forKey: .blocked) ?? false
        progress = try c.decodeIfPresent(PhaseProgress.self, forKey: .progress) ?? .pending
        deployments = try c.decodeIfPresent([PhaseDeployment].self, forKey: .deployments) ?? []
        automaticDeploymentTargets = try c.decodeIfPresent([EnvironmentID].self, forKey: .automaticDeploymentTargets) ?? []
        optionalDeploymentTargets = try c.decodeIfPresent([EnvironmentID].self, forKey: .optionalDeploymentTargets) ?? []
        minimumEnvironmentsBeforePromotion = try c.decodeIfPresent(Int.self, forKey: .minimumEnvironmentsBeforePromotion) ?? 0
        isOptionalPhase = try c.decodeIfPresent(Bool.self, forKey: .isOptionalPhase) ?? false
    }
}

/// A deployment in a phase with its task.
public struct PhaseDeployment: Codable, Sendable, Equatable {
    public var task: ServerTask
    public var deployment: Deployment

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        task: ServerTask = ServerTask(),
        deployment: Deployment = Deployment()
    ) {
        self.task = task
        self.deployment = deployment
    }

    enum CodingKeys: String, CodingKey {
        case task = "Task"
        case deployment = "Deployment"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        task = try c.decodeIfPresent(ServerTask.self, forKey: .task) ?? ServerTask()
        deployment = try c.decodeIfPresent(Deployment.self, forKey: .deployment) ?? Deployment()
    }
}
