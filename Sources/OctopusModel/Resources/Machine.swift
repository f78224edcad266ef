import Foundation

/// A deployment target (`DeploymentTargetResource`, served under `/machines`).
public struct Machine: Codable, Sendable, Equatable {
    public var id: MachineID
    public var spaceId: SpaceID
    public var name: String
    public var slug: String?
    public var environmentIds: [EnvironmentID]
    /// Target roles (tags) matched against a step's `Octopus.Action.TargetRoles`.
    public var roles: [String]
    public var isDisabled: Bool
    public var healthStatus: MachineHealthStatus
    /// Legacy status: `Online`, `Offline`, `Unknown`, `NeedsUpgrade`, `CalamariNeedsUpgrade`, `Disabled`.
    public var status: String
    public var statusSummary: String?
    public var machinePolicyId: MachinePolicyID?
    /// `Untenanted`, `TenantedOrUntenanted` or `Tenanted`.
    public var tenantedDeploymentParticipation: TenantedDeploymentMode
    public var tenantIds: [TenantID]
    public var tenantTags: [String]
    public var thumbprint: String?
    public var uri: String?
    public var hasLatestCalamari: Bool
    public var isInProcess: Bool
    public var operatingSystem: String?
    public var shellName: String?
    public var shellVersion: String?
    public var architecture: String?
    public var endpoint: Endpoint
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: MachineID, spaceId: SpaceID, name: String, slug: String? = nil, environmentIds: [EnvironmentID] = [],
        roles: [String] = [], isDisabled: Bool = false, healthStatus: MachineHealthStatus = .healthy,
        status: String = "Online", statusSummary: String? = nil, machinePolicyId: MachinePolicyID? = nil,
        tenantedDeploymentParticipation: TenantedDeploymentMode = .untenanted, tenantIds: [TenantID] = [],
        tenantTags: [String] = [], thumbprint: String? = nil, uri: String? = nil, hasLatestCalamari: Bool = true,
        isInProcess: Bool = false, operatingSystem: String? = nil, shellName: String? = nil,
        shellVersion: String? = nil, architecture: String? = nil, endpoint: Endpoint = Endpoint(),
        lastModifiedOn: Date? = nil, lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.name = name
        self.slug = slug
        self.environmentIds = environmentIds
        self.roles = roles
        self.isDisabled = isDisabled
        self.healthStatus = healthStatus
        self.status = status
        self.statusSummary = statusSummary
        self.machinePolicyId = machinePolicyId
        self.tenantedDeploymentParticipation = tenantedDeploymentParticipation
        self.tenantIds = tenantIds
        self.tenantTags = tenantTags
        self.thumbprint = thumbprint
        self.uri = uri
        self.hasLatestCalamari = hasLatestCalamari
        self.isInProcess = isInProcess
        self.operatingSystem = operatingSystem
        self.shellName = shellName
        self.shellVersion = shellVersion
        self.architecture = architecture
        self.endpoint = endpoint
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, slug, environmentIds, roles, isDisabled, healthStatus, status, statusSummary
        case machinePolicyId, tenantedDeploymentParticipation, tenantIds, tenantTags, thumbprint, uri
        case hasLatestCalamari, isInProcess, operatingSystem, shellName, shellVersion, architecture, endpoint
        case lastModifiedOn, lastModifiedBy, links
    }
}

/// `Machine.HealthStatus`.
public enum MachineHealthStatus: String, Codable, Sendable, Equatable, CaseIterable {
    case healthy = "Healthy"
    case unavailable = "Unavailable"
    case unknown = "Unknown"
    case hasWarnings = "HasWarnings"
    case unhealthy = "Unhealthy"
}

/// How the server talks to a target (`EndpointResource`).
public struct Endpoint: Codable, Sendable, Equatable {
    public var id: String?
    /// `TentaclePassive`, `TentacleActive`, `Ssh`, `None`, `Kubernetes`, ... (kept inside the 2019
    /// allow-list so generated clients can parse it).
    public var communicationStyle: String
    public var uri: String?
    public var thumbprint: String?
    public var links: Links

    public init(
        id: String? = nil, communicationStyle: String = "TentaclePassive", uri: String? = nil,
        thumbprint: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.communicationStyle = communicationStyle
        self.uri = uri
        self.thumbprint = thumbprint
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, communicationStyle, uri, thumbprint, links
    }
}
