import Foundation

/// The current deployment per project and environment (`GET /dashboard`).
public struct Dashboard: Codable, Sendable, Equatable {
    public var id: String?
    @Defaulted public var projects: [DashboardProject]
    @Defaulted public var projectGroups: [DashboardProjectGroup]
    @Defaulted public var environments: [ReferenceDataItem]
    @Defaulted public var tenants: [DashboardTenant]
    @Defaulted public var items: [DashboardItem]
    @Defaulted public var previousItems: [DashboardItem]
    public var projectLimit: Int?
    @Defaulted public var isFiltered: Bool
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: String? = nil,
        projects: [DashboardProject] = [],
        projectGroups: [DashboardProjectGroup] = [],
        environments: [ReferenceDataItem] = [],
        tenants: [DashboardTenant] = [],
        items: [DashboardItem] = [],
        previousItems: [DashboardItem] = [],
        projectLimit: Int? = nil,
        isFiltered: Bool = false,
        lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil,
        links: Links = [:]
    ) {
        self.id = id
        self.projects = projects
        self.projectGroups = projectGroups
        self.environments = environments
        self.tenants = tenants
        self.items = items
        self.previousItems = previousItems
        self.projectLimit = projectLimit
        self.isFiltered = isFiltered
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, projects, projectGroups, environments, tenants, items, previousItems, projectLimit, isFiltered
        case lastModifiedOn, lastModifiedBy, links
    }
}

/// A project as the dashboard lists it.
public struct DashboardProject: Codable, Sendable, Equatable {
    @Defaulted public var id: ProjectID
    @Defaulted public var name: String
    @Defaulted public var slug: String
    @Defaulted public var isDisabled: Bool
    @Defaulted public var projectGroupId: ProjectGroupID
    @Defaulted public var environmentIds: [EnvironmentID]
    @DefaultedTo<DefaultsToTrue> public var canPerformUntenantedDeployment: Bool
    @DefaultedTo<DefaultTenantedDeploymentMode> public var tenantedDeploymentMode: String
    @Defaulted public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: ProjectID = "",
        name: String = "",
        slug: String = "",
        isDisabled: Bool = false,
        projectGroupId: ProjectGroupID = "",
        environmentIds: [EnvironmentID] = [],
        canPerformUntenantedDeployment: Bool = true,
        tenantedDeploymentMode: String = "Untenanted",
        links: Links = [:]
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.isDisabled = isDisabled
        self.projectGroupId = projectGroupId
        self.environmentIds = environmentIds
        self.canPerformUntenantedDeployment = canPerformUntenantedDeployment
        self.tenantedDeploymentMode = tenantedDeploymentMode
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, slug, isDisabled, projectGroupId, environmentIds, canPerformUntenantedDeployment
        case tenantedDeploymentMode, links
    }
}

/// A project group as the dashboard lists it.
public struct DashboardProjectGroup: Codable, Sendable, Equatable {
    @Defaulted public var id: ProjectGroupID
    @Defaulted public var name: String
    @Defaulted public var environmentIds: [EnvironmentID]
    @Defaulted public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: ProjectGroupID = "",
        name: String = "",
        environmentIds: [EnvironmentID] = [],
        links: Links = [:]
    ) {
        self.id = id
        self.name = name
        self.environmentIds = environmentIds
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, environmentIds, links
    }
}

/// A tenant as the dashboard lists it.
public struct DashboardTenant: Codable, Sendable, Equatable {
    @Defaulted public var id: TenantID
    @Defaulted public var name: String
    @Defaulted public var tenantTags: [String]
    @Defaulted public var projectEnvironments: [String: [String]]
    @Defaulted public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: TenantID = "",
        name: String = "",
        tenantTags: [String] = [],
        projectEnvironments: [String: [String]] = [:],
        links: Links = [:]
    ) {
        self.id = id
        self.name = name
        self.tenantTags = tenantTags
        self.projectEnvironments = projectEnvironments
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, tenantTags, projectEnvironments, links
    }
}

/// One deployment as the dashboard and progression show it (its `Id` is the deployment id).
public struct DashboardItem: Codable, Sendable, Equatable {
    @Defaulted public var id: DeploymentID
    @Defaulted public var projectId: ProjectID
    @Defaulted public var environmentId: EnvironmentID
    @Defaulted public var releaseId: ReleaseID
    @Defaulted public var deploymentId: DeploymentID
    @Defaulted public var taskId: ServerTaskID
    public var tenantId: TenantID?
    @Defaulted public var channelId: ChannelID
    @Defaulted public var releaseVersion: String
    public var created: Date?
    public var queueTime: Date?
    public var startTime: Date?
    public var completedTime: Date?
    @Defaulted public var state: TaskState
    @Defaulted public var hasPendingInterruptions: Bool
    @Defaulted public var hasWarningsOrErrors: Bool
    @Defaulted public var errorMessage: String
    public var duration: String?
    @Defaulted public var isCurrent: Bool
    @Defaulted public var isPrevious: Bool
    @Defaulted public var isCompleted: Bool
    @Defaulted public var pendingInterruptionTypes: [String]
    @Defaulted public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: DeploymentID = "",
        projectId: ProjectID = "",
        environmentId: EnvironmentID = "",
        releaseId: ReleaseID = "",
        deploymentId: DeploymentID = "",
        taskId: ServerTaskID = "",
        tenantId: TenantID? = nil,
        channelId: ChannelID = "",
        releaseVersion: String = "",
        created: Date? = nil,
        queueTime: Date? = nil,
        startTime: Date? = nil,
        completedTime: Date? = nil,
        state: TaskState = .queued,
        hasPendingInterruptions: Bool = false,
        hasWarningsOrErrors: Bool = false,
        errorMessage: String = "",
        duration: String? = nil,
        isCurrent: Bool = false,
        isPrevious: Bool = false,
        isCompleted: Bool = false,
        pendingInterruptionTypes: [String] = [],
        links: Links = [:]
    ) {
        self.id = id
        self.projectId = projectId
        self.environmentId = environmentId
        self.releaseId = releaseId
        self.deploymentId = deploymentId
        self.taskId = taskId
        self.tenantId = tenantId
        self.channelId = channelId
        self.releaseVersion = releaseVersion
        self.created = created
        self.queueTime = queueTime
        self.startTime = startTime
        self.completedTime = completedTime
        self.state = state
        self.hasPendingInterruptions = hasPendingInterruptions
        self.hasWarningsOrErrors = hasWarningsOrErrors
        self.errorMessage = errorMessage
        self.duration = duration
        self.isCurrent = isCurrent
        self.isPrevious = isPrevious
        self.isCompleted = isCompleted
        self.pendingInterruptionTypes = pendingInterruptionTypes
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, projectId, environmentId, releaseId, deploymentId, taskId, tenantId, channelId, releaseVersion
        case created, queueTime, startTime, completedTime, state, hasPendingInterruptions, hasWarningsOrErrors
        case errorMessage, duration, isCurrent, isPrevious, isCompleted, pendingInterruptionTypes, links
    }
}

extension DashboardProject {
    /// The mode a body without `TenantedDeploymentMode` means.
    public enum DefaultTenantedDeploymentMode: DecodingDefault {
        /// `"Untenanted"`.
        public static var value: String { "Untenanted" }
    }
}
