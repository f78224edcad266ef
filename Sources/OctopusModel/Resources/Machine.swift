import Foundation

/// A deployment target (`DeploymentTargetResource`, served under `/machines`).
@MemberwiseInit @PascalCaseCodingKeys public struct Machine: Codable, Sendable, Equatable {
    public var id: MachineID
    public var spaceId: SpaceID
    public var name: String
    public var slug: String?
    public var environmentIds: [EnvironmentID] = []
    /// Target roles (tags) matched against a step's `Octopus.Action.TargetRoles`.
    public var roles: [String] = []
    public var isDisabled: Bool = false
    public var healthStatus: MachineHealthStatus = .healthy
    /// Legacy status: `Online`, `Offline`, `Unknown`, `NeedsUpgrade`, `CalamariNeedsUpgrade`, `Disabled`.
    public var status: String = "Online"
    public var statusSummary: String?
    public var machinePolicyId: MachinePolicyID?
    /// `Untenanted`, `TenantedOrUntenanted` or `Tenanted`.
    public var tenantedDeploymentParticipation: TenantedDeploymentMode = .untenanted
    public var tenantIds: [TenantID] = []
    public var tenantTags: [String] = []
    public var thumbprint: String?
    public var uri: String?
    public var hasLatestCalamari: Bool = true
    public var isInProcess: Bool = false
    public var operatingSystem: String?
    public var shellName: String?
    public var shellVersion: String?
    public var architecture: String?
    public var endpoint: Endpoint = Endpoint()
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
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
@MemberwiseInit @PascalCaseCodingKeys public struct Endpoint: Codable, Sendable, Equatable {
    public var id: String?
    /// `TentaclePassive`, `TentacleActive`, `Ssh`, `None`, `Kubernetes`, ... (kept inside the 2019
    /// allow-list so generated clients can parse it).
    public var communicationStyle: String = "TentaclePassive"
    public var uri: String?
    public var thumbprint: String?
    public var links: Links = [:]
}
