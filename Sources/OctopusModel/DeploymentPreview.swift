import Foundation

/// What a deployment of a release to an environment would do (`GET /releases/{id}/deployments/preview/{environmentId}`).
public struct DeploymentPreview: Codable, Sendable, Equatable {
    public var id: String?
    @Defaulted public var stepsToExecute: [DeploymentTemplateStep]
    /// Prompted variables.
    @Defaulted public var form: Form
    @Defaulted public var useGuidedFailureModeByDefault: Bool
    /// Releases (and their build information) this deployment would bring to the environment.
    @Defaulted public var changes: [ReleaseChanges]
    public var changesMarkdown: String?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: String? = nil,
        stepsToExecute: [DeploymentTemplateStep] = [],
        form: Form = Form(),
        useGuidedFailureModeByDefault: Bool = false,
        changes: [ReleaseChanges] = [],
        changesMarkdown: String? = nil,
        lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil,
        links: Links = [:]
    ) {
        self.id = id
        self.stepsToExecute = stepsToExecute
        self.form = form
        self.useGuidedFailureModeByDefault = useGuidedFailureModeByDefault
        self.changes = changes
        self.changesMarkdown = changesMarkdown
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, stepsToExecute, form, useGuidedFailureModeByDefault, changes, changesMarkdown, lastModifiedOn
        case lastModifiedBy, links
    }
}

/// One action of the deployment process as it would run in the previewed environment.
public struct DeploymentTemplateStep: Codable, Sendable, Equatable {
    @Defaulted public var actionId: String
    @Defaulted public var actionName: String
    /// "1", "2.1", ...
    @Defaulted public var actionNumber: String
    @Defaulted public var roles: [String]
    @Defaulted public var machineNames: [String]
    @Defaulted public var machines: [MachineDeploymentPreview]
    @Defaulted public var canBeSkipped: Bool
    @Defaulted public var isDisabled: Bool
    @Defaulted public var hasNoApplicableMachines: Bool
    @Defaulted public var unavailableMachines: [ReferenceDataItem]
    @Defaulted public var excludedMachines: [ReferenceDataItem]

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        actionId: String = "",
        actionName: String = "",
        actionNumber: String = "",
        roles: [String] = [],
        machineNames: [String] = [],
        machines: [MachineDeploymentPreview] = [],
        canBeSkipped: Bool = false,
        isDisabled: Bool = false,
        hasNoApplicableMachines: Bool = false,
        unavailableMachines: [ReferenceDataItem] = [],
        excludedMachines: [ReferenceDataItem] = []
    ) {
        self.actionId = actionId
        self.actionName = actionName
        self.actionNumber = actionNumber
        self.roles = roles
        self.machineNames = machineNames
        self.machines = machines
        self.canBeSkipped = canBeSkipped
        self.isDisabled = isDisabled
        self.hasNoApplicableMachines = hasNoApplicableMachines
        self.unavailableMachines = unavailableMachines
        self.excludedMachines = excludedMachines
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case actionId, actionName, actionNumber, roles, machineNames, machines, canBeSkipped, isDisabled
        case hasNoApplicableMachines, unavailableMachines, excludedMachines
    }
}

/// A deployment target a previewed step would run on.
public struct MachineDeploymentPreview: Codable, Sendable, Equatable {
    @Defaulted public var id: MachineID
    @Defaulted public var name: String
    @DefaultedTo<DefaultsToTrue> public var hasLatestCalamari: Bool
    /// `Healthy`, `HasWarnings`, `Unhealthy` or `Unavailable`.
    public var healthStatus: String?

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: MachineID = "",
        name: String = "",
        hasLatestCalamari: Bool = true,
        healthStatus: String? = nil
    ) {
        self.id = id
        self.name = name
        self.hasLatestCalamari = hasLatestCalamari
        self.healthStatus = healthStatus
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, hasLatestCalamari, healthStatus
    }
}
