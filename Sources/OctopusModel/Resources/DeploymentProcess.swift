import Foundation

/// A project's deployment process (`DeploymentProcessResource`), id `deploymentprocess-Projects-N`.
public struct DeploymentProcess: Codable, Sendable, Equatable {
    public var id: DeploymentProcessID
    public var spaceId: SpaceID
    public var projectId: ProjectID
    /// Incremented on every save; never null.
    public var version: Int
    public var lastSnapshotId: String?
    public var steps: [DeploymentStep]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: DeploymentProcessID? = nil, spaceId: SpaceID, projectId: ProjectID, version: Int = 1,
        lastSnapshotId: String? = nil, steps: [DeploymentStep] = [], lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id ?? DeploymentProcessID(project: projectId)
        self.spaceId = spaceId
        self.projectId = projectId
        self.version = version
        self.lastSnapshotId = lastSnapshotId
        self.steps = steps
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, projectId, version, lastSnapshotId, steps, lastModifiedOn, lastModifiedBy, links
    }
}

/// One step of a deployment process (`DeploymentStepResource`).
public struct DeploymentStep: Codable, Sendable, Equatable {
    /// A GUID string.
    public var id: String
    public var name: String
    /// `LetOctopusDecide`, `BeforePackageAcquisition` or `AfterPackageAcquisition`.
    public var packageRequirement: String
    /// Step-level properties, notably ``PropertyBag/targetRoles``.
    public var properties: PropertyBag
    /// `Success`, `Failure`, `Always` or `Variable`.
    public var condition: String
    /// `StartAfterPrevious` or `StartWithPrevious`.
    public var startTrigger: String
    public var actions: [DeploymentAction]

    public init(
        id: String, name: String, packageRequirement: String = "LetOctopusDecide", properties: PropertyBag = [:],
        condition: String = "Success", startTrigger: String = "StartAfterPrevious", actions: [DeploymentAction] = []
    ) {
        self.id = id
        self.name = name
        self.packageRequirement = packageRequirement
        self.properties = properties
        self.condition = condition
        self.startTrigger = startTrigger
        self.actions = actions
    }

    /// The step's target roles (`Octopus.Action.TargetRoles`, comma-separated).
    public var targetRoles: [String] { properties.list(PropertyBag.targetRoles) }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, packageRequirement, properties, condition, startTrigger, actions
    }
}

/// One action of a step (`DeploymentActionResource`).
public struct DeploymentAction: Codable, Sendable, Equatable {
    /// A GUID string; the `SkipActions` of a deployment name these.
    public var id: String
    public var name: String
    /// `Octopus.Script`, `Octopus.Manual`, `Octopus.TentaclePackage`, ...
    public var actionType: String
    public var isDisabled: Bool
    public var isRequired: Bool
    public var canBeUsedForProjectVersioning: Bool
    public var workerPoolId: WorkerPoolID?
    public var workerPoolVariable: String?
    /// Run only in these environments (empty = all).
    public var environments: [EnvironmentID]
    public var excludedEnvironments: [EnvironmentID]
    /// Run only for these channels (empty = all).
    public var channels: [ChannelID]
    public var tenantTags: [String]
    public var packages: [PackageReference]
    /// `Success` or `Variable`.
    public var condition: String?
    public var notes: String?
    public var properties: PropertyBag
    public var links: Links

    public init(
        id: String, name: String, actionType: String, isDisabled: Bool = false, isRequired: Bool = false,
        canBeUsedForProjectVersioning: Bool = false, workerPoolId: WorkerPoolID? = nil,
        workerPoolVariable: String? = nil, environments: [EnvironmentID] = [],
        excludedEnvironments: [EnvironmentID] = [], channels: [ChannelID] = [], tenantTags: [String] = [],
        packages: [PackageReference] = [], condition: String? = "Success", notes: String? = nil,
        properties: PropertyBag = [:], links: Links = [:]
    ) {
        self.id = id
        self.name = name
        self.actionType = actionType
        self.isDisabled = isDisabled
        self.isRequired = isRequired
        self.canBeUsedForProjectVersioning = canBeUsedForProjectVersioning
        self.workerPoolId = workerPoolId
        self.workerPoolVariable = workerPoolVariable
        self.environments = environments
        self.excludedEnvironments = excludedEnvironments
        self.channels = channels
        self.tenantTags = tenantTags
        self.packages = packages
        self.condition = condition
        self.notes = notes
        self.properties = properties
        self.links = links
    }

    /// `ActionType` of a manual intervention step.
    public static let manualInterventionType = "Octopus.Manual"

    /// True for a manual intervention (`Octopus.Manual`).
    public var isManualIntervention: Bool { actionType == Self.manualInterventionType }

    /// Team ids allowed to approve a manual intervention (`Octopus.Action.Manual.ResponsibleTeamIds`).
    public var responsibleTeamIds: [TeamID] {
        properties.list(PropertyBag.manualResponsibleTeamIds).map(TeamID.init(rawValue:))
    }

    /// True when the action runs in the given environment (its `Environments`/`ExcludedEnvironments`).
    public func runs(in environment: EnvironmentID) -> Bool {
        (environments.isEmpty || environments.contains(environment)) && !excludedEnvironments.contains(environment)
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, actionType, isDisabled, isRequired, canBeUsedForProjectVersioning, workerPoolId
        case workerPoolVariable, environments, excludedEnvironments, channels, tenantTags, packages, condition, notes
        case properties, links
    }
}

/// A package an action uses (`PackageReference`).
public struct PackageReference: Codable, Sendable, Equatable {
    public var id: String
    /// "" = the action's primary package.
    public var name: String
    public var packageId: String
    public var feedId: FeedID
    /// `Server`, `ExecutionTarget` or `NotAcquired`.
    public var acquisitionLocation: String
    public var properties: PropertyBag

    public init(
        id: String, name: String = "", packageId: String, feedId: FeedID = "feeds-builtin",
        acquisitionLocation: String = "Server", properties: PropertyBag = [:]
    ) {
        self.id = id
        self.name = name
        self.packageId = packageId
        self.feedId = feedId
        self.acquisitionLocation = acquisitionLocation
        self.properties = properties
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, packageId, feedId, acquisitionLocation, properties
    }
}
