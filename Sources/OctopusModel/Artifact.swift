import Foundation

/// A file attached to a task, deployment or release (`ArtifactResource`); its bytes are at `Links.Content`.
@MemberwiseInit @PascalCaseCodingKeys public struct Artifact: Codable, Sendable, Equatable {
    @Defaulted public var id: ArtifactID
    public var spaceId: SpaceID?
    /// Required on create.
    @Defaulted public var filename: String
    public var source: String?
    public var serverTaskId: ServerTaskID?
    public var created: Date?
    public var logCorrelationId: String?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links
}
