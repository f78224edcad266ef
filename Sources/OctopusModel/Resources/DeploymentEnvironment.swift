import Foundation

/// An environment (`EnvironmentResource`), e.g. "Production". Named `DeploymentEnvironment` because
/// Hummingbird (in the sandbox) already has a type called `Environment`.
@MemberwiseInit @PascalCaseCodingKeys public struct DeploymentEnvironment: Codable, Sendable, Equatable {
    public var id: EnvironmentID
    public var spaceId: SpaceID
    public var name: String
    public var slug: String?
    public var description: String?
    /// Position in environment lists and in phase-less lifecycles.
    public var sortOrder: Int = 0
    public var useGuidedFailure: Bool = false
    public var allowDynamicInfrastructure: Bool = false
    /// Settings of server extensions, usually empty.
    public var extensionSettings: [ExtensionSetting] = []
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}
