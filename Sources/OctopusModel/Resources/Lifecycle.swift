import Foundation

/// A lifecycle (`LifecycleResource`): the ordered phases releases are promoted through. No phases
/// means one implicit phase per environment in environment `SortOrder`
/// (`GET /lifecycles/{id}/preview` materialises them).
public struct Lifecycle: Codable, Sendable, Equatable {
    public var id: LifecycleID
    public var spaceId: SpaceID
    public var name: String
    public var slug: String?
    public var description: String?
    public var phases: [Phase]
    public var releaseRetentionPolicy: RetentionPeriod
    public var tentacleRetentionPolicy: RetentionPeriod
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: LifecycleID, spaceId: SpaceID, name: String, slug: String? = nil, description: String? = nil,
        phases: [Phase] = [], releaseRetentionPolicy: RetentionPeriod = .keepForever,
        tentacleRetentionPolicy: RetentionPeriod = .keepForever, lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.name = name
        self.slug = slug
        self.description = description
        self.phases = phases
        self.releaseRetentionPolicy = releaseRetentionPolicy
        self.tentacleRetentionPolicy = tentacleRetentionPolicy
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, slug, description, phases, releaseRetentionPolicy, tentacleRetentionPolicy
        case lastModifiedOn, lastModifiedBy, links
    }
}
