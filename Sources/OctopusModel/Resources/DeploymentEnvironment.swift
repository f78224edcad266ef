import Foundation

/// An environment (`EnvironmentResource`), e.g. "Production". Named `DeploymentEnvironment` because
/// Hummingbird (in the sandbox) already has a type called `Environment`.
public struct DeploymentEnvironment: Codable, Sendable, Equatable {
    public var id: EnvironmentID
    public var spaceId: SpaceID
    public var name: String
    public var slug: String?
    public var description: String?
    /// Position in environment lists and in phase-less lifecycles.
    public var sortOrder: Int
    public var useGuidedFailure: Bool
    public var allowDynamicInfrastructure: Bool
    /// Settings of server extensions, usually empty.
    public var extensionSettings: [ExtensionSetting]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: EnvironmentID, spaceId: SpaceID, name: String, slug: String? = nil, description: String? = nil,
        sortOrder: Int = 0, useGuidedFailure: Bool = false, allowDynamicInfrastructure: Bool = false,
        extensionSettings: [ExtensionSetting] = [], lastModifiedOn: Date? = nil, lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.name = name
        self.slug = slug
        self.description = description
        self.sortOrder = sortOrder
        self.useGuidedFailure = useGuidedFailure
        self.allowDynamicInfrastructure = allowDynamicInfrastructure
        self.extensionSettings = extensionSettings
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, slug, description, sortOrder, useGuidedFailure, allowDynamicInfrastructure
        case extensionSettings, lastModifiedOn, lastModifiedBy, links
    }
}
