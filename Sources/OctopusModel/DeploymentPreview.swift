import Foundation

/// What a deployment of a release to an environment would do (`GET /releases/{id}/deployments/preview/{environmentId}`).
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentPreview: Codable, Sendable, Equatable {
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
}

/// One action of the deployment process as it would run in the previewed environment.
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentTemplateStep: Codable, Sendable, Equatable {
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
}

/// A deployment target a previewed step would run on.
@MemberwiseInit @PascalCaseCodingKeys public struct MachineDeploymentPreview: Codable, Sendable, Equatable {
    @Defaulted public var id: MachineID
    @Defaulted public var name: String
    @DefaultedTo<DefaultsToTrue> public var hasLatestCalamari: Bool
    /// `Healthy`, `HasWarnings`, `Unhealthy` or `Unavailable`.
    public var healthStatus: String?
}
