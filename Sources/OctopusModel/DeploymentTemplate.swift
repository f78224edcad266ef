import Foundation

/// What a release may be deployed to now (`GET /releases/{id}/deployments/template`).
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentTemplate: Codable, Sendable, Equatable {
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
}

/// An environment a release can be promoted to; `Links.Preview` leads to the deployment preview.
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentPromotionTarget: Codable, Sendable, Equatable {
    /// The environment id.
    @Defaulted public var id: EnvironmentID
    @Defaulted public var name: String
    @Defaulted public var links: Links
}

/// A tenant and the environments a release can be promoted to for it.
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentPromotionTenant: Codable, Sendable, Equatable {
    /// The tenant id.
    @Defaulted public var id: TenantID
    @Defaulted public var name: String
    @Defaulted public var promoteTo: [DeploymentPromotionTarget]
    @Defaulted public var links: Links
}
