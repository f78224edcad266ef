import Foundation

/// What a release may be deployed to now (`GET /releases/{id}/deployments/template`).
public struct DeploymentTemplate: Codable, Sendable, Equatable {
    public var id: String?
    @Defaulted public var isDeploymentProcessModified: Bool
    @Defaulted public var isVariableSetModified: Bool
    @Defaulted public var isLibraryVariableSetModified: Bool
    public var deploymentNotes: String?
    /// Environments the lifecycle allows the release to be deployed to now.
    @Defaulted public var promoteTo: [DeploymentPromotionTarget]
    @Defaulted public var tenantPromotions: [DeploymentPromotionTenant]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links

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

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, isDeploymentProcessModified, isVariableSetModified, isLibraryVariableSetModified, deploymentNotes
        case promoteTo, tenantPromotions, lastModifiedOn, lastModifiedBy, links
    }
}

/// An environment a release can be promoted to; `Links.Preview` leads to the deployment preview.
public struct DeploymentPromotionTarget: Codable, Sendable, Equatable {
    /// The environment id.
    @Defaulted public var id: EnvironmentID
    @Defaulted public var name: String
    @Defaulted public var links: Links

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

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, links
    }
}

/// A tenant and the environments a release can be promoted to for it.
public struct DeploymentPromotionTenant: Codable, Sendable, Equatable {
    /// The tenant id.
    @Defaulted public var id: TenantID
    @Defaulted public var name: String
    @Defaulted public var promoteTo: [DeploymentPromotionTarget]
    @Defaulted public var links: Links

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

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, promoteTo, links
    }
}
