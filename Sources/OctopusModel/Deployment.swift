import Foundation

/// A deployment of a release to an environment (`DeploymentResource`); also the body of `POST /deployments` (`CreateDeploymentCommand`).
@MemberwiseInit @PascalCaseCodingKeys public struct Deployment: Codable, Sendable, Equatable {
    @Defaulted public var id: DeploymentID
    public var spaceId: SpaceID?
    /// Display name, e.g. "Deploy to Development".
    @Defaulted public var name: String
    /// Required on create.
    @Defaulted public var releaseId: ReleaseID
    /// Required on create.
    @Defaulted public var environmentId: EnvironmentID
    public var tenantId: TenantID?
    @Defaulted public var projectId: ProjectID
    @Defaulted public var channelId: ChannelID
    /// The server task running this deployment.
    public var taskId: ServerTaskID?
    public var deploymentProcessId: DeploymentProcessID?
    public var manifestVariableSetId: VariableSetID?
    public var created: Date?
    /// Start no earlier than this (scheduled deployment).
    public var queueTime: Date?
    /// Give up (TimedOut) if not started by then.
    public var queueTimeExpiry: Date?
    @Defaulted public var specificMachineIds: [MachineID]
    @Defaulted public var excludedMachineIds: [MachineID]
    /// Action ids to skip (from the preview).
    @Defaulted public var skipActions: [String]
    /// Prompted variable values keyed by form element name.
    @Defaulted public var formValues: [String: String]
    @Defaulted public var forcePackageRedeployment: Bool
    @Defaulted public var forcePackageDownload: Bool
    @Defaulted public var useGuidedFailure: Bool
    public var comments: String?
    @Defaulted public var changes: [ReleaseChanges]
    public var changesMarkdown: String?
    public var deployedBy: String?
    public var deployedById: UserID?
    @Defaulted public var deployedToMachineIds: [MachineID]
    @Defaulted public var failureEncountered: Bool
    public var tentacleRetentionPeriod: RetentionPeriod?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links
}

/// A release a deployment brings to an environment, with its notes and build information (`ReleaseChangesResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct ReleaseChanges: Codable, Sendable, Equatable {
    @Defaulted public var version: String
    public var releaseNotes: String?
    @Defaulted public var buildInformation: [ReleasePackageVersionBuildInformation]
    @Defaulted public var workItems: [WorkItemLink]
    @Defaulted public var commits: [CommitDetails]
}

extension Deployment: DefaultDecodable {
    /// Every field at its default.
    public static var decodingDefault: Deployment { Deployment() }
}

/// What a deployment says about where a release went (a `DeploymentResource`'s ids, read as leniently as
/// ``Deployment`` reads them): what release selection reads from a page of deployments, without building each one's
/// changes, release notes and links (kilobytes per deployment, 20 per page, a page per child).
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentSummary: Codable, Sendable, Equatable {
    @Defaulted public var id: DeploymentID
    @Defaulted public var releaseId: ReleaseID
    @Defaulted public var environmentId: EnvironmentID
    public var tenantId: TenantID?
    @Defaulted public var channelId: ChannelID
}
