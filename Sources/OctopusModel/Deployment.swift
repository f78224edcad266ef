import Foundation

/// A deployment of a release to an environment (`DeploymentResource`); also the body of `POST /deployments` (`CreateDeploymentCommand`).
public struct Deployment: Codable, Sendable, Equatable {
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

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: DeploymentID = "",
        spaceId: SpaceID? = nil,
        name: String = "",
        releaseId: ReleaseID = "",
        environmentId: EnvironmentID = "",
        tenantId: TenantID? = nil,
        projectId: ProjectID = "",
        channelId: ChannelID = "",
        taskId: ServerTaskID? = nil,
        deploymentProcessId: DeploymentProcessID? = nil,
        manifestVariableSetId: VariableSetID? = nil,
        created: Date? = nil,
        queueTime: Date? = nil,
        queueTimeExpiry: Date? = nil,
        specificMachineIds: [MachineID] = [],
        excludedMachineIds: [MachineID] = [],
        skipActions: [String] = [],
        formValues: [String: String] = [:],
        forcePackageRedeployment: Bool = false,
        forcePackageDownload: Bool = false,
        useGuidedFailure: Bool = false,
        comments: String? = nil,
        changes: [ReleaseChanges] = [],
        changesMarkdown: String? = nil,
        deployedBy: String? = nil,
        deployedById: UserID? = nil,
        deployedToMachineIds: [MachineID] = [],
        failureEncountered: Bool = false,
        tentacleRetentionPeriod: RetentionPeriod? = nil,
        lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil,
        links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.name = name
        self.releaseId = releaseId
        self.environmentId = environmentId
        self.tenantId = tenantId
        self.projectId = projectId
        self.channelId = channelId
        self.taskId = taskId
        self.deploymentProcessId = deploymentProcessId
        self.manifestVariableSetId = manifestVariableSetId
        self.created = created
        self.queueTime = queueTime
        self.queueTimeExpiry = queueTimeExpiry
        self.specificMachineIds = specificMachineIds
        self.excludedMachineIds = excludedMachineIds
        self.skipActions = skipActions
        self.formValues = formValues
        self.forcePackageRedeployment = forcePackageRedeployment
        self.forcePackageDownload = forcePackageDownload
        self.useGuidedFailure = useGuidedFailure
        self.comments = comments
        self.changes = changes
        self.changesMarkdown = changesMarkdown
        self.deployedBy = deployedBy
        self.deployedById = deployedById
        self.deployedToMachineIds = deployedToMachineIds
        self.failureEncountered = failureEncountered
        self.tentacleRetentionPeriod = tentacleRetentionPeriod
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, releaseId, environmentId, tenantId, projectId, channelId, taskId, deploymentProcessId
        case manifestVariableSetId, created, queueTime, queueTimeExpiry, specificMachineIds, excludedMachineIds
        case skipActions, formValues, forcePackageRedeployment, forcePackageDownload, useGuidedFailure, comments
        case changes, changesMarkdown, deployedBy, deployedById, deployedToMachineIds, failureEncountered
        case tentacleRetentionPeriod, lastModifiedOn, lastModifiedBy, links
    }
}

/// A release a deployment brings to an environment, with its notes and build information (`ReleaseChangesResource`).
public struct ReleaseChanges: Codable, Sendable, Equatable {
    @Defaulted public var version: String
    public var releaseNotes: String?
    @Defaulted public var buildInformation: [ReleasePackageVersionBuildInformation]
    @Defaulted public var workItems: [WorkItemLink]
    @Defaulted public var commits: [CommitDetails]

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        version: String = "",
        releaseNotes: String? = nil,
        buildInformation: [ReleasePackageVersionBuildInformation] = [],
        workItems: [WorkItemLink] = [],
        commits: [CommitDetails] = []
    ) {
        self.version = version
        self.releaseNotes = releaseNotes
        self.buildInformation = buildInformation
        self.workItems = workItems
        self.commits = commits
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case version, releaseNotes, buildInformation, workItems, commits
    }
}

extension Deployment: DefaultDecodable {
    /// Every field at its default.
    public static var decodingDefault: Deployment { Deployment() }
}
