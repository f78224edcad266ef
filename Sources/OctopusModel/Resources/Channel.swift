import Foundation

/// A channel of a project (`ChannelResource`). A null `LifecycleId` means the channel uses its
/// project's lifecycle.
@MemberwiseInit @PascalCaseCodingKeys public struct Channel: Codable, Sendable, Equatable {
    public var id: ChannelID
    public var spaceId: SpaceID
    public var projectId: ProjectID
    public var name: String
    public var slug: String?
    public var description: String?
    /// Nil: use the project's `LifecycleId`.
    public var lifecycleId: LifecycleID?
    /// Exactly one channel per project is the default.
    public var isDefault: Bool = false
    /// Package version rules releases in this channel must satisfy.
    public var rules: [ChannelVersionRule] = []
    public var tenantTags: [String] = []
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}

/// A channel version rule (`ChannelVersionRuleResource`): the packages of `ActionPackages` must have
/// versions inside `VersionRange` (NuGet range syntax, e.g. `[2.0,3.0)`) and a pre-release tag
/// matching `Tag` (a regular expression; `^$` = no pre-release tag).
@MemberwiseInit @PascalCaseCodingKeys public struct ChannelVersionRule: Codable, Sendable, Equatable {
    public var id: String
    public var versionRange: String?
    public var tag: String?
    public var actionPackages: [DeploymentActionPackage] = []
    public var links: Links = [:]
}
