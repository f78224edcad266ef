import Foundation

/// A tenant (`TenantResource`): a customer or site that projects deploy to separately, connected to
/// some projects and, per project, to some environments.
@PascalCaseCodingKeys public struct Tenant: Codable, Sendable, Equatable {
    public var id: TenantID
    public var spaceId: SpaceID
    public var name: String
    public var description: String?
    /// Canonical tag names, e.g. `Hosting/Cloud`.
    public var tenantTags: [String]
    /// Project id → the environments the tenant is connected to for that project. Keyed by the raw
    /// id because JSON object keys are strings (a `ProjectID` key would encode as an array).
    public var projectEnvironments: [String: [EnvironmentID]]
    public var clonedFromTenantId: TenantID?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: TenantID, spaceId: SpaceID, name: String, description: String? = nil, tenantTags: [String] = [],
        projectEnvironments: [ProjectID: [EnvironmentID]] = [:], clonedFromTenantId: TenantID? = nil,
        lastModifiedOn: Date? = nil, lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.name = name
        self.description = description
        self.tenantTags = tenantTags
        self.projectEnvironments = Dictionary(
            projectEnvironments.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: { first, _ in first })
        self.clonedFromTenantId = clonedFromTenantId
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    /// The environments the tenant is connected to for `project`; nil when it is not connected to the
    /// project at all. Ids compare case-insensitively, as Octopus's do.
    public func environments(for project: ProjectID) -> [EnvironmentID]? {
        projectEnvironments.first { $0.key.caseInsensitiveCompare(project.rawValue) == .orderedSame }?.value
    }

    /// Whether the tenant is connected to `project` in `environment`.
    public func isConnected(to project: ProjectID, in environment: EnvironmentID) -> Bool {
        environments(for: project)?.contains { $0.rawValue.caseInsensitiveCompare(environment.rawValue) == .orderedSame } ?? false
    }
}
