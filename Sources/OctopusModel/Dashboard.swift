import Foundation

/// The current deployment per project and environment (`GET /dashboard`).
public struct Dashboard: Codable, Sendable, Equatable {
    public var id: String?
    public var projects: [DashboardProject]
    public var projectGroups: [DashboardProjectGroup]
    public var environments: [ReferenceDataItem]
    public var tenants: [DashboardTenant]
    public var items: [DashboardItem]
    public var previousItems: [DashboardItem]
    public var projectLimit: Int?
    public var isFiltered: Bool
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    public var links: Links

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

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case projects = "Projects"
        case projectGroups = "ProjectGroups"
        case environments = "Environments"
        case tenants = "Tenants"
        case items = "Items"
        case previousItems = "PreviousItems"
        case projectLimit = "ProjectLimit"
        case isFiltered = "IsFiltered"
        case lastModifiedOn = "LastModifiedOn"
        case lastModifiedBy = "LastModifiedBy"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        projects = try c.decodeIfPresent([DashboardProject].self, forKey: .projects) ?? []
        projectGroups = try c.decodeIfPresent([DashboardProjectGroup].self, forKey: .projectGroups) ?? []
        environments = try c.decodeIfPresent([ReferenceDataItem].self, forKey: .environments) ?? []
        tenants = try c.decodeIfPresent([DashboardTenant].self, forKey: .tenants) ?? []
        items = try c.decodeIfPresent([DashboardItem].self, forKey: .items) ?? []
        previousItems = try c.decodeIfPresent([DashboardItem].self, forKey: .previousItems) ?? []
        projectLimit = try c.decodeIfPresent(Int.self, forKey: .projectLimit)
        isFiltered = try c.decodeIfPresent(Bool.self, forKey: .isFiltered) ?? false
        lastModifiedOn = try c.decodeIfPresent(Date.self, forKey: .lastModifiedOn)
        lastModifiedBy = try c.decodeIfPresent(String.self, forKey: .lastModifiedBy)
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// A project as the dashboard lists it.
public struct DashboardProject: Codable, Sendable, Equatable {
    public var id: ProjectID
    public var name: String
    public var slug: String
    public var isDisabled: Bool
    public var projectGroupId: ProjectGroupID
    public var environmentIds: [EnvironmentID]
    public var canPerformUntenantedDeployment: Bool
    public var tenantedDeploymentMode: String
    public var links: Links

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

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case name = "Name"
        case slug = "Slug"
        case isDisabled = "IsDisabled"
        case projectGroupId = "ProjectGroupId"
        case environmentIds = "EnvironmentIds"
        case canPerformUntenantedDeployment = "CanPerformUntenantedDeployment"
        case tenantedDeploymentMode = "TenantedDeploymentMode"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(ProjectID.self, forKey: .id) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        slug = try c.decodeIfPresent(String.self, forKey: .slug) ?? ""
        isDisabled = try c.decodeIfPresent(Bool.self, forKey: .isDisabled) ?? false
        projectGroupId = try c.decodeIfPresent(ProjectGroupID.self, forKey: .projectGroupId) ?? ""
        environmentIds = try c.decodeIfPresent([EnvironmentID].self, forKey: .environmentIds) ?? []
        canPerformUntenantedDeployment = try c.decodeIfPresent(Bool.self, forKey: .canPerformUntenantedDeployment) ?? true
        tenantedDeploymentMode = try c.decodeIfPresent(String.self, forKey: .tenantedDeploymentMode) ?? "Untenanted"
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// A project group as the dashboard lists it.
public struct DashboardProjectGroup: Codable, Sendable, Equatable {
    public var id: ProjectGroupID
    public var name: String
    public var environmentIds: [EnvironmentID]
    public var links: Links

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

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case name = "Name"
        case environmentIds = "EnvironmentIds"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(ProjectGroupID.self, forKey: .id) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        environmentIds = try c.decodeIfPresent([EnvironmentID].self, forKey: .environmentIds) ?? []
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// A tenant as the dashboard lists it.
public struct DashboardTenant: Codable, Sendable, Equatable {
    public var id: TenantID
    public var name: String
    public var tenantTags: [String]
    public var projectEnvironments: [String: [String]]
    public var links: Links

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

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case name = "Name"
        case tenantTags = "TenantTags"
        case projectEnvironments = "ProjectEnvironments"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(TenantID.self, forKey: .id) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        tenantTags = try c.decodeIfPresent([String].self, forKey: .tenantTags) ?? []
        projectEnvironments = try c.decodeIfPresent([String: [String]].self, forKey: .projectEnvironments) ?? [:]
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// One deployment as the dashboard and progression show it (its `Id` is the deployment id).
public struct DashboardItem: Codable, Sendable, Equatable {
    public var id: DeploymentID
    public var projectId: ProjectID
    public var environmentId: EnvironmentID
    public var releaseId: ReleaseID
    public var deploymentId: DeploymentID
    public var taskId: ServerTaskID
    public var tenantId: TenantID?
    public var channelId: ChannelID
    public var releaseVersion: String
    public var created: Date?
    public var queueTime: Date?
    public var startTime: Date?
    public var completedTime: Date?
    public var state: TaskState
    public var hasPendingInterruptions: Bool
    public var hasWarningsOrErrors: Bool
    public var errorMessage: String
    public var duration: String?
    public var isCurrent: Bool
    public var isPrevious: Bool
    public var isCompleted: Bool
    public var pendingInterruptionTypes: [String]
    public var links: Links

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

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case projectId = "ProjectId"
        case environmentId = "EnvironmentId"
        case releaseId = "ReleaseId"
        case deploymentId = "DeploymentId"
        case taskId = "TaskId"
        case tenantId = "TenantId"
        case channelId = "ChannelId"
        case releaseVersion = "ReleaseVersion"
        case created = "Created"
        case queueTime = "QueueTime"
        case startTime = "StartTime"
        case completedTime = "CompletedTime"
        case state = "State"
        case hasPendingInterruptions = "HasPendingInterruptions"
        case hasWarningsOrErrors = "HasWarningsOrErrors"
        case errorMessage = "ErrorMessage"
        case duration = "Duration"
        case isCurrent = "IsCurrent"
        case isPrevious = "IsPrevious"
        case isCompleted = "IsCompleted"
        case pendingInterruptionTypes = "PendingInterruptionTypes"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(DeploymentID.self, forKey: .id) ?? ""
        projectId = try c.decodeIfPresent(ProjectID.self, forKey: .projectId) ?? ""
        environmentId = try c.decodeIfPresent(EnvironmentID.self, forKey: .environmentId) ?? ""
        releaseId = try c.decodeIfPresent(ReleaseID.self, forKey: .releaseId) ?? ""
        deploymentId = try c.decodeIfPresent(DeploymentID.self, forKey: .deploymentId) ?? ""
        taskId = try c.decodeIfPresent(ServerTaskID.self, forKey: .taskId) ?? ""
        tenantId = try c.decodeIfPresent(TenantID.self, forKey: .tenantId)
        channelId = try c.decodeIfPresent(ChannelID.self, forKey: .channelId) ?? ""
        releaseVersion = try c.decodeIfPresent(String.self, forKey: .releaseVersion) ?? ""
        created = try c.decodeIfPresent(Date.self, forKey: .created)
        queueTime = try c.decodeIfPresent(Date.self, forKey: .queueTime)
        startTime = try c.decodeIfPresent(Date.self, forKey: .startTime)
        completedTime = try c.decodeIfPresent(Date.self, forKey: .completedTime)
        state = try c.decodeIfPresent(TaskState.self, forKey: .state) ?? .queued
        hasPendingInterruptions = try c.decodeIfPresent(Bool.self, forKey: .hasPendingInterruptions) ?? false
        hasWarningsOrErrors = try c.decodeIfPresent(Bool.self, forKey: .hasWarningsOrErrors) ?? false
        errorMessage = try c.decodeIfPresent(String.self, forKey: .errorMessage) ?? ""
        duration = try c.decodeIfPresent(String.self, forKey: .duration)
        isCurrent = try c.decodeIfPresent(Bool.self, forKey: .isCurrent) ?? false
        isPrevious = try c.decodeIfPresent(Bool.self, forKey: .isPrevious) ?? false
        isCompleted = try c.decodeIfPresent(Bool.self, forKey: .isCompleted) ?? false
        pendingInterruptionTypes = try c.decodeIfPresent([String].self, forKey: .pendingInterruptionTypes) ?? []
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}
