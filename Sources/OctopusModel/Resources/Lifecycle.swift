import Foundation

/// A lifecycle (`LifecycleResource`): the ordered phases releases are promoted through. No phases
/// means one implicit phase per environment in environment `SortOrder`
/// (`GET /lifecycles/{id}/preview` materialises them).
@MemberwiseInit @PascalCaseCodingKeys public struct Lifecycle: Codable, Sendable, Equatable {
    public var id: LifecycleID
    public var spaceId: SpaceID
    public var name: String
    public var slug: String?
    public var description: String?
    public var phases: [Phase] = []
    public var releaseRetentionPolicy: RetentionPeriod = .keepForever
    public var tentacleRetentionPolicy: RetentionPeriod = .keepForever
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}
