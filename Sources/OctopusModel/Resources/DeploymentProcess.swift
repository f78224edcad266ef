import Foundation

/// A project's deployment process (`DeploymentProcessResource`), id `deploymentprocess-Projects-N`.
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentProcess: Codable, Sendable, Equatable {
    /// `DeploymentProcessID(project:)` of its project.
    public var id: DeploymentProcessID
    public var spaceId: SpaceID
    public var projectId: ProjectID
    /// Incremented on every save; never null.
    public var version: Int = 1
    public var lastSnapshotId: String?
    public var steps: [DeploymentStep] = []
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}

/// One step of a deployment process (`DeploymentStepResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentStep: Codable, Sendable, Equatable {
    /// A GUID string.
    public var id: String
    public var name: String
    /// `LetOctopusDecide`, `BeforePackageAcquisition` or `AfterPackageAcquisition`.
    public var packageRequirement: String = "LetOctopusDecide"
    /// Step-level properties, notably ``PropertyBag/targetRoles``.
    public var properties: PropertyBag = [:]
    /// `Success`, `Failure`, `Always` or `Variable`.
    public var condition: String = "Success"
    /// `StartAfterPrevious` or `StartWithPrevious`.
    public var startTrigger: String = "StartAfterPrevious"
    public var actions: [DeploymentAction] = []

    /// The step's target roles (`Octopus.Action.TargetRoles`, comma-separated).
    public var targetRoles: [String] { properties.list(PropertyBag.targetRoles) }
}

/// One action of a step (`DeploymentActionResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentAction: Codable, Sendable, Equatable {
    /// A GUID string; the `SkipActions` of a deployment name these.
    public var id: String
    public var name: String
    /// `Octopus.Script`, `Octopus.Manual`, `Octopus.TentaclePackage`, ...
    public var actionType: String
    public var isDisabled: Bool = false
    public var isRequired: Bool = false
    public var canBeUsedForProjectVersioning: Bool = false
    public var workerPoolId: WorkerPoolID?
    public var workerPoolVariable: String?
    /// Run only in these environments (empty = all).
    public var environments: [EnvironmentID] = []
    public var excludedEnvironments: [EnvironmentID] = []
    /// Run only for these channels (empty = all).
    public var channels: [ChannelID] = []
    public var tenantTags: [String] = []
    public var packages: [PackageReference] = []
    /// `Success` or `Variable`.
    public var condition: String? = "Success"
    public var notes: String?
    public var properties: PropertyBag = [:]
    public var links: Links = [:]

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
}

/// A package an action uses (`PackageReference`).
@MemberwiseInit @PascalCaseCodingKeys public struct PackageReference: Codable, Sendable, Equatable {
    public var id: String
    /// "" = the action's primary package.
    public var name: String = ""
    public var packageId: String
    public var feedId: FeedID = "feeds-builtin"
    /// `Server`, `ExecutionTarget` or `NotAcquired`.
    public var acquisitionLocation: String = "Server"
    public var properties: PropertyBag = [:]
}
