import Foundation

/// A project (`ProjectResource`): one deployable component such as "Web API".
@PascalCaseCodingKeys public struct Project: Codable, Sendable, Equatable {
    public var id: ProjectID
    public var spaceId: SpaceID
    public var name: String
    /// Lower-kebab form of the name ("Web API" -> "web-api"); `GET /projects/{idOrSlug}` accepts it.
    public var slug: String
    public var description: String?
    public var projectGroupId: ProjectGroupID
    /// The project's default lifecycle; a channel with a null `LifecycleId` uses this one.
    public var lifecycleId: LifecycleID
    public var deploymentProcessId: DeploymentProcessID
    public var variableSetId: VariableSetID
    public var isDisabled: Bool
    public var tenantedDeploymentMode: TenantedDeploymentMode
    public var defaultGuidedFailureMode: GuidedFailureMode
    public var discreteChannelRelease: Bool
    public var includedLibraryVariableSetIds: [String]
    public var defaultToSkipIfAlreadyInstalled: Bool
    public var autoCreateRelease: Bool
    public var isVersionControlled: Bool
    public var releaseNotesTemplate: String?
    public var deploymentChangesTemplate: String?
    public var clonedFromProjectId: ProjectID?
    public var versioningStrategy: VersioningStrategy?
    public var releaseCreationStrategy: ReleaseCreationStrategy?
    public var projectConnectivityPolicy: ProjectConnectivityPolicy
    public var persistenceSettings: PersistenceSettings?
    public var templates: [ActionTemplateParameter]
    public var autoDeployReleaseOverrides: [AutoDeployReleaseOverride]
    /// Server extensions' settings; the sandbox has no extensions, so it is empty (nil only when a
    /// stored document predates the field).
    public var extensionSettings: [ExtensionSetting]?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: ProjectID, spaceId: SpaceID, name: String, slug: String? = nil, description: String? = nil,
        projectGroupId: ProjectGroupID, lifecycleId: LifecycleID, deploymentProcessId: DeploymentProcessID? = nil,
        variableSetId: VariableSetID? = nil, isDisabled: Bool = false,
        tenantedDeploymentMode: TenantedDeploymentMode = .untenanted,
        defaultGuidedFailureMode: GuidedFailureMode = .environmentDefault, discreteChannelRelease: Bool = false,
        includedLibraryVariableSetIds: [String] = [], defaultToSkipIfAlreadyInstalled: Bool = false,
        autoCreateRelease: Bool = false, isVersionControlled: Bool = false, releaseNotesTemplate: String? = nil,
        deploymentChangesTemplate: String? = nil, clonedFromProjectId: ProjectID? = nil,
        versioningStrategy: VersioningStrategy? = VersioningStrategy(),
        releaseCreationStrategy: ReleaseCreationStrategy? = ReleaseCreationStrategy(),
        projectConnectivityPolicy: ProjectConnectivityPolicy = ProjectConnectivityPolicy(),
        persistenceSettings: PersistenceSettings? = PersistenceSettings(), templates: [ActionTemplateParameter] = [],
        autoDeployReleaseOverrides: [AutoDeployReleaseOverride] = [], lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.name = name
        self.slug = slug ?? Project.slug(for: name)
        self.description = description
        self.projectGroupId = projectGroupId
        self.lifecycleId = lifecycleId
        self.deploymentProcessId = deploymentProcessId ?? DeploymentProcessID(project: id)
        self.variableSetId = variableSetId ?? VariableSetID(project: id)
        self.isDisabled = isDisabled
        self.tenantedDeploymentMode = tenantedDeploymentMode
        self.defaultGuidedFailureMode = defaultGuidedFailureMode
        self.discreteChannelRelease = discreteChannelRelease
        self.includedLibraryVariableSetIds = includedLibraryVariableSetIds
        self.defaultToSkipIfAlreadyInstalled = defaultToSkipIfAlreadyInstalled
        self.autoCreateRelease = autoCreateRelease
        self.isVersionControlled = isVersionControlled
        self.releaseNotesTemplate = releaseNotesTemplate
        self.deploymentChangesTemplate = deploymentChangesTemplate
        self.clonedFromProjectId = clonedFromProjectId
        self.versioningStrategy = versioningStrategy
        self.releaseCreationStrategy = releaseCreationStrategy
        self.projectConnectivityPolicy = projectConnectivityPolicy
        self.persistenceSettings = persistenceSettings
        self.templates = templates
        self.autoDeployReleaseOverrides = autoDeployReleaseOverrides
        self.extensionSettings = []
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    /// Octopus's slug for a name: lower case, runs of other characters replaced by one `-`
    /// ("Web API" -> "web-api", "Release Orchestration" -> "release-orchestration").
    public static func slug(for name: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}

/// `Project.TenantedDeploymentMode`.
public enum TenantedDeploymentMode: String, Codable, Sendable, Equatable, CaseIterable {
    case untenanted = "Untenanted"
    case tenantedOrUntenanted = "TenantedOrUntenanted"
    case tenanted = "Tenanted"
}

/// `Project.DefaultGuidedFailureMode`.
public enum GuidedFailureMode: String, Codable, Sendable, Equatable, CaseIterable {
    case environmentDefault = "EnvironmentDefault"
    case off = "Off"
    case on = "On"
}

/// A reference to one package of one deployment action (`DeploymentActionPackageResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentActionPackage: Codable, Sendable, Equatable {
    /// The action's name.
    public var deploymentAction: String
    /// The package reference name ("" or nil = the action's primary package).
    public var packageReference: String?
}

/// How release versions are chosen (`VersioningStrategyResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct VersioningStrategy: Codable, Sendable, Equatable {
    /// A version template such as `#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}`.
    public var template: String? = "#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}"
    /// The package whose version becomes the release version.
    public var donorPackage: DeploymentActionPackage?
}

/// Automatic release creation settings (`ReleaseCreationStrategyResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct ReleaseCreationStrategy: Codable, Sendable, Equatable {
    public var channelId: ChannelID?
    public var releaseCreationPackage: DeploymentActionPackage?
}

/// Target selection rules of a project (`DeploymentConnectivityPolicy`).
@MemberwiseInit @PascalCaseCodingKeys public struct ProjectConnectivityPolicy: Codable, Sendable, Equatable {
    /// `None` or `SkipUnavailableMachines`.
    public var skipMachineBehavior: String = "None"
    public var targetRoles: [String] = []
    public var allowDeploymentsToNoTargets: Bool = false
    public var excludeUnhealthyTargets: Bool = false
}

/// Where the project's configuration lives (`PersistenceSettingsResource`): "Database" or "VersionControlled".
@MemberwiseInit @PascalCaseCodingKeys public struct PersistenceSettings: Codable, Sendable, Equatable {
    public var type: String = "Database"
}

/// A project variable template (`ActionTemplateParameterResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct ActionTemplateParameter: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var label: String?
    public var helpText: String?
    public var defaultValue: String?
    public var displaySettings: [String: String] = [:]
}

/// A pinned release for automatic deployments (`AutoDeployReleaseOverrideResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct AutoDeployReleaseOverride: Codable, Sendable, Equatable {
    public var environmentId: EnvironmentID
    public var tenantId: TenantID?
    public var releaseId: ReleaseID
}
