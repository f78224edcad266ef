import Foundation

/// The current deployment per project and environment (`GET /dashboard`).
@MemberwiseInit @PascalCaseCodingKeys public struct Dashboard: Codable, Sendable, Equatable {
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
}

/// A project as the dashboard lists it.
@MemberwiseInit @PascalCaseCodingKeys public struct DashboardProject: Codable, Sendable, Equatable {
    @Defaulted public var id: ProjectID
    @Defaulted public var name: String
    @Defaulted public var slug: String
    @Defaulted public var isDisabled: Bool
    @Defaulted public var projectGroupId: ProjectGroupID
    @Defaulted public var environmentIds: [EnvironmentID]
    @DefaultedTo<DefaultsToTrue> public var canPerformUntenantedDeployment: Bool
    @DefaultedTo<DefaultTenantedDeploymentMode> public var tenantedDeploymentMode: String
    @Defaulted public var links: Links
}

/// A project group as the dashboard lists it.
@MemberwiseInit @PascalCaseCodingKeys public struct DashboardProjectGroup: Codable, Sendable, Equatable {
    @Defaulted public var id: ProjectGroupID
    @Defaulted public var name: String
    @Defaulted public var environmentIds: [EnvironmentID]
    @Defaulted public var links: Links
}

/// A tenant as the dashboard lists it.
@MemberwiseInit @PascalCaseCodingKeys public struct DashboardTenant: Codable, Sendable, Equatable {
    @Defaulted public var id: TenantID
    @Defaulted public var name: String
    @Defaulted public var tenantTags: [String]
    @Defaulted public var projectEnvironments: [String: [String]]
    @Defaulted public var links: Links
}

/// One deployment as the dashboard and progression show it (its `Id` is the deployment id).
@MemberwiseInit @PascalCaseCodingKeys public struct DashboardItem: Codable, Sendable, Equatable {
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
}

extension DashboardProject {
    /// The mode a body without `TenantedDeploymentMode` means.
    public enum DefaultTenantedDeploymentMode: DecodingDefault {
        /// `"Untenanted"`.
        public static var value: String { "Untenanted" }
    }
}
