import Foundation

/// Releases of a project and where each is deployed (`GET /progression/{projectId}`).
public struct ProjectProgression: Codable, Sendable, Equatable {
    public var id: String?
    /// In lifecycle order.
    @Defaulted public var environments: [ReferenceDataItem]
    @Defaulted public var channelEnvironments: [String: [ReferenceDataItem]]
    @Defaulted public var releases: [ReleaseProgression]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links

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

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, environments, channelEnvironments, releases, lastModifiedOn, lastModifiedBy, links
    }
}

/// One release in a project progression.
public struct ReleaseProgression: Codable, Sendable, Equatable {
    public var release: Release
    public var channel: Channel?
    /// Deployments per environment id, newest first.
    @Defaulted public var deployments: [String: [DashboardItem]]
    /// Environment ids the release can be deployed to next.
    @Defaulted public var nextDeployments: [EnvironmentID]
    @Defaulted public var hasUnresolvedDefect: Bool
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

    enum CodingKeys: String, PascalCaseCodingKey {
        case release, channel, deployments, nextDeployments, hasUnresolvedDefect, releaseRetentionPeriod
        case tentacleRetentionPeriod
    }
}

/// Where a release stands in its lifecycle (`GET /releases/{id}/progression`).
public struct LifecycleProgression: Codable, Sendable, Equatable {
    public var id: String?
    @Defaulted public var phases: [PhaseProgression]
    @Defaulted public var nextDeployments: [EnvironmentID]
    @Defaulted public var nextDeploymentsMinimumRequired: Int
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links

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

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, phases, nextDeployments, nextDeploymentsMinimumRequired, lastModifiedOn, lastModifiedBy, links
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
    @Defaulted public var name: String
    @Defaulted public var blocked: Bool
    @Defaulted public var progress: PhaseProgress
    @Defaulted public var deployments: [PhaseDeployment]
    @Defaulted public var automaticDeploymentTargets: [EnvironmentID]
    @Defaulted public var optionalDeploymentTargets: [EnvironmentID]
    @Defaulted public var minimumEnvironmentsBeforePromotion: Int
    @Defaulted public var isOptionalPhase: Bool

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

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, blocked, progress, deployments, automaticDeploymentTargets, optionalDeploymentTargets
        case minimumEnvironmentsBeforePromotion, isOptionalPhase
    }
}

/// A deployment in a phase with its task.
public struct PhaseDeployment: Codable, Sendable, Equatable {
    @Defaulted public var task: ServerTask
    @Defaulted public var deployment: Deployment

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        task: ServerTask = ServerTask(),
        deployment: Deployment = Deployment()
    ) {
        self.task = task
        self.deployment = deployment
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case task, deployment
    }
}

extension PhaseProgress: DefaultDecodable {
    /// A body without progress: `Pending`.
    public static var decodingDefault: PhaseProgress { .pending }
}
