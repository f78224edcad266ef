import Foundation
import OctopusModel

// The small documents resources link to (`Links.DeploymentSettings`, `Links.Connection`, ...),
// each built from the resource it belongs to.

/// A project's deployment settings (`DeploymentSettingsResource`), read from the project.
struct DeploymentSettings: Codable, Sendable, Equatable {
    var id: String
    var spaceId: SpaceID
    var projectId: ProjectID
    var connectivityPolicy: ProjectConnectivityPolicy
    var defaultGuidedFailureMode: GuidedFailureMode
    var defaultToSkipIfAlreadyInstalled: Bool
    var deploymentChangesTemplate: String?
    var releaseNotesTemplate: String?
    var versioningStrategy: VersioningStrategy?
    var lastModifiedOn: Date?
    var lastModifiedBy: String?
    var links: Links

    init(_ project: Project) {
        id = "deploymentsettings-\(project.id.rawValue)"
        spaceId = project.spaceId
        projectId = project.id
        connectivityPolicy = project.projectConnectivityPolicy
        defaultGuidedFailureMode = project.defaultGuidedFailureMode
        defaultToSkipIfAlreadyInstalled = project.defaultToSkipIfAlreadyInstalled
        deploymentChangesTemplate = project.deploymentChangesTemplate
        releaseNotesTemplate = project.releaseNotesTemplate
        versioningStrategy = project.versioningStrategy
        lastModifiedOn = project.lastModifiedOn
        lastModifiedBy = project.lastModifiedBy
        links = ["Self": "/api/\(project.spaceId.rawValue)/projects/\(project.id.rawValue)/deploymentsettings"]
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, projectId, connectivityPolicy, defaultGuidedFailureMode, defaultToSkipIfAlreadyInstalled
        case deploymentChangesTemplate, releaseNotesTemplate, versioningStrategy, lastModifiedOn, lastModifiedBy, links
    }
}

/// `GET /projects/{id}/summary` (`ProjectSummary`).
struct ProjectSummary: Codable, Sendable, Equatable {
    var hasDeploymentProcess: Bool
    var hasRunbooks: Bool

    enum CodingKeys: String, PascalCaseCodingKey {
        case hasDeploymentProcess, hasRunbooks
    }
}

/// The last health check's connection result of a target (`MachineConnectionStatus`).
struct MachineConnectionStatus: Codable, Sendable, Equatable {
    var id: String
    var machineId: MachineID
    var status: String
    var currentTentacleVersion: String?
    var lastChecked: Date?
    var logs: [String]
    var links: Links

    init(_ machine: Machine) {
        id = "machineconnectionstatus-\(machine.id.rawValue)"
        machineId = machine.id
        status = machine.status
        currentTentacleVersion = nil
        lastChecked = machine.lastModifiedOn
        logs = []
        links = ["Self": "/api/\(machine.spaceId.rawValue)/machines/\(machine.id.rawValue)/connection"]
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, machineId, status, currentTentacleVersion, lastChecked, logs, links
    }
}

/// An entry of the fixed lists (`tasks/tasktypes`, `events/agents`, `events/documenttypes`).
struct NamedItem: Codable, Sendable, Equatable {
    var id: String
    var name: String

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name
    }
}

/// An event group and the categories it gathers (`EventGroupResource`).
struct EventGroup: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var eventCategories: [String]

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, eventCategories
    }
}

/// A team's role in a space (`ScopedUserRoleResource`), from the permissions the team holds there.
struct ScopedUserRole: Codable, Sendable, Equatable {
    var id: String
    var teamId: TeamID
    var userRoleId: String
    var spaceId: SpaceID
    var projectIds: [String] = []
    var environmentIds: [String] = []
    var tenantIds: [String] = []
    var projectGroupIds: [String] = []
    var links: Links = [:]

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, teamId, userRoleId, spaceId, projectIds, environmentIds, tenantIds, projectGroupIds, links
    }
}

/// One of a user's API keys (`ApiKeyResource`); the key itself is never shown again after it is
/// created, so `ApiKey` only says that there is one.
struct APIKeyRecord: Codable, Sendable, Equatable {
    var id: String
    var userId: UserID
    var purpose: String?
    var apiKey: Hidden
    var created: Date?
    var expires: Date?
    var links: Links

    /// A sensitive value without its value (`SensitiveValue`).
    struct Hidden: Codable, Sendable, Equatable {
        var hasValue = true

        enum CodingKeys: String, PascalCaseCodingKey { case hasValue }
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, userId, purpose, apiKey, created, expires, links
    }
}

/// What a user may do (`UserPermissionSetResource`): per permission, the spaces granting it.
struct UserPermissionSet: Codable, Sendable, Equatable {
    var id: String
    var spacePermissions: [String: [Restriction]]
    var systemPermissions: [String]
    var teams: [TeamReference]
    var isPermissionsComplete = true
    var isTeamsComplete = true
    var links: Links

    /// Where a permission applies (`UserPermissionRestriction`); the sandbox grants whole spaces.
    struct Restriction: Codable, Sendable, Equatable {
        var spaceId: SpaceID
        var restrictedToProjectIds: [String] = []
        var restrictedToEnvironmentIds: [String] = []
        var restrictedToTenantIds: [String] = []
        var restrictedToProjectGroupIds: [String] = []

        enum CodingKeys: String, PascalCaseCodingKey {
            case spaceId, restrictedToProjectIds, restrictedToEnvironmentIds, restrictedToTenantIds
            case restrictedToProjectGroupIds
        }
    }

    /// A team the user belongs to (`ProjectedTeamReferenceDataItem`).
    struct TeamReference: Codable, Sendable, Equatable {
        var id: TeamID
        var name: String
        var spaceId: SpaceID?

        enum CodingKeys: String, PascalCaseCodingKey {
            case id, name, spaceId
        }
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spacePermissions, systemPermissions, teams, isPermissionsComplete, isTeamsComplete, links
    }
}

/// The variables scoped to exactly one environment or machine (`VariablesScopedToEnvironmentResponse`),
/// by the project owning them.
struct EnvironmentScopedVariables: Codable, Sendable, Equatable {
    var hasUnauthorizedProjectVariables = false
    var hasUnauthorizedLibraryVariableSetVariables = false
    var variableMap: [String: [Variable]]

    enum CodingKeys: String, PascalCaseCodingKey {
        case hasUnauthorizedProjectVariables, hasUnauthorizedLibraryVariableSetVariables, variableMap
    }
}

/// A match of `GET /spaces/{id}/search` (`SpaceSearchResult`).
struct SpaceSearchResult: Codable, Sendable, Equatable {
    var id: String
    var name: String
    /// The kind: `Project`, `Environment`, `Tenant`, ...
    var type: String

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, type
    }
}
