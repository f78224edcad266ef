import Foundation

/// A project group (`ProjectGroupResource`), e.g. "Sample Application".
@MemberwiseInit @PascalCaseCodingKeys public struct ProjectGroup: Codable, Sendable, Equatable {
    public var id: ProjectGroupID
    public var spaceId: SpaceID
    public var name: String
    public var description: String?
    public var environmentIds: [EnvironmentID] = []
    public var retentionPolicyId: String?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}
