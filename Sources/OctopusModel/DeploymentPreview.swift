import Foundation

/// What a deployment of a release to an environment would do (`GET /releases/{id}/deployments/preview/{environmentId}`).
public struct DeploymentPreview: Codable, Sendable, Equatable {
    public var id: String?
    public var stepsToExecute: [DeploymentTemplateStep]
    /// Prompted variables.
    public var form: Form
    public var useGuidedFailureModeByDefault: Bool
    /// Releases (and their build information) this deployment would bring to the environment.
    public var changes: [ReleaseChanges]
    public var changesMarkdown: String?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    public var links: Links

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

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case stepsToExecute = "StepsToExecute"
        case form = "Form"
        case useGuidedFailureModeByDefault = "UseGuidedFailureModeByDefault"
        case changes = "Changes"
        case changesMarkdown = "ChangesMarkdown"
        case lastModifiedOn = "LastModifiedOn"
        case lastModifiedBy = "LastModifiedBy"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        stepsToExecute = try c.decodeIfPresent([DeploymentTemplateStep].self, forKey: .stepsToExecute) ?? []
        form = try c.decodeIfPresent(Form.self, forKey: .form) ?? Form()
        useGuidedFailureModeByDefault = try c.decodeIfPresent(Bool.self, forKey: .useGuidedFailureModeByDefault) ?? false
        changes = try c.decodeIfPresent([ReleaseChanges].self, forKey: .changes) ?? []
        changesMarkdown = try c.decodeIfPresent(String.self, forKey: .changesMarkdown)
        lastModifiedOn = try c.decodeIfPresent(Date.self, forKey: .lastModifiedOn)
        lastModifiedBy = try c.decodeIfPresent(String.self, forKey: .lastModifiedBy)
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// One action of the deployment process as it would run in the previewed environment.
public struct DeploymentTemplateStep: Codable, Sendable, Equatable {
    public var actionId: String
    public var actionName: String
    /// "1", "2.1", ...
    public var actionNumber: String
    public var roles: [String]
    public var machineNames: [String]
    public var machines: [MachineDeploymentPreview]
    public var canBeSkipped: Bool
    public var isDisabled: Bool
    public var hasNoApplicableMachines: Bool
    public var unavailableMachines: [ReferenceDataItem]
    public var excludedMachines: [ReferenceDataItem]

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

    enum CodingKeys: String, CodingKey {
        case actionId = "ActionId"
        case actionName = "ActionName"
        case actionNumber = "ActionNumber"
        case roles = "Roles"
        case machineNames = "MachineNames"
        case machines = "Machines"
        case canBeSkipped = "CanBeSkipped"
        case isDisabled = "IsDisabled"
        case hasNoApplicableMachines = "HasNoApplicableMachines"
        case unavailableMachines = "UnavailableMachines"
        case excludedMachines = "ExcludedMachines"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        actionId = try c.decodeIfPresent(String.self, forKey: .actionId) ?? ""
        actionName = try c.decodeIfPresent(String.self, forKey: .actionName) ?? ""
        actionNumber = try c.decodeIfPresent(String.self, forKey: .actionNumber) ?? ""
        roles = try c.decodeIfPresent([String].self, forKey: .roles) ?? []
        machineNames = try c.decodeIfPresent([String].self, forKey: .machineNames) ?? []
        machines = try c.decodeIfPresent([MachineDeploymentPreview].self, forKey: .machines) ?? []
        canBeSkipped = try c.decodeIfPresent(Bool.self, forKey: .canBeSkipped) ?? false
        isDisabled = try c.decodeIfPresent(Bool.self, forKey: .isDisabled) ?? false
        hasNoApplicableMachines = try c.decodeIfPresent(Bool.self, forKey: .hasNoApplicableMachines) ?? false
        unavailableMachines = try c.decodeIfPresent([ReferenceDataItem].self, forKey: .unavailableMachines) ?? []
        excludedMachines = try c.decodeIfPresent([ReferenceDataItem].self, forKey: .excludedMachines) ?? []
    }
}

/// A deployment target a previewed step would run on.
public struct MachineDeploymentPreview: Codable, Sendable, Equatable {
    public var id: MachineID
    public var name: String
    public var hasLatestCalamari: Bool
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

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case name = "Name"
        case hasLatestCalamari = "HasLatestCalamari"
        case healthStatus = "HealthStatus"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(MachineID.self, forKey: .id) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        hasLatestCalamari = try c.decodeIfPresent(Bool.self, forKey: .hasLatestCalamari) ?? true
        healthStatus = try c.decodeIfPresent(String.self, forKey: .healthStatus)
    }
}
