import Foundation

/// A file attached to a task, deployment or release (`ArtifactResource`); its bytes are at `Links.Content`.
public struct Artifact: Codable, Sendable, Equatable {
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

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: ArtifactID = "",
        spaceId: SpaceID? = nil,
        filename: String = "",
        source: String? = nil,
        serverTaskId: ServerTaskID? = nil,
        created: Date? = nil,
        logCorrelationId: String? = nil,
        lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil,
        links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.filename = filename
        self.source = source
        self.serverTaskId = serverTaskId
        self.created = created
        self.logCorrelationId = logCorrelationId
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, filename, source, serverTaskId, created, logCorrelationId, lastModifiedOn, lastModifiedBy
        case links
    }
}
