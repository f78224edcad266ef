import Foundation

/// A deployment of a release to an environment (`DeploymentResource`); also the body of `POST /deployments` (`CreateDeploymentCommand`).
public struct Deployment: Codable, Sendable, Equatable {
    public var id: DeploymentID
    public var spaceId: SpaceID?
    /// Display name, e.g. "Deploy to Development".
    public var name: String
    /// Required on create.
    public var releaseId: ReleaseID
    /// Required on create.
    public var environmentId: EnvironmentID
    public var tenantId: TenantID?
    public var projectId: ProjectID
    public var channelId: ChannelID
    /// The server task running this deployment.
    public var taskId: ServerTaskID?
    public var deploymentProcessId: DeploymentProcessID?
    public var manifestVariableSetId: VariableSetID?
    public var created: Date?
    /// Start no earlier than this (scheduled deployment).
    public var queueTime: Date?
    /// Give up (TimedOut) if not started by then.
    public var queueTimeExpiry: Date?
    public var specificMachineIds: [MachineID]
    public var excludedMachineIds: [MachineID]
    /// Action ids to skip (from the preview).
    public var skipActions: [String]
    /// Prompted variable values keyed by form element name.
    public var formValues: [String: String]
    public var forcePackageRedeployment: Bool
    public var forcePackageDownload: Bool
    public var useGuidedFailure: Bool
    public var comments: String?
    public var changes: [ReleaseChanges]
    public var changesMarkdown: String?
    public var deployedBy: String?
    public var deployedById: UserID?
    public var deployedToMachineIds: [MachineID]
    public var failureEncountered: Bool
    public var tentacleRetentionPeriod: RetentionPeriod?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    public var links: Links

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

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case spaceId = "SpaceId"
        case name = "Name"
        case releaseId = "ReleaseId"
        case environmentId = "EnvironmentId"
        case tenantId = "TenantId"
        case projectId = "ProjectId"
        case channelId = "ChannelId"
        case taskId = "TaskId"
        case deploymentProcessId = "DeploymentProcessId"
        case manifestVariableSetId = "ManifestVariableSetId"
        case created = "Created"
        case queueTime = "QueueTime"
        case queueTimeExpiry = "QueueTimeExpiry"
        case specificMachineIds = "SpecificMachineIds"
        case excludedMachineIds = "ExcludedMachineIds"
        case skipActions = "SkipActions"
        case formValues = "FormValues"
        case forcePackageRedeployment = "ForcePackageRedeployment"
        case forcePackageDownload = "ForcePackageDownload"
        case useGuidedFailure = "UseGuidedFailure"
        case comments = "Comments"
        case changes = "Changes"
        case changesMarkdown = "ChangesMarkdown"
        case deployedBy = "DeployedBy"
        case deployedById = "DeployedById"
        case deployedToMachineIds = "DeployedToMachineIds"
        case failureEncountered = "FailureEncountered"
        case tentacleRetentionPeriod = "TentacleRetentionPeriod"
        case lastModifiedOn = "LastModifiedOn"
        case lastModifiedBy = "LastModifiedBy"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(DeploymentID.self, forKey: .id) ?? ""
        spaceId = try c.decodeIfPresent(SpaceID.self, forKey: .spaceId)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        releaseId = try c.decodeIfPresent(ReleaseID.self, forKey: .releaseId) ?? ""
        environmentId = try c.decodeIfPresent(EnvironmentID.self, forKey: .environmentId) ?? ""
        tenantId = try c.decodeIfPresent(TenantID.self, forKey: .tenantId)
        projectId = try c.decodeIfPresent(ProjectID.self, forKey: .projectId) ?? ""
        channelId = try c.decodeIfPresent(ChannelID.self, forKey: .channelId) ?? ""
        taskId = try c.decodeIfPresent(ServerTaskID.self, forKey: .taskId)
        deploymentProcessId = try c.decodeIfPresent(DeploymentProcessID.self, forKey: .deploymentProcessId)
        manifestVariableSetId = try c.decodeIfPresent(VariableSetID.self, forKey: .manifestVariableSetId)
        created = try c.decodeIfPresent(Date.self, forKey: .created)
        queueTime = try c.decodeIfPresent(Date.self, forKey: .queueTime)
        queueTimeExpiry = try c.decodeIfPresent(Date.self, forKey: .queueTimeExpiry)
        specificMachineIds = try c.decodeIfPresent([MachineID].self, forKey: .specificMachineIds) ?? []
        excludedMachineIds = try c.decodeIfPresent([MachineID].self, forKey: .excludedMachineIds) ?? []
        skipActions = try c.decodeIfPresent([String].self, forKey: .skipActions) ?? []
        formValues = try c.decodeIfPresent([String: String].self, forKey: .formValues) ?? [:]
        forcePackageRedeployment = try c.decodeIfPresent(Bool.self, forKey: .forcePackageRedeployment) ?? false
        forcePackageDownload = try c.decodeIfPresent(Bool.self, forKey: .forcePackageDownload) ?? false
        useGuidedFailure = try c.decodeIfPresent(Bool.self, forKey: .useGuidedFailure) ?? false
        comments = try c.decodeIfPresent(String.self, forKey: .comments)
        changes = try c.decodeIfPresent([ReleaseChanges].self, forKey: .changes) ?? []
        changesMarkdown = try c.decodeIfPresent(String.self, forKey: .changesMarkdown)
        deployedBy = try c.decodeIfPresent(String.self, forKey: .deployedBy)
        deployedById = try c.decodeIfPresent(UserID.self, forKey: .deployedById)
        deployedToMachineIds = try c.decodeIfPresent([MachineID].self, forKey: .deployedToMachineIds) ?? []
        failureEncountered = try c.decodeIfPresent(Bool.self, forKey: .failureEncountered) ?? false
        tentacleRetentionPeriod = try c.decodeIfPresent(RetentionPeriod.self, forKey: .tentacleRetentionPeriod)
        lastModifiedOn = try c.decodeIfPresent(Date.self, forKey: .lastModifiedOn)
        lastModifiedBy = try c.decodeIfPresent(String.self, forKey: .lastModifiedBy)
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// A release a deployment brings to an environment, with its notes and build information (`ReleaseChangesResource`).
public struct ReleaseChanges: Codable, Sendable, Equatable {
    public var version: String
    public var releaseNotes: String?
    public var buildInformation: [ReleasePackageVersionBuildInformation]
    public var workItems: [WorkItemLink]
    public var commits: [CommitDetails]

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

    enum CodingKeys: String, CodingKey {
        case version = "Version"
        case releaseNotes = "ReleaseNotes"
        case buildInformation = "BuildInformation"
        case workItems = "WorkItems"
        case commits = "Commits"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(String.self, forKey: .version) ?? ""
        releaseNotes = try c.decodeIfPresent(String.self, forKey: .releaseNotes)
        buildInformation = try c.decodeIfPresent([ReleasePackageVersionBuildInformation].self, forKey: .buildInformation) ?? []
        workItems = try c.decodeIfPresent([WorkItemLink].self, forKey: .workItems) ?? []
        commits = try c.decodeIfPresent([CommitDetails].self, forKey: .commits) ?? []
    }
}
