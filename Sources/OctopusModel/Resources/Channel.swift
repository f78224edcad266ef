import Foundation

/// A channel of a project (`ChannelResource`). A null `LifecycleId` means the channel uses its
/// project's lifecycle.
public struct Channel: Codable, Sendable, Equatable {
    public var id: ChannelID
    public var spaceId: SpaceID
    public var projectId: ProjectID
    public var name: String
    public var slug: String?
    public var description: String?
    /// Nil: use the project's `LifecycleId`.
    public var lifecycleId: LifecycleID?
    /// Exactly one channel per project is the default.
    public var isDefault: Bool
    /// Package version rules releases in this channel must satisfy.
    public var rules: [ChannelVersionRule]
    public var tenantTags: [String]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: ChannelID, spaceId: SpaceID, projectId: ProjectID, name: String, slug: String? = nil,
        description: String? = nil, lifecycleId: LifecycleID? = nil, isDefault: Bool = false,
        rules: [ChannelVersionRule] = [], tenantTags: [String] = [], lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.projectId = projectId
        self.name = name
        self.slug = slug
        self.description = description
        self.lifecycleId = lifecycleId
        self.isDefault = isDefault
        self.rules = rules
        self.tenantTags = tenantTags
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, projectId, name, slug, description, lifecycleId, isDefault, rules, tenantTags
        case lastModifiedOn, lastModifiedBy, links
    }
}

/// A channel version rule (`ChannelVersionRuleResource`): the packages of `ActionPackages` must have
/// versions inside `VersionRange` (NuGet range syntax, e.g. `[2.0,3.0)`) and a pre-release tag
/// matching `Tag` (a regular expression; `^$` = no pre-release tag).
public struct ChannelVersionRule: Codable, Sendable, Equatable {
    public var id: String
    public var versionRange: String?
    public var tag: String?
    public var actionPackages: [DeploymentActionPackage]
    public var links: Links

    public init(
        id: String, versionRange: String? = nil, tag: String? = nil, actionPackages: [DeploymentActionPackage] = [],
        links: Links = [:]
    ) {
        self.id = id
        self.versionRange = versionRange
        self.tag = tag
        self.actionPackages = actionPackages
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, versionRange, tag, actionPackages, links
    }
}
