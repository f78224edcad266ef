import Foundation

/// What a release may be deployed to now (`GET /releases/{id}/deployments/template`).
public struct DeploymentTemplate: Codable, Sendable, Equatable {
    public var id: String?
    public var isDeploymentProcessModified: Bool
    public var isVariableSetModified: Bool
    public var isLibraryVariableSetModified: Bool
    public var deploymentNotes: String?
    /// Environments the lifecycle allows the release to be deployed to now.
    public var promoteTo: [DeploymentPromotionTarget]
    public var tenantPromotions: [DeploymentPromotionTenant]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: String? = nil,
        isDeploymentProcessModified: Bool = false,
        isVariableSetModified: Bool = false,
        isLibraryVariableSetModified: Bool = false,
        deploymentNotes: String? = nil,
        promoteTo: [DeploymentPromotionTarget] = [],
        tenantPromotions: [DeploymentPromotionTenant] = [],
        lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil,
        links: Links = [:]
    ) {
        self.id = id
        self.isDeploymentProcessModified = isDeploymentProcessModified
        self.isVariableSetModified = isVariableSetModified
        self.isLibraryVariableSetModified = isLibraryVariableSetModified
        self.deploymentNotes = deploymentNotes
        self.promoteTo = promoteTo
        self.tenantPromotions = tenantPromotions
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case isDeploymentProcessModified = "IsDeploymentProcessModified"
        case isVariableSetModified = "IsVariableSetModified"
        case isLibraryVariableSetModified = "IsLibraryVariableSetModified"
        case deploymentNotes = "DeploymentNotes"
        case promoteTo = "PromoteTo"
        case tenantPromotions = "TenantPromotions"
        case lastModifiedOn = "LastModifiedOn"
        case lastModifiedBy = "LastModifiedBy"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        isDeploymentProcessModified = try c.decodeIfPresent(Bool.self, forKey: .isDeploymentProcessModified) ?? false
        isVariableSetModified = try c.decodeIfPresent(Bool.self, forKey: .isVariableSetModified) ?? false
        isLibraryVariableSetModified = try c.decodeIfPresent(Bool.self, forKey: .isLibraryVariableSetModified) ?? false
        deploymentNotes = try c.decodeIfPresent(String.self, forKey: .deploymentNotes)
        promoteTo = try c.decodeIfPresent([DeploymentPromotionTarget].self, forKey: .promoteTo) ?? []
        tenantPromotions = try c.decodeIfPresent([DeploymentPromotionTenant].self, forKey: .tenantPromotions) ?? []
        lastModifiedOn = try c.decodeIfPresent(Date.self, forKey: .lastModifiedOn)
        lastModifiedBy = try c.decodeIfPresent(String.self, forKey: .lastModifiedBy)
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// An environment a release can be promoted to; `Links.Preview` leads to the deployment preview.
public struct DeploymentPromotionTarget: Codable, Sendable, Equatable {
    /// The environment id.
    public var id: EnvironmentID
    public var name: String
    public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: EnvironmentID = "",
        name: String = "",
        links: Links = [:]
    ) {
        self.id = id
        self.name = name
        self.links = links
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case name = "Name"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(EnvironmentID.self, forKey: .id) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// A tenant and the environments a release can be promoted to for it.
public struct DeploymentPromotionTenant: Codable, Sendable, Equatable {
    /// The tenant id.
    public var id: TenantID
    public var name: String
    public var promoteTo: [DeploymentPromotionTarget]
    public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: TenantID = "",
        name: String = "",
        promoteTo: [DeploymentPromotionTarget] = [],
        links: Links = [:]
    ) {
        self.id = id
        self.name = name
        self.promoteTo = promoteTo
        self.links = links
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case name = "Name"
        case promoteTo = "PromoteTo"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(TenantID.self, forKey: .id) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        promoteTo = try c.decodeIfPresent([DeploymentPromotionTarget].self, forKey: .promoteTo) ?? []
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}
